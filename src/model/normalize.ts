// Turns a validated, cross-checked manifest into the ProjectModel every later stage reads.

import { dirname, posix, relative, resolve, sep } from 'node:path';

import type { Manifest, Namespace } from '../manifest-types.ts';
import {
  DEFAULT_AUTH_EXPORT,
  DEFAULT_BINDING,
  DEFAULT_COMPATIBILITY_DATE,
  LOCAL_DATABASE_ID,
} from './defaults.ts';
import { entries, projectRealtimeDefault } from './manifest-access.ts';
import { normalizeTable } from './normalize-table.ts';
import type { AuthModel, DatabaseModel, NamespaceModel, ProjectModel } from './types.ts';

export interface NormalizeOptions {
  /** Absolute path of the manifest file. */
  manifestPath: string;
  /** Absolute output root. */
  outDir: string;
}

export function normalize(manifest: Manifest, options: NormalizeOptions): ProjectModel {
  const realtimeDefault = projectRealtimeDefault(manifest);

  return {
    name: manifest.name,
    compatibilityDate: manifest.compatibilityDate ?? DEFAULT_COMPATIBILITY_DATE,
    roles: manifest.roles ? [...manifest.roles] : null,
    auth: normalizeAuth(manifest, options),
    database: normalizeDatabase(manifest, realtimeDefault),
    tables: entries(manifest.tables).map(([name, table]) =>
      normalizeTable(name, table, realtimeDefault),
    ),
    namespaces: entries(manifest.realtime?.namespaces).map(([name, ns]) =>
      normalizeNamespace(name, ns),
    ),
    output: {
      client: manifest.output?.client ?? false,
      wranglerFormat: manifest.output?.wranglerFormat ?? 'toml',
    },
    manifestPath: toOutputRelative(options.manifestPath, options.outDir),
  };
}

function normalizeAuth(manifest: Manifest, options: NormalizeOptions): AuthModel {
  const auth = manifest.auth;
  if (auth?.provider !== 'custom') return { provider: 'better-auth' };

  // Written relative to the manifest; the model is relative to the output root, like
  // every other path the emitters see.
  const absolute = resolve(dirname(options.manifestPath), auth.module ?? '');
  const fromOut = toOutputRelative(absolute, options.outDir);
  return {
    provider: 'custom',
    module: fromOut.startsWith('.') ? fromOut : `./${fromOut}`,
    export: auth.export ?? DEFAULT_AUTH_EXPORT,
  };
}

function normalizeDatabase(manifest: Manifest, realtimeDefault: boolean): DatabaseModel {
  const database = manifest.providers?.database ?? {};
  const realtime = database.realtime;
  const ticket = typeof realtime === 'object' ? realtime.wsTicket : undefined;

  return {
    provider: 'cloudflare-d1',
    binding: database.binding ?? DEFAULT_BINDING,
    databaseName: database.databaseName ?? manifest.name,
    databaseId: database.databaseId ?? LOCAL_DATABASE_ID,
    realtime: realtimeDefault,
    wsTicket: ticket
      ? {
          role: ticket.role,
          requestField: ticket.requestField,
          scopeTable: ticket.scopeTable,
          relation: { ...ticket.relation },
        }
      : null,
  };
}

function normalizeNamespace(name: string, namespace: Namespace): NamespaceModel {
  const events = Array.isArray(namespace.events)
    ? namespace.events.map((event) => ({ name: event, payload: null }))
    : entries(namespace.events).map(([event, definition]) => ({
        name: event,
        payload: definition?.payload ? Object.fromEntries(entries(definition.payload)) : null,
      }));

  return { name, description: namespace.description ?? null, events };
}

function toOutputRelative(absolutePath: string, outDir: string): string {
  return relative(outDir, absolutePath).split(sep).join(posix.sep);
}
