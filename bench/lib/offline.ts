// Runs a command as a child process with no network: inside a fresh network namespace
// (`unshare -rn`) that has only its own loopback interface. Both sides of the build comparison
// run through this same wrapper, so its few milliseconds of set-up weigh on both alike, and a
// tool that tried to reach the internet would fail instead of quietly waiting on it.

import { spawn, spawnSync } from 'node:child_process';

export interface TimedRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

const WRAPPER = ['-rn', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh'];
const RUN_TIMEOUT_MS = 300_000;

let isolation: 'network namespace' | 'none' | undefined;

/** Whether this machine lets us create a network namespace (checked once). */
export function offlineIsolation(): 'network namespace' | 'none' {
  if (isolation === undefined) {
    const probe = spawnSync('unshare', [...WRAPPER, 'true'], { stdio: 'ignore' });
    isolation = probe.status === 0 ? 'network namespace' : 'none';
  }
  return isolation;
}

/** Environment for wrangler: no telemetry, no prompts, no colour, no `Request.cf` fetch. */
export function quietEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
}

/** Runs `command args` offline in `cwd` and measures its wall time from spawn to exit. */
export function runOffline(command: string, args: string[], cwd: string): Promise<TimedRun> {
  const [file, argv] =
    offlineIsolation() === 'network namespace'
      ? ['unshare', [...WRAPPER, command, ...args]]
      : [command, args];

  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: quietEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));

    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, code, stdout, stderr });
    });
  });
}
