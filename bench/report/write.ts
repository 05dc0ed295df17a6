// Writes the bench's outputs formatted as `npm run format` (prettier, the repository's
// config) would leave them, so formatting the repository never rewrites a result.

import fs from 'node:fs';

import * as prettier from 'prettier';

export async function writeFormatted(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}
