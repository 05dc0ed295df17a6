// The SQL for Better Auth 1.4's tables on D1 (SQLite): the core tables plus the organization
// plugin's (the bearer plugin adds none). Derived by hand from Better Auth's schema
// (`getAuthTables` with the organization plugin) and checked against it by
// test/auth/migration-sql.test.ts; types follow Better Auth's SQLite mapping (booleans as integer,
// dates as `date` holding ISO text). Column names are Better Auth's own (camelCase), so its
// adapter needs no field mapping.

export interface AuthColumn {
  name: string;
  type: 'text' | 'integer' | 'date';
  notNull: boolean;
  unique?: boolean;
  references?: string;
}

export interface AuthTable {
  name: string;
  columns: AuthColumn[];
  /** Columns that get an index of their own. */
  indexes: string[];
}

const id: AuthColumn = { name: 'id', type: 'text', notNull: true };
const text = (name: string, notNull = true): AuthColumn => ({ name, type: 'text', notNull });
const date = (name: string, notNull = true): AuthColumn => ({ name, type: 'date', notNull });
const ref = (name: string, table: string): AuthColumn => ({
  name,
  type: 'text',
  notNull: true,
  references: table,
});

export const AUTH_TABLES: AuthTable[] = [
  {
    name: 'user',
    columns: [
      id,
      text('name'),
      { ...text('email'), unique: true },
      { name: 'emailVerified', type: 'integer', notNull: true },
      text('image', false),
      date('createdAt'),
      date('updatedAt'),
    ],
    indexes: [],
  },
  {
    name: 'session',
    columns: [
      id,
      date('expiresAt'),
      { ...text('token'), unique: true },
      date('createdAt'),
      date('updatedAt'),
      text('ipAddress', false),
      text('userAgent', false),
      ref('userId', 'user'),
      text('activeOrganizationId', false),
    ],
    indexes: ['userId'],
  },
  {
    name: 'account',
    columns: [
      id,
      text('accountId'),
      text('providerId'),
      ref('userId', 'user'),
      text('accessToken', false),
      text('refreshToken', false),
      text('idToken', false),
      date('accessTokenExpiresAt', false),
      date('refreshTokenExpiresAt', false),
      text('scope', false),
      text('password', false),
      date('createdAt'),
      date('updatedAt'),
    ],
    indexes: ['userId'],
  },
  {
    name: 'verification',
    columns: [
      id,
      text('identifier'),
      text('value'),
      date('expiresAt'),
      date('createdAt'),
      date('updatedAt'),
    ],
    indexes: ['identifier'],
  },
  {
    name: 'organization',
    columns: [
      id,
      text('name'),
      { ...text('slug'), unique: true },
      text('logo', false),
      date('createdAt'),
      text('metadata', false),
    ],
    indexes: [],
  },
  {
    name: 'member',
    columns: [
      id,
      ref('organizationId', 'organization'),
      ref('userId', 'user'),
      text('role'),
      date('createdAt'),
    ],
    indexes: ['organizationId', 'userId'],
  },
  {
    name: 'invitation',
    columns: [
      id,
      ref('organizationId', 'organization'),
      text('email'),
      text('role', false),
      text('status'),
      date('expiresAt'),
      date('createdAt'),
      ref('inviterId', 'user'),
    ],
    indexes: ['organizationId', 'email'],
  },
];

/** Table names the auth migration creates; a manifest table must not reuse one. */
export const AUTH_TABLE_NAMES: readonly string[] = AUTH_TABLES.map((table) => table.name);

const quote = (name: string) => `"${name}"`;

function columnSql(column: AuthColumn): string {
  const parts = [quote(column.name), column.type];
  if (column.notNull) parts.push('NOT NULL');
  if (column.name === 'id') parts.push('PRIMARY KEY');
  if (column.unique) parts.push('UNIQUE');
  // Deleting a user or an organization takes their sessions, memberships and invitations along.
  if (column.references)
    parts.push(`REFERENCES ${quote(column.references)} ("id") ON DELETE CASCADE`);
  return parts.join(' ');
}

function tableSql(table: AuthTable): string {
  const columns = table.columns.map((column) => `  ${columnSql(column)}`).join(',\n');
  return `CREATE TABLE IF NOT EXISTS ${quote(table.name)} (\n${columns}\n);`;
}

function indexSql(table: AuthTable, column: string): string {
  const name = quote(`${table.name}_${column}_idx`);
  return `CREATE INDEX IF NOT EXISTS ${name} ON ${quote(table.name)} (${quote(column)});`;
}

/** The migration body (without the generated header line). */
export function authMigrationSql(): string {
  const tables = AUTH_TABLES.map(tableSql);
  const indexes = AUTH_TABLES.flatMap((table) => table.indexes.map((c) => indexSql(table, c)));
  return `${tables.join('\n\n')}\n\n${indexes.join('\n')}\n`;
}
