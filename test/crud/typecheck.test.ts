// The CRUD runtime and its workerd fixtures compile as Worker code: strict, bundler resolution,
// Cloudflare's types (the root tsconfig checks Node code only and leaves these out).

import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

import { typecheckProject } from '../build/typecheck.ts';

it('type-checks runtime/server/crud and its tests against @cloudflare/workers-types', () => {
  const tsconfig = fileURLToPath(new URL('./runtime/tsconfig.json', import.meta.url));
  expect(typecheckProject(tsconfig)).toEqual([]);
});
