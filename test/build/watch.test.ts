// `quickback build --watch` through the real bin: a first build, then one rebuild per saved
// change of the manifest, a broken save reported without touching the output, and Ctrl-C
// (SIGINT) ending it with exit code 0.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, expect, it } from 'vitest';

import { CLI } from '../support/paths.ts';

const MANIFEST = `name: watched
tables:
  notes:
    columns:
      id: { type: text, primaryKey: true }
      organizationId: { type: text, required: true }
    firewall:
      - { field: organizationId, equals: ctx.activeOrgId }
`;

let child: ReturnType<typeof spawn> | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** Resolves once the accumulated output matches, or rejects after a bounded wait. */
function outputMatching(read: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (pattern.test(read())) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`no ${pattern} in output:\n${read()}`));
      }
    }, 50);
  });
}

it('rebuilds on each change and stops on SIGINT', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quickback-watch-'));
  const manifest = path.join(dir, 'quickback.yaml');
  fs.writeFileSync(manifest, MANIFEST);

  let output = '';
  child = spawn(process.execPath, [CLI, 'build', '--watch'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child!.on('exit', resolve));

  await outputMatching(() => output, /watching quickback\.yaml/);
  expect(fs.existsSync(path.join(dir, 'src/routes/notes.ts'))).toBe(true);

  fs.writeFileSync(
    manifest,
    `${MANIFEST}realtime:\n  namespaces:\n    alerts:\n      events: [raised]\n`,
  );
  await outputMatching(() => output, /changed: rebuilding[\s\S]*written/);
  expect(fs.readFileSync(path.join(dir, 'src/lib/realtime.ts'), 'utf8')).toContain('raised');

  const before = fs.readFileSync(path.join(dir, 'src/lib/realtime.ts'), 'utf8');
  fs.writeFileSync(manifest, MANIFEST.replace('primaryKey', 'primaryKee'));
  await outputMatching(() => output, /QB010/);
  expect(fs.readFileSync(path.join(dir, 'src/lib/realtime.ts'), 'utf8')).toBe(before);

  child.kill('SIGINT');
  expect(await exited).toBe(0);
}, 90_000);
