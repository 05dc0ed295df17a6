// `quickback check`: rendered diagnostics, formats, manifest discovery and exit codes.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

import { runGuarded } from '../../src/cli/main.ts';
import { writeProject, yaml } from '../frontend/helpers.ts';
import { runCli } from './helpers.ts';

const root = join(import.meta.dirname, '../..');

const BROKEN = yaml(
  'name: app',
  'tables:',
  '  jobs:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      organizationId: text',
  '    firewall:',
  '      - { field: organisationId, equals: ctx.activeOrgId }',
  '    realtime:',
  '      fields: [organizationId]',
);

const BROKEN_PRETTY = `quickback.yaml:8:18 error QB021 firewall field \`organisationId\` is not a column of table \`jobs\` (did you mean \`organizationId\`?)
  7 |     firewall:
> 8 |       - { field: organisationId, equals: ctx.activeOrgId }
    |                  ^^^^^^^^^^^^^^

quickback.yaml:10:7 warning QB040 realtime \`fields\` of table \`jobs\` leaves out the primary key \`id\`; it is sent anyway, because clients need it to apply deletes
   9 |     realtime:
> 10 |       fields: [organizationId]
     |       ^^^^^^

1 error, 1 warning
`;

const VALID = yaml(
  'name: app',
  'tables:',
  '  jobs:',
  '    columns:',
  '      id: { type: text, primaryKey: true }',
  '      organizationId: text',
  '    firewall:',
  '      - { field: organizationId, equals: ctx.activeOrgId }',
);

describe('quickback check', () => {
  it('prints each diagnostic with a code frame, then a count, and exits 1', async () => {
    const dir = writeProject({ 'quickback.yaml': BROKEN });
    const run = await runCli(['check'], dir);

    expect(run).toEqual({ code: 1, stdout: '', stderr: BROKEN_PRETTY });
  });

  it('colours severities only when asked', async () => {
    const dir = writeProject({ 'quickback.yaml': BROKEN });
    const run = await runCli(['check'], dir, true);
    expect(run.stderr).toContain('\u001b[31;1merror\u001b[0m');
  });

  it('gives the same items as JSON with --format json', async () => {
    const dir = writeProject({ 'quickback.yaml': BROKEN });
    const run = await runCli(['check', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout);

    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(report).toMatchObject({
      ok: false,
      errorCount: 1,
      warningCount: 1,
      manifest: 'quickback.yaml',
    });
    expect(report.diagnostics).toEqual([
      {
        code: 'QB021',
        severity: 'error',
        message: expect.stringContaining('firewall field `organisationId`'),
        file: 'quickback.yaml',
        range: { start: { line: 8, column: 18 }, end: { line: 8, column: 32 } },
      },
      expect.objectContaining({ code: 'QB040', severity: 'warning' }),
    ]);
  });

  it('says ok and exits 0 for a valid manifest', async () => {
    const dir = writeProject({ 'quickback.yaml': VALID });
    expect(await runCli(['check'], dir)).toEqual({
      code: 0,
      stdout: 'quickback.yaml: ok (1 table, 0 namespaces)\n',
      stderr: '',
    });
  });

  it('exits 0 with warnings only', async () => {
    const dir = writeProject({ 'quickback.yaml': VALID.replace(/ {4}firewall:\n.*\n/, '') });
    const run = await runCli(['check'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning QB041');
  });

  it('finds quickback.json when there is no quickback.yaml', async () => {
    const dir = writeProject({ 'quickback.json': '{ "name": "app" }\n' });
    const run = await runCli(['check'], dir);
    expect(run.stdout).toBe('quickback.json: ok (0 tables, 0 namespaces)\n');
  });

  it('takes the manifest as --config, as a positional path, or as its folder', async () => {
    const dir = writeProject({ 'app/quickback.yaml': VALID });
    for (const args of [
      ['--config', 'app/quickback.yaml'],
      ['app/quickback.yaml'],
      ['-c', 'app'],
    ]) {
      const run = await runCli(['check', ...args], dir);
      expect(run, args.join(' ')).toEqual({
        code: 0,
        stdout: 'app/quickback.yaml: ok (1 table, 0 namespaces)\n',
        stderr: '',
      });
    }
  });

  it('reports a missing manifest file as QB001', async () => {
    const dir = writeProject({});
    const run = await runCli(['check', 'nope.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'nope.yaml error QB001 cannot read nope.yaml: no such file\n\n1 error, 0 warnings\n',
    );
  });

  it('explains user mistakes in one line, without a stack trace', async () => {
    const dir = writeProject({});
    const cases: [string[], string][] = [
      [
        ['check'],
        `quickback: no quickback.yaml or quickback.json in ${dir}; pass --config FILE, or run \`quickback init\`\n`,
      ],
      [['check', '--format', 'xml'], 'quickback: --format must be `pretty` or `json`, not `xml`\n'],
      [
        ['check', 'a.yaml', '--config', 'b.yaml'],
        'quickback: two manifests given (b.yaml and a.yaml); pass only one\n',
      ],
      [['chek'], 'quickback: unknown command `chek`; the commands are '],
      [['check', '--verbose'], "quickback: Unknown option '--verbose'"],
    ];

    for (const [argv, message] of cases) {
      const run = await runCli(argv, dir);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.stderr.startsWith(message), run.stderr).toBe(true);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints a few columns of a 5 MB one-line value, not the value', async () => {
    const dir = writeProject({
      'quickback.yaml': yaml('name: app', `compatibilityDate: ${'x'.repeat(5_000_000)}`),
    });
    const run = await runCli(['check'], dir);

    const rule = 'Use a date in the form `YYYY-MM-DD` (for example `2025-09-01`).';
    const message = `cannot be \`${'x'.repeat(39)}…\`. ${rule}`;
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `quickback.yaml:2:20 error QB016 \`compatibilityDate\` ${message}`,
        '  1 | name: app',
        `> 2 | compatibilityDate: ${'x'.repeat(141)}…`,
        `    |                    ${'^'.repeat(141)}`,
        '',
        '1 error, 0 warnings',
        '',
      ].join('\n'),
    });
  });

  it('shows a stack and exits 2 for a compiler bug', async () => {
    let stderr = '';
    const io = {
      stdout: () => {},
      stderr: (t: string) => void (stderr += t),
      cwd: '/',
      color: false,
    };
    const code = await runGuarded(io, async () => {
      throw new TypeError('boom');
    });

    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^quickback: internal error \(this is a bug in quickback, please report it\)\nTypeError: boom\n\s+at /,
    );
  });

  it('prints help for the CLI and for a command', async () => {
    const general = await runCli(['--help'], root);
    expect(general.code).toBe(0);
    expect(general.stdout).toMatch(/^Usage: quickback <command> \[options\]\n\nCommands:\n/);
    expect(general.stdout).toContain('  check ');

    const check = await runCli(['check', '--help'], root);
    expect(check.stdout).toMatch(
      /^Usage: quickback check \[FILE\] \[--config FILE\] \[--format pretty\|json\]\n/,
    );
    expect((await runCli(['help', 'check'], root)).stdout).toBe(check.stdout);
  });

  it('passes every example', async () => {
    const manifests = [
      'manifests-examples/recruitment/quickback.yaml',
      'manifests-examples/events/quickback.yaml',
      'manifests-examples/minimal/quickback.yaml',
      'manifests-examples/json-basic/quickback.json',
    ];
    for (const manifest of manifests) {
      const run = await runCli(['check', manifest], root);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^${manifest}: ok \\(`));
    }
  });

  // One spawn proves bin/quickback.js wiring; each costs a TypeScript compile, so only one.
  it('runs through the real bin', { timeout: 120_000 }, async () => {
    const manifest = 'manifests-examples/recruitment/quickback.yaml';
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['bin/quickback.js', 'check', manifest],
      { cwd: root },
    );
    expect(stdout).toBe(`${manifest}: ok (4 tables, 3 namespaces)\n`);
  });
});
