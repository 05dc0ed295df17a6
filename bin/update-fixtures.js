#!/usr/bin/env node
// `npm run fixtures:update`: rebuilds generated-fixtures/<example>/ from each
// manifests-examples/<example>/. The fixture tests compare builds against these folders byte
// for byte; this script is the only thing that changes them.
import fs from 'node:fs';
import path from 'node:path';

import { register } from 'tsx/esm/api';

register();
const { buildExample, exampleNames, freshDir, FIXTURES_DIR } =
  await import('../test/build/examples.ts');

const examples = exampleNames();
let failed = false;
fs.mkdirSync(FIXTURES_DIR, { recursive: true });

for (const example of examples) {
  const dir = freshDir(`fixture-${example}`);
  const result = await buildExample(example, dir);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || result.report === null) {
    failed = true;
    console.error(`${example}: build failed, fixture left as it was`);
    for (const d of errors) console.error(`  ${d.code} ${d.file}: ${d.message}`);
    fs.rmSync(dir, { recursive: true, force: true });
    continue;
  }
  const target = path.join(FIXTURES_DIR, example);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(dir, target, { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${example}: ${result.report.written.length} files`);
}

// A fixture whose example is gone would otherwise linger and never be checked.
for (const entry of fs.readdirSync(FIXTURES_DIR, { withFileTypes: true })) {
  if (entry.isDirectory() && !examples.includes(entry.name)) {
    fs.rmSync(path.join(FIXTURES_DIR, entry.name), { recursive: true, force: true });
    console.log(`${entry.name}: removed (no such example)`);
  }
}
process.exitCode = failed ? 1 : 0;
