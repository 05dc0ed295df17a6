// The command table. A new command is one file in this folder and one line here.

import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';
import { initCommand } from './init.ts';
import { schemaCommand } from './schema.ts';
import type { Command } from './types.ts';

export const COMMANDS: readonly Command[] = [
  buildCommand,
  checkCommand,
  initCommand,
  schemaCommand,
];
