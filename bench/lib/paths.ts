// Where the bench reads the compiler from and where it writes its scratch projects.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'manifests-examples');
export const CLI = path.join(REPO_ROOT, 'bin', 'quickback.js');
export const WRANGLER_BIN = path.join(REPO_ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');

/** Scratch space, under the repository so generated projects resolve its node_modules. */
export const SCRATCH = path.join(REPO_ROOT, '.tmp', 'bench');

/** wrangler dev's output (the Worker's console included) from the last fan-out run. */
export const WRANGLER_LOG = path.join(SCRATCH, 'fanout-wrangler-dev.log');

export const RESULTS_JSON = path.join(BENCH_DIR, 'results.json');
export const BENCHMARKS_MD = path.join(REPO_ROOT, 'BENCHMARKS.md');
