// `quickback check`: validate a manifest and report every problem, writing nothing.

import { readProject } from '../../frontend.ts';
import { formatOption, parseCommandArgs, stringOption } from '../args.ts';
import { resolveConfigPath } from '../config.ts';
import { printDiagnostics } from '../report.ts';
import { hasErrors } from '../render.ts';
import type { Command } from './types.ts';

const HELP = `Usage: quickback check [FILE] [--config FILE] [--format pretty|json]

Checks a manifest against the schema and every cross-reference, and reports all problems.
Exits 1 when there is an error, 0 otherwise (warnings do not fail the check).

Options:
  -c, --config FILE   the manifest (default: quickback.yaml, then quickback.json)
  --format FORMAT     pretty (default) or json
  -h, --help          show this help
`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate a manifest and report every problem',
  help: HELP,
  async run(argv, io) {
    const args = parseCommandArgs(
      'check',
      argv,
      { config: { type: 'string', short: 'c' }, format: { type: 'string' } },
      1,
    );
    const format = formatOption(args);
    const config = resolveConfigPath(io.cwd, stringOption(args, 'config'), args.positionals[0]);

    const { model, diagnostics } = await readProject(config.absolutePath, {
      displayPath: config.displayPath,
    });
    printDiagnostics(io, diagnostics, format, { manifest: config.displayPath });

    if (format === 'pretty' && model) {
      const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      const tables = count(model.tables.length, 'table');
      const namespaces = count(model.namespaces.length, 'namespace');
      io.stdout(`${config.displayPath}: ok (${tables}, ${namespaces})\n`);
    }
    return hasErrors(diagnostics) ? 1 : 0;
  },
};
