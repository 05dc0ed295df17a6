// Starts and stops the baseline `ws` server process (baseline-server.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { REPO_ROOT } from '../lib/paths.ts';

const SERVER = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface BaselineServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function waitForPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error('baseline server did not start')),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`baseline server exited with ${code}`));
    });
  });
}

export async function startBaseline(): Promise<BaselineServer> {
  // stdin stays open as a lifeline: the server exits when this process goes away.
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await waitForPort(child);

  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
