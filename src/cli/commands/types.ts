// A CLI command: one file in this folder, listed once in ./index.ts.

import type { CliIO } from '../io.ts';

export interface Command {
  name: string;
  /** One line for `quickback --help`. */
  summary: string;
  /** The full text of `quickback <name> --help`. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}
