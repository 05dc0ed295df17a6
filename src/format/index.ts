// Formats emitted files. TypeScript goes through prettier with a fixed configuration, so the
// bytes do not depend on any prettier config the user keeps; other kinds are left as emitted
// (their emitters already produce their final layout). Generated files end up with LF line
// ends and exactly one trailing newline; a merged user file keeps its own bytes untouched.

import * as prettier from 'prettier';

import type { EmittedFile } from '../emit/types.ts';

/** The generated code's style; part of the output contract, like the header. */
export const PRETTIER_OPTIONS: prettier.Options = {
  parser: 'typescript',
  singleQuote: true,
  printWidth: 100,
  endOfLine: 'lf',
};

export async function formatFiles(files: readonly EmittedFile[]): Promise<EmittedFile[]> {
  return Promise.all(files.map(formatFile));
}

export async function formatFile(file: EmittedFile): Promise<EmittedFile> {
  if (!file.generated) return file;
  const normalized = normalizeText(file.contents);
  if (file.kind !== 'ts' || file.preformatted) return { ...file, contents: normalized };
  const contents = await prettier.format(normalized, PRETTIER_OPTIONS);
  return { ...file, contents };
}

/** LF line ends and a single final newline (an empty file stays empty). */
export function normalizeText(text: string): string {
  const lf = text.replace(/\r\n?/g, '\n');
  return lf.length === 0 ? lf : `${lf.replace(/\n+$/, '')}\n`;
}
