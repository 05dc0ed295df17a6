// Defaults the manifest does not have to spell out. Each is documented in the schema too.

/** A compatibility date the bundled wrangler 4.86 and its workerd support. */
export const DEFAULT_COMPATIBILITY_DATE = '2025-09-01';

export const DEFAULT_BINDING = 'DB';

/**
 * D1 needs an id in the wrangler config. The all-zero id works for `wrangler dev` and local
 * D1 only; a deploy needs the id that `wrangler d1 create` prints.
 */
export const LOCAL_DATABASE_ID = '00000000-0000-0000-0000-000000000000';

export const DEFAULT_AUTH_EXPORT = 'getSession';
