// Runs a command as a child process with no network: inside a fresh network namespace
// (`unshare -rn`) that has only its own loopback interface. Both sides of the build comparison
// run through this same wrapper, so its few milliseconds of set-up weigh on both alike, and a
// tool that tried to reach the internet would fail instead of quietly waiting on it.
//
// Besides wall time, the wrapper reports the CPU time of the command and everything it waited
// for (the `cutime`/`cstime` of the wrapping shell): on a shared machine, CPU time barely
// moves when other jobs compete for the cores, while wall time does.

import { spawn, spawnSync } from 'node:child_process';

import { quietWranglerEnv } from '../../test/support/processes.ts';

export interface TimedRun {
  ms: number;
  cpuMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

const CPU_MARK = '@@bench-cpu-ticks';
// The shell runs the command, then prints its children's CPU ticks (fields 16 and 17 of its
// own /proc stat) and exits with the command's status.
const SCRIPT = [
  '"$@"',
  'status=$?',
  `echo "${CPU_MARK} $(cut -d' ' -f16,17 /proc/$$/stat)" >&2`,
  'exit $status',
].join('; ');
const NAMESPACE = ['-rn', 'sh', '-c', `ip link set lo up && ${SCRIPT}`, 'sh'];
const RUN_TIMEOUT_MS = 300_000;

let isolation: 'network namespace' | 'none' | undefined;

/** Whether this machine lets us create a network namespace (checked once). */
export function offlineIsolation(): 'network namespace' | 'none' {
  if (isolation === undefined) {
    const probe = spawnSync('unshare', [...NAMESPACE, 'true'], { stdio: 'ignore' });
    isolation = probe.status === 0 ? 'network namespace' : 'none';
  }
  return isolation;
}

function splitCpu(stderr: string): { cpuMs: number; stderr: string } {
  const lines = stderr.split('\n');
  const index = lines.findIndex((line) => line.startsWith(CPU_MARK));
  if (index < 0) return { cpuMs: Number.NaN, stderr };

  const [user = 0, system = 0] = (lines[index] as string)
    .slice(CPU_MARK.length)
    .trim()
    .split(' ')
    .map(Number);
  lines.splice(index, 1);
  // Linux reports these in clock ticks of 10 ms (USER_HZ 100 on every mainstream build).
  return { cpuMs: (user + system) * 10, stderr: lines.join('\n') };
}

/** Runs `command args` offline in `cwd`; measures wall time from spawn to exit, and CPU time. */
export function runOffline(command: string, args: string[], cwd: string): Promise<TimedRun> {
  const [file, argv] =
    offlineIsolation() === 'network namespace'
      ? ['unshare', [...NAMESPACE, command, ...args]]
      : ['sh', ['-c', SCRIPT, 'sh', command, ...args]];

  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, {
      cwd,
      env: quietWranglerEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
      const ms = performance.now() - started;
      resolve({ ms, code, stdout, ...splitCpu(stderr) });
    });
  });
}
