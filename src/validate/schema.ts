// Validates the parsed manifest against the published JSON Schema with ajv.

import { Ajv, type ValidateFunction } from 'ajv';

import type { DocumentReporter } from '../diagnostics/sink.ts';
import type { Manifest } from '../manifest-types.ts';
import { reduceUnions } from './reduce-unions.ts';
import { reportFindings } from './schema-errors.ts';
import { manifestSchema } from './schema-file.ts';

// Editor-only keywords: yaml-language-server reads them, ajv must accept and ignore them.
const EDITOR_KEYWORDS = [
  'markdownDescription',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'defaultSnippets',
  'patternErrorMessage',
];

let validator: ValidateFunction | null = null;

function compile(): ValidateFunction {
  if (validator === null) {
    // `strictRequired` would reject `then: { required: [module] }`, which names a property
    // declared beside the `if`, not inside the `then`.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    ajv.addVocabulary(EDITOR_KEYWORDS);
    validator = ajv.compile(manifestSchema());
  }
  return validator;
}

/** The manifest, typed, when it matches the schema; null after reporting every mismatch. */
export function checkSchema(reporter: DocumentReporter): Manifest | null {
  const validate = compile();
  const value = reporter.source.value;
  if (validate(value)) return value as Manifest;

  reportFindings(reduceUnions(validate.errors ?? []), reporter);
  return null;
}
