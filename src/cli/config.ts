// Finds the manifest a command works on: `--config FILE` (or a positional path), else
// `quickback.yaml`, then `quickback.json`, in the working folder.

import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { UserError } from './errors.ts';

export const DEFAULT_MANIFESTS = ['quickback.yaml', 'quickback.json'];

export interface ConfigLocation {
  absolutePath: string;
  /** The path as diagnostics show it: as the user gave it, or the default file's name. */
  displayPath: string;
}

export function resolveConfigPath(cwd: string, ...given: (string | undefined)[]): ConfigLocation {
  const named = [...new Set(given.filter((g): g is string => g !== undefined))];
  if (named.length > 1) {
    throw new UserError(`two manifests given (${named.join(' and ')}); pass only one`);
  }

  const explicit = named[0];
  if (explicit !== undefined) {
    const absolute = resolve(cwd, explicit);
    // A folder stands for the manifest inside it.
    if (!isDirectory(absolute)) return { absolutePath: absolute, displayPath: explicit };
    const path = findDefault(absolute);
    return { absolutePath: path, displayPath: join(explicit, basename(path)) };
  }

  const path = findDefault(cwd);
  return { absolutePath: path, displayPath: basename(path) };
}

function findDefault(folder: string): string {
  for (const name of DEFAULT_MANIFESTS) {
    const candidate = join(folder, name);
    if (existsSync(candidate)) return candidate;
  }
  const hint = 'pass --config FILE, or run `quickback init`';
  throw new UserError(`no quickback.yaml or quickback.json in ${folder}; ${hint}`);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
