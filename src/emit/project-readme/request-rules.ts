// The QUICKBACK.md sections on what the routes refuse before touching data, and on what happens
// to open sockets when someone's access changes.

import type { ProjectModel } from '../../model/types.ts';
import { para } from './sections.ts';

export function requestRulesSection(): string[] {
  return [
    '## Request rules',
    '',
    ...para(
      'The CRUD routes and `POST /broadcast/v1/ws-ticket` accept bodies of at most 1 MiB and',
      'answer 413 `request body too large (limit 1 MiB)` beyond that: a Worker holds the body',
      'in memory, and D1 stores at most about 2 MB per value. Write bodies must be sent as',
      '`content-type: application/json` (415 otherwise). A value D1 still refuses as too big',
      'answers 413; any other database failure answers 500 `database error`, with the detail',
      'in the Worker log.',
    ),
    ...para(
      'A POST, PATCH or DELETE that carries a cookie and no `Authorization` header must send an',
      "`Origin` header naming the Worker's own origin, the origin of `BETTER_AUTH_URL`, or one",
      'of the origins in `BETTER_AUTH_TRUSTED_ORIGINS` (exact origins, comma-separated);',
      'otherwise it answers 403 `cross-origin request refused`. Browsers send `Origin` with every',
      'such request, and the check stops another site from posting a form or a `text/plain` fetch',
      "that rides on your user's cookie. Requests with `Authorization: Bearer` are not checked:",
      'no other site can make a browser add that header.',
    ),
  ];
}

export function accessChangesSection(model: ProjectModel): string[] {
  const ticket = model.database.wsTicket;
  return [
    '## When access changes',
    '',
    ...(model.auth.provider === 'better-auth'
      ? para(
          'Removing a member (`/api/auth/organization/remove-member`), changing their role',
          '(`/organization/update-member-role`) or a member leaving (`/organization/leave`)',
          "closes that user's sockets in the organization lane with code 4001 once the change",
          'is written. The client fetches a new ticket, which carries the new roles (or no',
          'organization). Should the Broadcaster be unreachable, the change still succeeds and',
          'the failure is logged.',
        )
      : para(
          'Your auth module owns memberships: when a user leaves an organization or their roles',
          'change, call `createRealtime(env).disconnect({ organizationId, userId })` so their',
          'sockets close with code 4001 and come back with a ticket carrying the new claims.',
        )),
    ...para(
      'A ticket minted before the change stays valid for the rest of its 60 seconds: the',
      "upgrade checks the ticket's signature and expiry, not the database, so it costs no query.",
      'Within that minute a client holding such a ticket can still open a socket with the old',
      'claims; where a removal must be final at once, call `disconnect` again a minute later.',
    ),
    ...(ticket
      ? para(
          'Sockets opened with resource tickets are not closed automatically: when you delete',
          `or change a row of \`${ticket.relation.table}\`, call`,
          `\`createRealtime(env).disconnect({ scopeKey: '${ticket.scopeTable}:' + id, userId })\`.`,
        )
      : []),
  ];
}
