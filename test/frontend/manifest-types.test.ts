// src/manifest-types.ts is generated from the schema; it must match a fresh generation.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import {
  MANIFEST_TYPES_PATH,
  renderManifestTypes,
} from '../../src/model/generate-manifest-types.ts';

describe('generated manifest types', () => {
  it('are up to date with schema/quickback.schema.json (run `npm run generate:types`)', async () => {
    const fresh = await renderManifestTypes();
    expect(readFileSync(MANIFEST_TYPES_PATH, 'utf8')).toBe(fresh);
  });
});
