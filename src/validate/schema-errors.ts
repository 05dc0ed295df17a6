// Turns ajv's findings into one diagnostic per mistake, each at the place the user wrote it.

import type { ErrorObject } from 'ajv';

import { parsePointer, pathLabel } from '../diagnostics/path.ts';
import type { DocumentReporter } from '../diagnostics/sink.ts';
import type { PathSegment } from '../load/source.ts';
import { describeExpected, describeFound, shorten } from './describe.ts';
import { isUnionTypeError, type SchemaFinding } from './reduce-unions.ts';
import type { JsonSchema } from './schema-file.ts';
import { suggest } from './suggest.ts';

export function reportFindings(findings: SchemaFinding[], reporter: DocumentReporter): void {
  const root = reporter.source.value;
  const unknownByPath = new Map<string, ErrorObject[]>();
  for (const f of findings) {
    if (f.keyword !== 'additionalProperties') continue;
    const group = unknownByPath.get(f.instancePath) ?? [];
    group.push(f as ErrorObject);
    unknownByPath.set(f.instancePath, group);
  }

  // A misspelt required key is one mistake: the unknown-key report names the right key.
  const suggested = new Set<string>();
  for (const [pointer, group] of unknownByPath) {
    for (const key of reportUnknownKeys(pointer, group, reporter, root)) {
      suggested.add(`${pointer}\u0000${key}`);
    }
  }

  for (const f of findings) {
    if (f.keyword === 'additionalProperties') continue;
    const path = parsePointer(f.instancePath, root);

    if (isUnionTypeError(f)) {
      reportType(path, f.data, f.expected, reporter);
      continue;
    }
    if (f.keyword === 'required') {
      const key = String(f.params.missingProperty);
      if (suggested.has(`${f.instancePath}\u0000${key}`)) continue;
      reporter.at('QB011', { at: pathLabel(path), key }, path, 'key');
      continue;
    }
    reportOther(f, path, reporter);
  }
}

/** Reports one diagnostic for all unknown keys of one object; returns the keys it suggested. */
function reportUnknownKeys(
  pointer: string,
  group: ErrorObject[],
  reporter: DocumentReporter,
  root: unknown,
): string[] {
  const path = parsePointer(pointer, root);
  const properties = (group[0]?.parentSchema as JsonSchema | undefined)?.properties;
  const allowed = Object.keys((properties as object | undefined) ?? {});
  const keys = group.map((e) => {
    const name = String(e.params.additionalProperty);
    return { name, suggestion: suggest(name, allowed) };
  });

  const first = keys[0]?.name ?? '';
  reporter.at('QB010', { at: pathLabel(path), keys }, [...path, first], 'key');
  return keys.flatMap((k) => (k.suggestion === null ? [] : [k.suggestion]));
}

function reportType(
  path: PathSegment[],
  data: unknown,
  expected: string,
  reporter: DocumentReporter,
): void {
  const at = pathLabel(path);
  if (data === null || data === undefined) reporter.at('QB013', { at, expected }, path, 'key');
  else reporter.at('QB012', { at, expected, found: describeFound(data) }, path);
}

function reportOther(f: ErrorObject, path: PathSegment[], reporter: DocumentReporter): void {
  const at = pathLabel(path);
  const parent = (f.parentSchema ?? {}) as JsonSchema;

  switch (f.keyword) {
    case 'type': {
      const types = Array.isArray(f.params.type) ? f.params.type : [f.params.type];
      const expected = describeExpected(types.map((type: unknown) => ({ type })));
      reportType(path, f.data, expected, reporter);
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = (f.keyword === 'enum' ? (f.schema as unknown[]) : [f.schema]).map(String);
      const value = shorten(String(f.data));
      const suggestion = suggest(String(f.data), allowed);
      reporter.at('QB014', { at, value, allowed, suggestion }, path);
      return;
    }
    case 'propertyNames': {
      const name = String(f.params.propertyName);
      const rule = patternRule(f.schema as JsonSchema);
      reporter.at('QB015', { at, name, rule }, [...path, name], 'key');
      return;
    }
    case 'pattern': {
      // Pattern failures of property names are reported through `propertyNames`.
      if ('propertyName' in f) return;
      const rule = patternRule(parent);
      reporter.at('QB016', { at, value: shorten(String(f.data)), rule }, path);
      return;
    }
    case 'uniqueItems': {
      const index = Math.max(Number(f.params.i), Number(f.params.j));
      const item = Array.isArray(f.data) ? f.data[index] : undefined;
      const value = shorten(typeof item === 'string' ? item : JSON.stringify(item));
      reporter.at('QB017', { at, value }, [...path, index]);
      return;
    }
    case 'minItems':
    case 'minProperties':
    case 'minLength': {
      const what = { minItems: 'item', minProperties: 'entry', minLength: 'character' }[f.keyword];
      reporter.at('QB018', { at, what }, path);
      return;
    }
    default:
      reporter.at(
        'QB019',
        { at, detail: f.message ?? `fails the schema's ${f.keyword} rule` },
        path,
      );
  }
}

function patternRule(schema: JsonSchema): string {
  const message = schema.patternErrorMessage;
  if (typeof message === 'string') return message;
  return `It must match the pattern \`${String(schema.pattern)}\`.`;
}
