// Copies the generic runtime (ordinary TypeScript, type-checked and tested in this repo) into
// the generated project, so the project depends on no package of ours. Each copy gets the
// generated header and is otherwise the file as written.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { generatedHeader } from './ast/index.ts';
import type { EmitContext, EmittedFile, Emitter } from './types.ts';

/** The compiler's own runtime folder, found next to its source rather than via the cwd. */
export const RUNTIME_DIR = fileURLToPath(new URL('../../runtime/', import.meta.url));

/** Runtime folder -> folder of the generated project. */
export const RUNTIME_COPIES = [
  { from: 'realtime', to: 'src/lib/realtime' },
  { from: 'server', to: 'src/lib/server' },
] as const;

/** Tests and declaration files stay behind; only modules the Worker runs are copied. */
function isRuntimeModule(name: string): boolean {
  return name.endsWith('.ts') && !/\.(test|spec|d)\.ts$/.test(name);
}

/** Runtime modules under a runtime folder, subfolders included, as sorted relative paths. */
export function runtimeModules(folder: string): string[] {
  const dir = `${RUNTIME_DIR}${folder}`;
  if (!fs.existsSync(dir)) return [];
  const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => isRuntimeModule(entry) && fs.statSync(`${dir}/${entry}`).isFile())
    .sort();
}

export const emitRuntimeCopy: Emitter = (context: EmitContext): EmittedFile[] => {
  const header = generatedHeader(context.model.manifestPath, 'ts');
  return RUNTIME_COPIES.flatMap(({ from, to }) =>
    runtimeModules(from).map((name) => {
      const source = fs.readFileSync(`${RUNTIME_DIR}${from}/${name}`, 'utf8');
      return {
        path: `${to}/${name}`,
        contents: `${header}\n\n${source}`,
        kind: 'ts' as const,
        generated: true,
        preformatted: true,
      };
    }),
  );
};
