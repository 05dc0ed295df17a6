// Hand-written entry of the demo project (no generated header, so `quickback build` leaves it
// alone): the generated app plus one custom route that publishes a namespace event, the way
// a team adds its own endpoints next to the generated CRUD API.

import { app } from './app';
import { createRealtime } from './lib/realtime';
import { resolveSession } from './lib/auth';
import { requireSession } from './lib/server/session';

export { Broadcaster } from './lib/realtime/broadcaster';

// Custom routes are not auto-broadcast: a handler that should be live calls the helper itself.
app.post('/api/v1/screening/:applicationId/start', requireSession(resolveSession), async (c) => {
  const session = c.get('session');
  if (!session.activeOrgId) return c.json({ error: 'no active organization' }, 403);

  const realtime = createRealtime(c.env);
  const applicationId = c.req.param('applicationId');
  const result = await realtime.screening.started(
    { applicationId, startedBy: session.userId },
    session.activeOrgId,
  );
  return c.json({ ok: true, delivery: result });
});

export default app;
