// QUICKBACK.md: a generated file (the write stage must recognise its header) that tells this
// project's own commands and ticket rules.

import { describe, expect, it } from 'vitest';

import { hasGeneratedHeader } from '../../src/emit/ast/index.ts';
import { emitProjectReadme, PROJECT_README } from '../../src/emit/project-readme/index.ts';
import { context, eventsProject, project } from './fixtures.ts';

const readme = (model: ReturnType<typeof project>) => {
  const [file] = emitProjectReadme(context(model));
  expect(file!.path).toBe(PROJECT_README);
  return file!.contents;
};

describe('QUICKBACK.md', () => {
  it('carries the generated header and the project commands', () => {
    const text = readme(project());

    expect(hasGeneratedHeader(text)).toBe(true);
    expect(text).toContain('npx wrangler d1 migrations apply DB --local');
    expect(text).toContain('npx wrangler secret put BETTER_AUTH_SECRET');
    expect(text).toContain('`owner`, `admin`, `recruiter`, `hiring-manager`');
    expect(text).toContain('| `/api/v1/applications` | list, get, create, update, delete, batch |');
  });

  it('explains relationship tickets when wsTicket is configured', () => {
    const text = readme(eventsProject());

    expect(text).toContain('`{ "eventId": "<id>" }`');
    expect(text).toContain("{ scopeKey: 'events:' + id }");
    expect(text).toContain('body: JSON.stringify({ eventId: id }),');
  });

  it('says how to run offline, what requests must look like and what access changes do', () => {
    const text = readme(project());

    expect(text).toContain('`CLOUDFLARE_CF_FETCH_ENABLED=false npx wrangler dev`');
    expect(text).toContain('413 `request body too large (limit 1 MiB)`');
    expect(text).toContain('403 `cross-origin request refused`');
    expect(text).toContain('(`/organization/update-member-role`)');
    expect(text).toContain('stays valid for the rest of its 60 seconds');
    expect(text).not.toContain('resource tickets are not closed');
  });

  it('tells apps with resource tickets to disconnect scope lanes themselves', () => {
    const text = readme(eventsProject()).replace(/\s+/g, ' ');

    expect(text).toContain('Sockets opened with resource tickets are not closed automatically');
    expect(text).toContain(
      "`createRealtime(env).disconnect({ scopeKey: 'events:' + id, userId })`",
    );
  });

  it('asks custom-auth apps to disconnect members themselves', () => {
    const auth = { provider: 'custom' as const, module: 'src/session.ts', export: 'resolve' };
    const text = readme(project({ auth })).replace(/\s+/g, ' ');

    expect(text).toContain(
      'call `createRealtime(env).disconnect({ organizationId, userId })` so their sockets close',
    );
    expect(text).not.toContain('/organization/leave');
  });

  it('keeps prose lines within 92 columns', () => {
    const prose = readme(eventsProject())
      .split('\n')
      .slice(1)
      .filter((line) => !line.startsWith('|') && !line.startsWith('npm '));
    expect(prose.filter((line) => line.length > 92)).toEqual([]);
  });
});
