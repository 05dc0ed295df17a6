// `quickback schema`: print the manifest's JSON Schema, or write it to a file.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { schemaText } from '../../validate/schema-file.ts';
import { parseCommandArgs, stringOption } from '../args.ts';
import { UserError } from '../errors.ts';
import type { Command } from './types.ts';

const HELP = `Usage: quickback schema [--out FILE]

Prints the JSON Schema that manifests are validated against, or writes it to FILE
(for example next to your manifest, for the yaml-language-server modeline).

Options:
  -o, --out FILE   write the schema to FILE instead of standard output
  -h, --help       show this help
`;

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print or write the manifest JSON Schema',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs('schema', argv, { out: { type: 'string', short: 'o' } }, 0);
    const out = stringOption(args, 'out');
    if (out === undefined) {
      io.stdout(schemaText());
      return 0;
    }

    const path = resolve(io.cwd, out);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, schemaText());
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserError(`cannot write ${out}: ${reason}`);
    }
    io.stdout(`wrote ${out}\n`);
    return 0;
  },
};
