// Where the user's custom auth module sits, as an import specifier from `src/lib/auth.ts`.

import path from 'node:path';

export const AUTH_FILE_DIR = 'src/lib';

/**
 * The model holds `auth.module` relative to the output root (the front end resolved it from
 * the manifest's folder); the import is relative to the generated file. `.ts` is dropped and
 * `.mts` becomes `.mjs`: the generated project resolves modules like a bundler.
 */
export function customModuleSpecifier(module: string): string {
  const target = path.posix.normalize(module.replaceAll('\\', '/'));

  // posix.relative resolves relative paths against the process's cwd, which must not shape
  // the output; a made-up root deep enough for every `..` of the target keeps it out.
  const ups = target.split('/').filter((part) => part === '..').length;
  const root = `/${Array.from({ length: ups + 1 }, (_, i) => `d${i}`).join('/')}`;
  const from = path.posix.join(root, AUTH_FILE_DIR);
  const relative = path.posix.relative(from, path.posix.join(root, target));

  const specifier = relative.replace(/\.tsx?$/, '').replace(/\.mts$/, '.mjs');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}
