// Child processes for the harness: bounded one-shot commands, and long-running servers started
// in their own process group so stop() ends npx, wrangler and workerd together.

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for every wrangler run: offline, no telemetry, no prompts. */
export function quietWranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Otherwise wrangler dev fetches a `Request.cf` sample from Cloudflare at start-up.
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    CI: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** Runs a command to completion; rejects when it runs longer than timeoutMs. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));

    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);

    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const REAPER = fileURLToPath(new URL('./reap-with-parent.mjs', import.meta.url));

/**
 * Spawns `command` under reap-with-parent.mjs as the leader of a new process group: stop it
 * with stopGroup(), and if this process dies first the reaper ends the group by itself.
 */
export function spawnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): ChildProcess {
  return spawn(process.execPath, [REAPER, String(process.pid), command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/** Sends a signal to the child's whole process group (it was spawned detached). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends a server's process group: SIGTERM, then SIGKILL for whatever is still alive after
 * graceMs. Resolves once no process of the group remains (or after a bounded wait).
 */
export async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;

  killGroup(child, 'SIGTERM');
  for (let waited = 0; waited < graceMs && groupAlive(pid); waited += 100) await sleep(100);
  if (groupAlive(pid)) killGroup(child, 'SIGKILL');
  for (let waited = 0; waited < 5_000 && groupAlive(pid); waited += 100) await sleep(100);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
