// BETTER_AUTH_SECRET signs Better Auth sessions and the WebSocket tickets. Without it nothing
// that authenticates can work safely, so every such route stops with the same clear message.

import { AuthConfigError } from './auth-config-error';

export const MISSING_SECRET_MESSAGE =
  'BETTER_AUTH_SECRET is not set: add it to .dev.vars for `wrangler dev` ' +
  '(BETTER_AUTH_SECRET=<at least 32 random characters>) and run ' +
  '`npx wrangler secret put BETTER_AUTH_SECRET` before `wrangler deploy`';

/** The signing secret, or an AuthConfigError naming how to set it. */
export function readAuthSecret(env: object): string {
  const secret = (env as { BETTER_AUTH_SECRET?: unknown }).BETTER_AUTH_SECRET;
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new AuthConfigError(MISSING_SECRET_MESSAGE);
  }

  return secret;
}
