// Ajv reports every branch of a failed `anyOf`: for `realtime: { enabeld: true }` it says
// "must be boolean", "must NOT have additional properties" and "must match a schema in
// anyOf". A user made one mistake, so this pass keeps only the branch the value was meant
// for (the one whose type matches it) or, when no branch's type matches, one type error.

import type { ErrorObject } from 'ajv';

import { describeExpected, jsonType, schemaTypes, type JsonType } from './describe.ts';

/** A type error made up for a union whose branches all expect another type. */
export interface UnionTypeError {
  keyword: 'union';
  instancePath: string;
  data: unknown;
  expected: string;
}

export type SchemaFinding = ErrorObject | UnionTypeError;

export function isUnionTypeError(finding: SchemaFinding): finding is UnionTypeError {
  return finding.keyword === 'union' && 'expected' in finding;
}

const KEYWORD_TYPES: Record<string, JsonType> = {
  additionalProperties: 'object',
  required: 'object',
  minProperties: 'object',
  maxProperties: 'object',
  propertyNames: 'object',
  dependencies: 'object',
  minItems: 'array',
  maxItems: 'array',
  uniqueItems: 'array',
  contains: 'array',
  pattern: 'string',
  minLength: 'string',
  maxLength: 'string',
  format: 'string',
  minimum: 'number',
  maximum: 'number',
  exclusiveMinimum: 'number',
  exclusiveMaximum: 'number',
  multipleOf: 'number',
};

export function reduceUnions(errors: readonly ErrorObject[]): SchemaFinding[] {
  // `if` only says "then failed"; the `then` branch's own error says what is wrong.
  let findings: SchemaFinding[] = errors.filter((e) => e.keyword !== 'if');

  for (const union of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = Array.isArray(union.schema) ? (union.schema as unknown[]) : [];
    const dataType = jsonType(union.data);
    const matched = branches.some((b) => schemaTypes(b).includes(dataType));
    const here = (f: SchemaFinding) => f.instancePath === union.instancePath;

    findings = findings.filter((f) => f !== union);
    if (matched) {
      findings = findings.filter((f) => !here(f) || appliesTo(f, dataType));
    } else {
      findings = findings.filter(
        (f) => !here(f) && !f.instancePath.startsWith(`${union.instancePath}/`),
      );
      findings.push({
        keyword: 'union',
        instancePath: union.instancePath,
        data: union.data,
        expected: describeExpected(branches),
      });
    }
  }

  return findings;
}

// Whether an error at the union's own path came from a branch of the value's type.
function appliesTo(finding: SchemaFinding, dataType: JsonType): boolean {
  if (finding.keyword === 'union' || finding.keyword === 'type') return false;

  if (finding.keyword === 'enum' || finding.keyword === 'const') {
    const allowed = finding.keyword === 'enum' ? finding.schema : [finding.schema];
    return Array.isArray(allowed) && allowed.some((v) => jsonType(v) === dataType);
  }

  const type = KEYWORD_TYPES[finding.keyword];
  return type === undefined || type === dataType;
}
