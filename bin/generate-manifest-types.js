#!/usr/bin/env node
// Regenerates src/manifest-types.ts from schema/quickback.schema.json.
import { writeFileSync } from 'node:fs';
import { register } from 'tsx/esm/api';

register();
const { renderManifestTypes, MANIFEST_TYPES_PATH } =
  await import('../src/model/generate-manifest-types.ts');
writeFileSync(MANIFEST_TYPES_PATH, await renderManifestTypes());
console.log(`wrote ${MANIFEST_TYPES_PATH}`);
