// The closed set of diagnostic codes. Each code has one entry here: its severity, a short
// title (the heading in docs/diagnostics.md) and the function that words its message. The
// `satisfies` clause below makes a code without an entry, or an entry without a code, a
// compile error.
//
// The file grows with every code by design: one table for all stages is what keeps the set
// closed and the docs page (docs/diagnostics.md, checked by a test) complete.

import { capList, NAME_LIMIT, shorten } from './text.ts';
import type { Severity } from './types.ts';

export type DiagnosticCode =
  | 'QB001'
  | 'QB002'
  | 'QB003'
  | 'QB004'
  | 'QB005'
  | 'QB010'
  | 'QB011'
  | 'QB012'
  | 'QB013'
  | 'QB014'
  | 'QB015'
  | 'QB016'
  | 'QB017'
  | 'QB018'
  | 'QB019'
  | 'QB020'
  | 'QB021'
  | 'QB022'
  | 'QB023'
  | 'QB024'
  | 'QB025'
  | 'QB026'
  | 'QB027'
  | 'QB028'
  | 'QB029'
  | 'QB030'
  | 'QB031'
  | 'QB032'
  | 'QB033'
  | 'QB034'
  | 'QB035'
  | 'QB036'
  | 'QB037'
  | 'QB040'
  | 'QB041'
  | 'QB050'
  | 'QB051'
  | 'QB052'
  | 'QB060'
  | 'QB061'
  | 'QB062'
  | 'QB070'
  | 'QB071'
  | 'QB072'
  | 'QB080'
  | 'QB081'
  | 'QB082'
  | 'QB083';

interface CodeEntry<P> {
  severity: Severity;
  title: string;
  message: (params: P) => string;
}

const entry = <P>(severity: Severity, title: string, message: (params: P) => string) => ({
  severity,
  title,
  message,
});

const DETAIL_LIMIT = 200;

/** A name as code: `name`, cut short when it is very long. */
const q = (name: string) => `\`${shorten(name, NAME_LIMIT)}\``;

/** Names as code, at most LIST_LIMIT of them: `a`, `b`, and 3 more. */
const qList = (names: readonly string[], separator = ', ') => capList(names.map(q)).join(separator);

/** Appends ` (did you mean `x`?)` when a close name exists. */
export const hint = (suggestion: string | null): string =>
  suggestion === null ? '' : ` (did you mean ${q(suggestion)}?)`;

type Unknown = { name: string; suggestion: string | null };

const notColumnOf = (p: ColumnRef) => `is not a column of table ${q(p.table)}${hint(p.suggestion)}`;

const listUnknown = (keys: Unknown[]): string =>
  capList(keys.map((k) => `${q(k.name)}${hint(k.suggestion)}`)).join(', ');

export const CODES = {
  QB001: entry('error', 'Manifest cannot be read', (p: { reason: string }) => p.reason),
  QB002: entry('error', 'Syntax error', (p: { language: string; detail: string }) => {
    // Parser messages are short, but some quote what they choke on.
    return `${p.language} syntax error: ${shorten(p.detail, DETAIL_LIMIT)}`;
  }),
  QB003: entry('error', 'Duplicate key', (p: { key: string; firstLine: number }) => {
    return `duplicate key ${q(p.key)}; it is already defined on line ${p.firstLine}`;
  }),
  QB004: entry('error', 'Tab used for indentation', (_p: Record<string, never>) => {
    return 'tab used for indentation; YAML indents with spaces only';
  }),
  QB005: entry('error', 'Nesting too deep', (p: { max: number }) => {
    const usual = 'a manifest needs about eight';
    return `nesting is too deep: more than ${p.max} levels of lists and mappings, where ${usual}`;
  }),
  QB010: entry('error', 'Unknown key', (p: { at: string; keys: Unknown[] }) => {
    const noun = p.keys.length === 1 ? 'unknown key' : 'unknown keys';
    return `${noun} ${listUnknown(p.keys)} in ${p.at}`;
  }),
  QB011: entry('error', 'Missing required key', (p: { at: string; key: string }) => {
    return `${p.at} is missing the required key ${q(p.key)}`;
  }),
  QB012: entry('error', 'Wrong type', (p: { at: string; expected: string; found: string }) => {
    return `${p.at} must be ${p.expected}, found ${p.found}`;
  }),
  QB013: entry('error', 'Empty value', (p: { at: string; expected: string }) => {
    return `${p.at} has no value; expected ${p.expected}`;
  }),
  QB014: entry(
    'error',
    'Value not allowed',
    (p: { at: string; value: string; allowed: string[]; suggestion: string | null }) => {
      const allowed = qList(p.allowed);
      return `${p.at} cannot be ${q(p.value)}${hint(p.suggestion)}; use one of ${allowed}`;
    },
  ),
  QB015: entry('error', 'Invalid name', (p: { at: string; name: string; rule: string }) => {
    return `${q(p.name)} is not a valid name in ${p.at}. ${p.rule}`;
  }),
  QB016: entry('error', 'Badly formed value', (p: { at: string; value: string; rule: string }) => {
    return `${p.at} cannot be ${q(p.value)}. ${p.rule}`;
  }),
  QB017: entry('error', 'Duplicate list item', (p: { at: string; value: string }) => {
    return `${p.at} lists ${q(p.value)} more than once`;
  }),
  QB018: entry('error', 'Empty list or mapping', (p: { at: string; what: string }) => {
    return `${p.at} is empty; give at least one ${p.what}`;
  }),
  QB019: entry('error', 'Schema constraint', (p: { at: string; detail: string }) => {
    return `${p.at} ${p.detail}`;
  }),
  QB020: entry('error', 'Unknown column in fields', (p: ColumnRef) => {
    return `${p.at} names ${q(p.name)}, which ${notColumnOf(p)}`;
  }),
  QB021: entry('error', 'Unknown firewall column', (p: ColumnRef) => {
    return `firewall field ${q(p.name)} ${notColumnOf(p)}`;
  }),
  QB022: entry('error', 'Unknown owner column', (p: ColumnRef) => {
    return `ownerField ${q(p.name)} ${notColumnOf(p)}`;
  }),
  QB023: entry('error', 'Unknown masked column', (p: ColumnRef) => {
    return `masking key ${q(p.name)} ${notColumnOf(p)}`;
  }),
  QB024: entry(
    'error',
    'Unknown table',
    (p: { at: string; name: string; suggestion: string | null }) => {
      return `${p.at} names ${q(p.name)}, which is not a declared table${hint(p.suggestion)}`;
    },
  ),
  QB025: entry('error', 'Unknown relation column', (p: ColumnRef) => {
    return `${p.at} names ${q(p.name)}, which ${notColumnOf(p)}`;
  }),
  QB026: entry(
    'error',
    'Role not in roles',
    (p: { at: string; role: string; suggestion: string | null }) => {
      return `role ${q(p.role)} in ${p.at} is not in \`roles\`${hint(p.suggestion)}`;
    },
  ),
  QB027: entry('error', 'No primary key', (p: { table: string }) => {
    return `table ${q(p.table)} has no primary key; mark one column with \`primaryKey: true\``;
  }),
  QB028: entry('error', 'More than one primary key', (p: { table: string; columns: string[] }) => {
    const names = qList(p.columns);
    return `table ${q(p.table)} has ${p.columns.length} primary keys (${names}); keep exactly one`;
  }),
  QB029: entry('error', 'Reserved name', (p: { kind: string; name: string; reason: string }) => {
    return `${p.kind} ${q(p.name)} cannot be used: ${p.reason}`;
  }),
  QB030: entry('error', 'Owner needed for or: owner', (p: { table: string }) => {
    const missing = `has no ${q('ownerField')} and no ${q('createdBy')} column`;
    return `${q('or: owner')} needs an owner column, but table ${q(p.table)} ${missing}`;
  }),
  QB031: entry(
    'error',
    'Id column is not text',
    (p: { at: string; column: string; type: string }) => {
      const must = `so it must be ${q('text')}, not ${q(p.type)}`;
      return `${p.at} uses column ${q(p.column)} to hold an id, ${must}`;
    },
  ),
  QB032: entry('error', 'Enum on a non-text column', (p: { column: string; type: string }) => {
    const only = `only ${q('text')} columns take an enum`;
    return `column ${q(p.column)} has ${q('enum')} but is ${q(p.type)}; ${only}`;
  }),
  QB033: entry(
    'error',
    'SQL name collision',
    (p: { kind: string; names: string[]; sqlName: string }) => {
      const names = qList(p.names, ' and ');
      return `${p.kind} ${names} both become ${q(p.sqlName)} in SQL; rename one`;
    },
  ),
  QB034: entry('error', 'Auth module on a non-custom provider', (p: { provider: string }) => {
    const keys = `${q('module')} and ${q('export')}`;
    return `auth ${keys} apply only to ${q('provider: custom')}, not ${q(p.provider)}`;
  }),
  QB035: entry('error', 'Auth module not found', (p: { module: string }) => {
    const relative = "the path is relative to the manifest's folder";
    return `auth module ${q(p.module)} does not exist; ${relative}`;
  }),
  QB036: entry('error', 'Invalid calendar date', (p: { value: string }) => {
    return `compatibilityDate ${q(p.value)} is not a real calendar date`;
  }),
  QB037: entry(
    'error',
    'Ticket role not allowed by the role column',
    (p: { role: string; column: string; allowed: string[]; suggestion: string | null }) => {
      const allowed = qList(p.allowed);
      const where = `is not a value of column ${q(p.column)}${hint(p.suggestion)}`;
      return `wsTicket role ${q(p.role)} ${where}; its enum allows ${allowed}`;
    },
  ),
  QB040: entry(
    'warning',
    'Primary key missing from fields',
    (p: { table: string; key: string }) => {
      const why = 'it is sent anyway, because clients need it to apply deletes';
      return `realtime ${q('fields')} of table ${q(p.table)} leaves out the primary key ${q(p.key)}; ${why}`;
    },
  ),
  QB041: entry('warning', 'Table without a tenant firewall', (p: { table: string }) => {
    const risk =
      'every signed-in user of every organization can read and change its rows ' +
      'through the CRUD routes';
    return `table ${q(p.table)} has no firewall rule; ${risk}`;
  }),
  QB050: entry(
    'warning',
    'Worker entry does not export Broadcaster',
    (p: { file: string; line: string }) => {
      return `${p.file} is hand-written and does not export the Broadcaster Durable Object, so the BROADCASTER binding has no class to run; add this line to it: ${p.line}`;
    },
  ),
  QB051: entry('error', 'Ticket scope table has no organization column', (p: { table: string }) => {
    return `wsTicket scopeTable ${q(p.table)} has no organization column, so a ticket cannot check that the resource belongs to the caller's organization; add a firewall rule \`{ field: <column>, equals: ctx.activeOrgId }\` to the table`;
  }),
  QB052: entry(
    'error',
    'Table name used by Better Auth',
    (p: { table: string; sqlName: string }) => {
      return `table ${q(p.table)} becomes ${q(p.sqlName)} in SQL, which Better Auth's own tables already use; rename the table`;
    },
  ),
  QB060: entry('error', 'Destructive schema change', (p: SchemaChange) => {
    return `tables.${p.table}: the database table ${q(p.sqlName)} (${p.origin}) cannot become what the manifest says without a destructive change: ${p.changes.join('; ')}. quickback only generates additive migrations. Undo this manifest change, or write ${p.manualFile} yourself with the SQL that changes the table (SQLite changes a column by creating a new table, copying the rows, dropping the old table and renaming the new one) and put this line in it so the next build knows the result: ${p.line}`;
  }),
  QB061: entry(
    'error',
    'Table dropped from the manifest',
    (p: { sqlName: string; origin: string; manualFile: string; line: string }) => {
      return `the database table ${q(p.sqlName)} (${p.origin}) is no longer in the manifest, and quickback never drops tables. Put the table back in \`tables\`, or write ${p.manualFile} yourself containing \`DROP TABLE "${p.sqlName}";\` and the line ${p.line}`;
    },
  ),
  QB062: entry(
    'error',
    'Unreadable migration snapshot',
    (p: { file: string; line: number; detail: string }) => {
      return `${p.file}:${p.line}: cannot read this schema snapshot line: ${p.detail}. quickback replays these lines to know what the database holds; restore the line as the build wrote it, or delete it if the file should not change the recorded schema`;
    },
  ),
  QB070: entry('error', 'Hand-written file in the way', (p: { path: string }) => {
    return `${p.path} exists and was not written by quickback (its first line lacks "Generated by quickback"), so the build will not overwrite it. Move or rename your file, or delete it if quickback should own this path; nothing was written`;
  }),
  QB071: entry(
    'error',
    'Output path blocked',
    (p: { path: string; found: string; needs: 'file' | 'folder' | 'root' }) => {
      if (p.needs === 'root') {
        // The diagnostic's file names the root; `path` is empty.
        return `the output root is ${p.found}, not a folder, so the build cannot write into it. Pass --out a folder, or move the file out of the way and build again; nothing was written`;
      }
      const needs = p.needs === 'file' ? 'to write a file there' : 'a folder there to write into';
      return `${p.path} is ${p.found}, but the build needs ${needs}. Move it out of the way and build again; nothing was written`;
    },
  ),
  QB072: entry(
    'error',
    'Write failed',
    (p: { path: string; reason: string; restored: boolean }) => {
      const outcome = p.restored
        ? 'every file was put back as it was'
        : 'some files could not be put back; compare the output folder with version control';
      return `could not write ${p.path}: ${p.reason}; ${outcome}`;
    },
  ),
  QB080: entry('error', 'Unreadable wrangler config', (p: { file: string; detail: string }) => {
    return `cannot read ${p.file}: ${p.detail}. Fix the file (wrangler would reject it too) and build again`;
  }),
  QB081: entry(
    'error',
    'Wrangler config cannot be extended',
    (p: { file: string; detail: string; snippet: string }) => {
      return `cannot add quickback's entries to ${p.file} without rewriting your own (${p.detail}). Add these entries by hand, then build again:\n${p.snippet}`;
    },
  ),
  QB082: entry(
    'warning',
    'BROADCASTER bound to another class',
    (p: { file: string; className: string }) => {
      return `${p.file}: the BROADCASTER binding points at class "${p.className}", but the generated helper expects the Broadcaster Durable Object; set class_name = "Broadcaster" unless you re-export it under that name`;
    },
  ),
  QB083: entry('warning', 'nodejs_compat flag missing', (p: { file: string }) => {
    return `${p.file}: compatibility_flags does not include "nodejs_compat", which Better Auth needs at run time; add it to the list`;
  }),
} satisfies { [C in DiagnosticCode]: CodeEntry<never> };

interface SchemaChange {
  table: string;
  sqlName: string;
  origin: string;
  changes: string[];
  manualFile: string;
  line: string;
}

interface ColumnRef {
  at: string;
  name: string;
  table: string;
  suggestion: string | null;
}

export type CodeParams<C extends DiagnosticCode> = Parameters<(typeof CODES)[C]['message']>[0];

export const ALL_CODES = Object.keys(CODES) as DiagnosticCode[];
