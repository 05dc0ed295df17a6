// How ajv's findings become diagnostics: one per mistake, at the place it was written.

import { describe, expect, it } from 'vitest';

import { DiagnosticSink, DocumentReporter } from '../../src/diagnostics/sink.ts';
import { reportFindings } from '../../src/validate/schema-errors.ts';
import { brief, readText, yaml } from './helpers.ts';

describe('schema diagnostics', () => {
  it('reports an empty value, misspelt union keys and a misspelt top-level key as three', async () => {
    const result = await readText(
      yaml(
        'name: app',
        'providers:',
        '  database:',
        '    realtime:',
        'tables:',
        '  jobs:',
        '    columns:',
        '      id: { type: text, primaryKey: true }',
        '      organizationId: text',
        '    firewall:',
        '      - { field: organizationId, equals: ctx.activeOrgId }',
        '    realtime: { enabeld: true, onUpdtae: false }',
        'realtme:',
        '  namespaces: {}',
      ),
    );

    expect(brief(result)).toEqual([
      '4:5 error QB013 `providers.database.realtime` has no value; expected `true`, `false` or an object',
      '12:17 error QB010 unknown keys `enabeld` (did you mean `enabled`?), `onUpdtae` (did you mean `onUpdate`?) in `tables.jobs.realtime`',
      '13:1 error QB010 unknown key `realtme` (did you mean `realtime`?) in the manifest',
    ]);
    expect(result.model).toBeNull();
  });

  it('names the union when a value fits none of its shapes', async () => {
    const result = await readText(
      yaml(
        'name: app',
        'tables:',
        '  jobs:',
        '    columns:',
        '      id: [text]',
        '    realtime: yes',
      ),
    );

    expect(brief(result)).toEqual([
      '5:11 error QB012 `tables.jobs.columns.id` must be one of `text`, `integer`, `real`, `boolean`, `timestamp`, `json` or an object, found a list',
      '6:15 error QB012 `tables.jobs.realtime` must be `true`, `false` or an object, found the string `yes`',
    ]);
  });

  it('treats a misspelt required key as one mistake', async () => {
    const result = await readText(
      yaml(
        'name: app',
        'tables:',
        '  jobs:',
        '    columns:',
        '      id: { typ: text, primaryKey: true }',
      ),
    );

    expect(brief(result)).toEqual([
      '5:13 error QB010 unknown key `typ` (did you mean `type`?) in `tables.jobs.columns.id`',
    ]);
  });

  it('follows the list or map shape of namespace events', async () => {
    const result = await readText(
      yaml(
        'name: app',
        'realtime:',
        '  namespaces:',
        '    screening:',
        '      events: [started, "bad event"]',
        '    presence:',
        '      events:',
        '        joined:',
        '          payload: { userId: strng }',
        '          descripton: Someone joined',
      ),
    );

    expect(brief(result)).toEqual([
      '5:25 error QB016 `realtime.namespaces.screening.events[1]` cannot be `bad event`. Use letters, digits, underscores, dashes and dots, starting with a letter or underscore (for example `interview-reminder`).',
      '9:30 error QB014 `realtime.namespaces.presence.events.joined.payload.userId` cannot be `strng` (did you mean `string`?); use one of `string`, `number`, `boolean`, `object`, `array`, `unknown`',
      '10:11 error QB010 unknown key `descripton` (did you mean `description`?) in `realtime.namespaces.presence.events.joined`',
    ]);
  });

  it('asks a custom auth provider for its module', async () => {
    const result = await readText(yaml('name: app', 'auth:', '  provider: custom'));
    expect(brief(result)).toEqual(['2:1 error QB011 `auth` is missing the required key `module`']);
  });

  it('reports a non-object manifest and an empty one', async () => {
    expect(brief(await readText('just text\n'))).toEqual([
      '1:1 error QB012 the manifest must be an object, found the string `just text`',
    ]);
    expect(brief(await readText('# nothing here\n'))).toEqual([
      '1:1 error QB013 the manifest has no value; expected an object',
    ]);
  });

  it('words constraints it has no special message for (QB019)', () => {
    const source = {
      file: 'quickback.yaml',
      absolutePath: '/virtual/quickback.yaml',
      language: 'YAML' as const,
      text: 'size: 200\n',
      value: { size: 200 },
      rangeOf: () => ({ start: { line: 1, column: 7 }, end: { line: 1, column: 10 } }),
    };
    const sink = new DiagnosticSink('quickback.yaml');
    const finding = {
      keyword: 'maximum',
      instancePath: '/size',
      schemaPath: '#/properties/size/maximum',
      params: { comparison: '<=', limit: 100 },
      message: 'must be <= 100',
      data: 200,
    };

    reportFindings([finding], new DocumentReporter(sink, source));
    expect(sink.sorted().map((d) => `${d.code} ${d.message}`)).toEqual([
      'QB019 `size` must be <= 100',
    ]);
  });
});
