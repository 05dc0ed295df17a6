// Where the user's custom auth module sits, as an import specifier from `src/lib/auth.ts`.

import path from 'node:path';

export const AUTH_FILE_DIR = 'src/lib';

/**
 * The model holds `auth.module` relative to the output root (the front end resolved it from
 * the manifest's folder); the import is relative to the generated file. TypeScript extensions
 * are dropped: the generated project resolves modules like a bundler.
 */
export function customModuleSpecifier(module: string): string {
  const target = path.posix.normalize(module.replaceAll('\\', '/'));
  const relative = path.posix.relative(AUTH_FILE_DIR, target).replace(/\.(ts|tsx|mts)$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
