// Runs a generated project the way its README tells users to: local D1 migrations, then
// `wrangler dev` on 127.0.0.1 with local state in a folder of the project.

import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { freePort } from './free-port.ts';
import { quietWranglerEnv, runCommand, sleep, spawnGroup, stopGroup } from './processes.ts';

export interface DevServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** BETTER_AUTH_SECRET as written to .dev.vars, or null when the server runs without one. */
  secret: string | null;
  /** Local D1 and Durable Object state. */
  persistDir: string;
  /** Everything wrangler printed so far (the Worker's console output included). */
  logs(): string;
  /** Ends wrangler and workerd; safe to call twice. */
  stop(): Promise<void>;
}

export interface DevServerOptions {
  /** BETTER_AUTH_SECRET; null leaves it out of .dev.vars. A random one by default. */
  secret?: string | null;
  /** More .dev.vars entries. */
  vars?: Record<string, string>;
  /** D1 binding to migrate; DB by default. */
  databaseBinding?: string;
}

const MIGRATE_TIMEOUT_MS = 90_000;
const READY_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 3;

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Writes `.dev.vars` (wrangler dev reads it as the Worker's secrets). */
export function writeDevVars(dir: string, vars: Record<string, string>): void {
  const lines = Object.entries(vars).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  fs.writeFileSync(path.join(dir, '.dev.vars'), `${lines.join('\n')}\n`);
}

/** `npx wrangler d1 migrations apply <binding> --local --persist-to <dir>` */
export async function applyMigrations(
  dir: string,
  binding: string,
  persistDir: string,
): Promise<void> {
  const args = ['wrangler', 'd1', 'migrations', 'apply', binding, '--local'];
  const result = await runCommand('npx', [...args, '--persist-to', persistDir], {
    cwd: dir,
    env: quietWranglerEnv(),
    timeoutMs: MIGRATE_TIMEOUT_MS,
  });
  if (result.code !== 0) {
    throw new Error(`migrations failed (${result.code}):\n${result.stdout}${result.stderr}`);
  }
}

function spawnWrangler(dir: string, port: number, inspectorPort: number, persistDir: string) {
  const args = [
    'wrangler',
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-ip',
    '127.0.0.1',
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    persistDir,
    '--show-interactive-dev-session=false',
  ];
  return spawnGroup('npx', args, { cwd: dir, env: quietWranglerEnv() });
}

// wrangler dev does not exit on a bundling error (it waits for a fix); its log shows one.
const FATAL_OUTPUT = /✘ \[ERROR\]|EADDRINUSE|Address already in use/;

/**
 * Polls until the Worker answers any HTTP request. Gives up early when the process exits or
 * prints an error, and after READY_TIMEOUT_MS in any case.
 */
async function waitUntilReady(url: string, child: ChildProcess, logs: () => string) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    if (FATAL_OUTPUT.test(logs())) return false;
    try {
      await fetch(`${url}/__harness_ready`, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await sleep(250);
    }
  }
  return false;
}

async function startOnce(dir: string, persistDir: string, vars: Record<string, string>) {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  writeDevVars(dir, { ...vars, BETTER_AUTH_URL: url });

  const child = spawnWrangler(dir, port, inspectorPort, persistDir);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));

  const logs = () => output;
  const ready = await waitUntilReady(url, child, logs);
  if (!ready) await stopGroup(child);
  return { ready, child, port, url, logs };
}

/**
 * Applies the D1 migrations, writes .dev.vars (the secret and BETTER_AUTH_URL), starts
 * `wrangler dev` and waits until it answers. A port taken between choosing and binding it gets
 * another try.
 */
export async function startDevServer(
  dir: string,
  options: DevServerOptions = {},
): Promise<DevServer> {
  const secret = options.secret === undefined ? randomSecret() : options.secret;
  const persistDir = path.join(dir, '.state');
  const vars: Record<string, string> = { ...(options.vars ?? {}) };
  if (secret !== null) vars.BETTER_AUTH_SECRET = secret;

  await applyMigrations(dir, options.databaseBinding ?? 'DB', persistDir);

  let lastLogs = '';
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const started = await startOnce(dir, persistDir, vars);
    if (!started.ready) {
      lastLogs = started.logs();
      // Only a port lost to another process is worth another try.
      if (/EADDRINUSE|Address already in use/.test(lastLogs)) continue;
      break;
    }

    let stopped: Promise<void> | null = null;
    return {
      url: started.url,
      port: started.port,
      secret,
      persistDir,
      logs: started.logs,
      stop: () => (stopped ??= stopGroup(started.child)),
    };
  }
  throw new Error(`wrangler dev did not start in ${dir}:\n${lastLogs}`);
}
