// What the figures were measured on: they mean little without the machine, the versions and
// how busy the machine was when the run started.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from './paths.ts';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  /** 1, 5 and 15 minute load averages when the run started (the machine may be shared). */
  loadAverage: number[];
  /** Soft and hard limits of open files of the bench process. */
  openFilesLimit: { soft: string; hard: string };
  versions: Record<string, string>;
}

function packageVersion(name: string): string {
  return versionIn(path.join(REPO_ROOT, 'node_modules', name, 'package.json'));
}

function versionIn(file: string): string {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function openFilesLimit(): { soft: string; hard: string } {
  try {
    const limits = fs.readFileSync('/proc/self/limits', 'utf8');
    const line = limits.split('\n').find((l) => l.startsWith('Max open files')) ?? '';
    const [soft = '?', hard = '?'] = line.replace('Max open files', '').trim().split(/\s+/);
    return { soft, hard };
  } catch {
    return { soft: 'unknown', hard: 'unknown' };
  }
}

/**
 * Fails early, with the fix, when this process may not open `needed` files: every client
 * socket is a descriptor here (the servers are other processes with their own limits).
 */
export function requireOpenFiles(needed: number): void {
  const soft = Number(openFilesLimit().soft);
  if (Number.isFinite(soft) && soft < needed) {
    throw new Error(
      `the bench needs about ${needed} open files but \`ulimit -n\` is ${soft}; ` +
        `raise it (for example \`ulimit -n ${needed * 2}\`) and run again`,
    );
  }
}

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    openFilesLimit: openFilesLimit(),
    versions: {
      node: process.versions.node,
      quickback: versionIn(path.join(REPO_ROOT, 'package.json')),
      wrangler: packageVersion('wrangler'),
      workerd: packageVersion('@cloudflare/workerd-linux-64'),
      miniflare: packageVersion('miniflare'),
      ws: packageVersion('ws'),
      tsx: packageVersion('tsx'),
      typescript: packageVersion('typescript'),
      prettier: packageVersion('prettier'),
    },
  };
}
