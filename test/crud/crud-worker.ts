// Runs the CRUD routes of a project model under Miniflare (workerd, local D1): the schema from
// the real migrations emitter, the configs from the real routes emitter, and the fixture Worker
// in runtime/fixtures, which reads the session from x-user / x-org / x-roles headers.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';

import { emitMigrations } from '../../src/emit/migrations/index.ts';
import { runtimeConfig } from '../../src/emit/realtime-helper/config.ts';
import { crudConfigData } from '../../src/emit/routes/table-routes-config.ts';
import type { ProjectModel } from '../../src/model/types.ts';
import { memoryContext } from './emit-context.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '../../.tmp/crud');

export interface Caller {
  user?: string;
  org?: string;
  roles?: string[];
}

export interface CrudWorker {
  /** Where the Worker listens (127.0.0.1, a free port). */
  url: string;
  /** `headers` replace the defaults (`content-type: application/json`) key by key. */
  request(
    method: string,
    url: string,
    caller: Caller,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
  sql(query: string): Promise<Record<string, unknown>[]>;
  /** Builds `next`'s migrations on top of the applied ones and applies what is new. */
  migrate(next: ProjectModel): Promise<string[]>;
  dispose(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** `vars` become plain-text bindings (say, BETTER_AUTH_TRUSTED_ORIGINS). */
export async function startCrudWorker(
  model: ProjectModel,
  options: { vars?: Record<string, string> } = {},
): Promise<CrudWorker> {
  mkdirSync(outDir, { recursive: true });
  const scriptPath = path.join(outDir, 'crud-worker.js');
  await build({
    entryPoints: [path.join(here, 'runtime/fixtures/worker.ts')],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  });

  // No BROADCASTER binding here: a realtime table's broadcasts fail, which the routes must log
  // without failing the write.
  const configs = model.tables.map((table) => ({
    ...crudConfigData(model, table),
    realtime: table.realtime.enabled ? runtimeConfig(table) : null,
  }));
  const mf = new Miniflare({
    modules: true,
    scriptPath,
    compatibilityDate: '2025-09-01',
    d1Databases: ['DB'],
    bindings: { CONFIGS: configs, ...options.vars },
    host: '127.0.0.1',
    port: 0,
  });
  const url = await mf.ready;
  const db = await mf.getD1Database('DB');
  const applied = new Map<string, string>();
  const migrate = async (next: ProjectModel) => {
    const files = emitMigrations(memoryContext(next, applied));
    for (const file of files) {
      applied.set(file.path, file.contents);
      // D1's exec runs one statement per line.
      const sql = file.contents
        .replace(/^--.*$/gm, '')
        .replace(/\s*\n\s*/g, ' ')
        .trim();
      await db.exec(sql.replace(/; /g, ';\n'));
    }
    return files.map((file) => file.path);
  };
  await migrate(model);

  return {
    url: url.toString(),
    async request(method, target, caller, body, extraHeaders = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...extraHeaders,
      };
      if (caller.user !== undefined) headers['x-user'] = caller.user;
      if (caller.org !== undefined) headers['x-org'] = caller.org;
      if (caller.roles !== undefined) headers['x-roles'] = caller.roles.join(',');
      const init = {
        method,
        headers,
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      };
      const response = await fetch(new URL(target, url), init);
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text === '' ? null : JSON.parse(text),
      };
    },
    migrate,
    async sql(query) {
      return (await db.prepare(query).all<Record<string, unknown>>()).results;
    },
    dispose: () => mf.dispose(),
  };
}
