// `quickback init [DIR]`: a starter manifest with editor support. Existing files are kept.

import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

import { parseCommandArgs } from '../args.ts';
import { UserError } from '../errors.ts';
import { projectNameFrom, starterFiles } from './init-files.ts';
import type { Command } from './types.ts';

const HELP = `Usage: quickback init [DIR]

Writes a commented starter quickback.yaml into DIR (default: the current folder), a copy
of the JSON Schema its modeline points at, and VS Code settings that recommend the YAML
extension and map the schema. Files that already exist are left alone and listed.

Options:
  -h, --help   show this help
`;

export const initCommand: Command = {
  name: 'init',
  summary: 'write a starter manifest with editor settings',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('init', argv, {}, 1);
    const given = args.positionals[0] ?? '.';
    const folder = resolve(io.cwd, given);

    const written: string[] = [];
    const kept: string[] = [];
    for (const file of starterFiles(projectNameFrom(basename(folder)))) {
      const path = join(folder, file.path);
      const shown = given === '.' ? file.path : join(given, file.path);
      if (existsSync(path)) {
        kept.push(shown);
        continue;
      }
      await writeNew(path, file.contents, shown);
      written.push(shown);
    }

    for (const file of written) io.stdout(`created ${file}\n`);
    for (const file of kept) io.stdout(`kept existing ${file} (not overwritten)\n`);
    if (written.length > 0) io.stdout('next: edit quickback.yaml, then run `quickback check`\n');
    return 0;
  },
};

async function writeNew(path: string, contents: string, shown: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    // `wx` refuses to replace a file that appeared since the existence check.
    await writeFile(path, contents, { flag: 'wx' });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError(`cannot write ${shown}: ${reason}`);
  }
}
