// `npm run demo` is the README's first command: it must build, install, serve and exit 0 with
// its summary, and every person's account must match the recruitment manifest's rules.

import { expect, it } from 'vitest';

import { CLI, REPO_ROOT } from '../support/paths.ts';
import { runCommand } from '../support/processes.ts';

const DEMO = CLI.replace(/quickback\.js$/, 'demo.js');

it('runs the recruitment demo end to end and prints who received what', async () => {
  const result = await runCommand(process.execPath, [DEMO], {
    cwd: REPO_ROOT,
    timeoutMs: 480_000,
  });
  const output = result.stdout;

  expect(result.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
  expect(result.code, output).toBe(0);
  expect(output).toContain('Deliveries: 24; problems: 0; Acme events seen by Globex: 0');
  expect(output).toContain('Demo passed: every event reached exactly its audience.');

  // The interviewer sees the candidate's name but none of the contact details.
  expect(output).toMatch(
    /Ivan \(interviewer, Acme\) received 3 event\(s\):\n {4}INSERT candidates \{name="Jane Doe", email="j\*\*\*@y\*{9}\.com" \(masked\), phone="\*{6}4567" \(masked\)/,
  );
  expect(output).toMatch(/Mia \(member, Acme\) received 2 event\(s\)/);
  expect(output).toMatch(
    /Gary \(owner, Globex\) received 1 event\(s\):\n {4}INSERT jobs \{title="Globex analyst"/,
  );
}, 600_000);
