// Process CPU time from /proc/<pid>/stat (user + system, in clock ticks), and how to find the
// workerd processes of a `wrangler dev` that the harness started.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const output = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    ticksPerSecond = Number(output.trim()) || 100;
  }
  return ticksPerSecond;
}

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  cpuSeconds: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }

  // The command name sits in parentheses and may itself hold spaces or parentheses.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return {
    pid,
    comm: text.slice(open + 1, close),
    ppid: Number(fields[1]),
    cpuSeconds: (utime + stime) / clockTicks(),
  };
}

/** Total CPU seconds used so far by these processes (a process that is gone counts 0). */
export function cpuSeconds(pids: readonly number[]): number {
  return pids.reduce((total, pid) => total + (readStat(pid)?.cpuSeconds ?? 0), 0);
}

function allProcesses(): ProcStat[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

export interface WorkerdProcesses {
  /** Serves the public port and forwards every request and socket to the user worker. */
  proxy: number;
  /** Runs the generated Worker and its Durable Objects. */
  user: number[];
}

/**
 * `wrangler dev` runs two workerd processes: a proxy that listens on the public port, and
 * the one running the project. Both are children of the same wrangler process.
 */
export function findWorkerd(port: number): WorkerdProcesses {
  const processes = allProcesses().filter((p) => p.comm === 'workerd');
  const proxy = processes.find((p) =>
    commandLine(p.pid).includes(`--socket-addr=entry=127.0.0.1:${port} `),
  );
  if (proxy === undefined) throw new Error(`no workerd listens on 127.0.0.1:${port}`);

  const user = processes.filter((p) => p.ppid === proxy.ppid && p.pid !== proxy.pid);
  return { proxy: proxy.pid, user: user.map((p) => p.pid) };
}
