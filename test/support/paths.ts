// Where the harness finds the compiler and where it puts generated projects. Projects live
// under the repository's .tmp/ so wrangler's bundler resolves `hono` and `better-auth` from the
// repository's node_modules, as a user's project resolves them from its own.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'manifests-examples');
export const CLI = path.join(REPO_ROOT, 'bin', 'quickback.js');
export const E2E_ROOT = path.join(REPO_ROOT, '.tmp', 'e2e');

/** A fresh, empty folder `.tmp/e2e/<name>-<random>/`. */
export function freshProjectDir(name: string): string {
  const dir = path.join(E2E_ROOT, `${name}-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
