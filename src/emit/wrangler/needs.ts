// What quickback needs in the wrangler config, and which of it the user's file already has.
// Only missing entries are ever added; existing ones are left exactly as the user wrote them.

import type { ProjectModel } from '../../model/types.ts';

export const BROADCASTER_BINDING = 'BROADCASTER';
export const BROADCASTER_CLASS = 'Broadcaster';
export const MIGRATION_TAG_PREFIX = 'quickback-v';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface WranglerNeeds {
  /** Top-level keys the file lacks, in the order a new file lists them. */
  topLevel: [string, JsonValue][];
  /** The D1 binding, when no entry has the manifest's binding name. */
  d1: JsonObject | null;
  /** The Broadcaster binding, when no binding is named BROADCASTER. */
  durableObject: JsonObject | null;
  /** A migration creating Broadcaster, when no earlier migration leaves it in place. */
  migration: JsonObject | null;
}

export function isEmpty(needs: WranglerNeeds): boolean {
  return (
    needs.topLevel.length === 0 &&
    needs.d1 === null &&
    needs.durableObject === null &&
    needs.migration === null
  );
}

export function topLevelEntries(model: ProjectModel): [string, JsonValue][] {
  return [
    ['name', model.name],
    ['main', 'src/index.ts'],
    ['compatibility_date', model.compatibilityDate],
    // Better Auth uses Node APIs (AsyncLocalStorage, crypto) that need this flag.
    ['compatibility_flags', ['nodejs_compat']],
  ];
}

export function d1Entry(model: ProjectModel): JsonObject {
  return {
    binding: model.database.binding,
    database_name: model.database.databaseName,
    database_id: model.database.databaseId,
    migrations_dir: 'migrations',
  };
}

export function durableObjectEntry(): JsonObject {
  return { name: BROADCASTER_BINDING, class_name: BROADCASTER_CLASS };
}

/** SQLite-backed classes are what workerd and the Workers free plan support. */
export function migrationEntry(tag: string): JsonObject {
  return { tag, new_sqlite_classes: [BROADCASTER_CLASS] };
}

export function findNeeds(model: ProjectModel, config: JsonObject): WranglerNeeds {
  const migrations = objectsIn(config['migrations']);
  return {
    topLevel: topLevelEntries(model).filter(([key]) => !(key in config)),
    d1: objectsIn(config['d1_databases']).some((e) => e['binding'] === model.database.binding)
      ? null
      : d1Entry(model),
    durableObject: durableObjectBindings(config).some((e) => e['name'] === BROADCASTER_BINDING)
      ? null
      : durableObjectEntry(),
    migration: classAfterMigrations(migrations, BROADCASTER_CLASS)
      ? null
      : migrationEntry(freeTag(migrations)),
  };
}

export function durableObjectBindings(config: JsonObject): JsonObject[] {
  const section = config['durable_objects'];
  return isObject(section) ? objectsIn(section['bindings']) : [];
}

/** Replays the migrations: does the class exist after the last one? */
function classAfterMigrations(migrations: JsonObject[], className: string): boolean {
  let exists = false;
  for (const migration of migrations) {
    const created = [
      ...strings(migration['new_classes']),
      ...strings(migration['new_sqlite_classes']),
    ];
    if (created.includes(className)) exists = true;
    if (strings(migration['deleted_classes']).includes(className)) exists = false;
    for (const rename of objectsIn(migration['renamed_classes'])) {
      if (rename['from'] === className) exists = false;
      if (rename['to'] === className) exists = true;
    }
  }
  return exists;
}

/** The first `quickback-vN` no migration uses; tags are never reused or edited. */
function freeTag(migrations: JsonObject[]): string {
  const used = new Set(migrations.map((migration) => migration['tag']));
  let n = 1;
  while (used.has(`${MIGRATION_TAG_PREFIX}${n}`)) n++;
  return `${MIGRATION_TAG_PREFIX}${n}`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectsIn(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
