// The package versions this quickback release was tested with, read from its own
// package.json, so the generated instructions name versions known to work together.

import fs from 'node:fs';

const manifest = JSON.parse(
  fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };

export function testedVersion(name: string): string {
  const version = manifest.devDependencies?.[name] ?? manifest.dependencies?.[name];
  if (version === undefined) throw new Error(`package.json does not list ${name}`);
  return version;
}
