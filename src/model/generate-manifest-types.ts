// Renders src/manifest-types.ts from the JSON Schema, so the schema stays the single source
// of truth for the manifest's shape. `npm run generate:types` writes it; a test checks it.

import { compile } from 'json-schema-to-typescript';
import prettier from 'prettier';
import { fileURLToPath } from 'node:url';

import { manifestSchema } from '../validate/schema-file.ts';

export const MANIFEST_TYPES_PATH = fileURLToPath(new URL('../manifest-types.ts', import.meta.url));

const BANNER = [
  '// Generated from schema/quickback.schema.json by `npm run generate:types`. Do not edit.',
  '// The manifest as written, after schema validation; src/model/ normalizes it.',
].join('\n');

export async function renderManifestTypes(): Promise<string> {
  // The compiler mutates its input; give it a copy.
  const schema = structuredClone(manifestSchema());
  const source = await compile(schema as Parameters<typeof compile>[0], 'Manifest', {
    bannerComment: BANNER,
    additionalProperties: false,
    format: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
  });

  const options = (await prettier.resolveConfig(MANIFEST_TYPES_PATH)) ?? {};
  return prettier.format(source, { ...options, parser: 'typescript' });
}
