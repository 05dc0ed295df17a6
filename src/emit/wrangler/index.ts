// Emits the wrangler config: merges quickback's entries (D1 binding, Broadcaster binding, the
// Durable Object migration) into the user's wrangler.json / wrangler.jsonc / wrangler.toml,
// or creates one in the manifest's chosen format. The file is the user's, not generated: it
// carries no generated header, is never removed, and keeps every user byte.

import path from 'node:path';

import type { ProjectModel } from '../../model/types.ts';
import type { EmitContext, EmittedFile, Emitter } from '../types.ts';
import { expectedData, sameData } from './check.ts';
import { JsoncMergeError, mergeJsonc } from './jsonc.ts';
import {
  bindingClash,
  mergeFailed,
  nodeCompatMissing,
  unreadable,
  type ConfigFile,
} from './messages.ts';
import {
  BROADCASTER_BINDING,
  BROADCASTER_CLASS,
  durableObjectBindings,
  findNeeds,
  isEmpty,
  type JsonObject,
  type WranglerNeeds,
} from './needs.ts';
import { parseConfig, type WranglerFormat } from './parse.ts';
import { comment, mergeToml } from './toml.ts';

/** In wrangler's own order of preference, so we merge into the file wrangler reads. */
export const WRANGLER_FILES = ['wrangler.json', 'wrangler.jsonc', 'wrangler.toml'] as const;

const formatOf = (file: string): WranglerFormat => (file.endsWith('.toml') ? 'toml' : 'jsonc');

export const emitWrangler: Emitter = (context: EmitContext): EmittedFile[] => {
  const { model } = context;
  const existing = WRANGLER_FILES.find((file) => context.readExisting(file) !== null);
  const file = existing ?? `wrangler.${model.output.wranglerFormat}`;
  const format = formatOf(file);
  const original = existing ? context.readExisting(existing)! : starter(model, format);
  const config: ConfigFile = { where: path.join(context.outDir, file), file };

  const parsed = parseConfig(original, format);
  if (!parsed.ok) {
    context.report(unreadable(config, parsed.error));
    return [];
  }
  warnAboutUserEntries(context, config, parsed.data);

  const needs = findNeeds(model, parsed.data);
  const merged = isEmpty(needs) ? original : tryMerge(original, format, parsed.data, needs);
  if (typeof merged !== 'string') {
    const failing = failingParts(original, format, parsed.data, needs);
    const snippet = format === 'toml' ? mergeToml('', failing) : mergeJsonc('{}', failing);
    context.report(mergeFailed(config, merged.error, snippet.trimEnd()));
    return [];
  }
  return [{ path: file, contents: merged, kind: format, generated: false }];
};

/**
 * Inserts the needed entries and reads the result back: it must hold the user's data plus
 * ours, exactly. Returns the merged text, or why it could not be made.
 */
function tryMerge(
  original: string,
  format: WranglerFormat,
  data: JsonObject,
  needs: WranglerNeeds,
): string | { error: string } {
  let merged: string;
  try {
    merged = format === 'toml' ? mergeToml(original, needs) : mergeJsonc(original, needs);
  } catch (error) {
    if (!(error instanceof JsoncMergeError)) throw error;
    return { error: error.message };
  }
  const reread = parseConfig(merged, format);
  // The position would point into the merged text, which the user never sees.
  if (!reread.ok) return { error: reread.error.replace(/ \(line \d+, column \d+\)$/, '') };
  if (!sameData(reread.data, expectedData(data, needs))) {
    return { error: 'the file declares these lists in a form text cannot extend' };
  }
  return merged;
}

/** The needed entries that fail even on their own: those are the ones to add by hand. */
function failingParts(
  original: string,
  format: WranglerFormat,
  data: JsonObject,
  needs: WranglerNeeds,
): WranglerNeeds {
  const none: WranglerNeeds = { topLevel: [], d1: null, durableObject: null, migration: null };
  const fails = (part: Partial<WranglerNeeds>) =>
    typeof tryMerge(original, format, data, { ...none, ...part }) !== 'string';
  const { topLevel, d1, durableObject, migration } = needs;
  const failing: WranglerNeeds = {
    topLevel: topLevel.length > 0 && fails({ topLevel }) ? topLevel : [],
    d1: d1 !== null && fails({ d1 }) ? d1 : null,
    durableObject: durableObject !== null && fails({ durableObject }) ? durableObject : null,
    migration: migration !== null && fails({ migration }) ? migration : null,
  };
  // When each entry fits alone but not together, all of them are to add by hand.
  return isEmpty(failing) ? needs : failing;
}

function warnAboutUserEntries(context: EmitContext, config: ConfigFile, data: JsonObject): void {
  const bindings = durableObjectBindings(data);
  const binding = bindings.find((entry) => entry['name'] === BROADCASTER_BINDING);
  const className = binding?.['class_name'];
  if (typeof className === 'string' && className !== BROADCASTER_CLASS) {
    context.report(bindingClash(config, className));
  }
  const flags = data['compatibility_flags'];
  const needsNode = context.model.auth.provider === 'better-auth';
  const hasNode =
    Array.isArray(flags) && flags.some((flag) => String(flag).startsWith('nodejs_compat'));
  if (needsNode && Array.isArray(flags) && !hasNode) context.report(nodeCompatMissing(config));
}

/** The text of a new config file, before quickback's entries are merged in. */
function starter(model: ProjectModel, format: WranglerFormat): string {
  const note =
    `Created by quickback build from ${model.manifestPath}. This file is yours: later builds ` +
    'only add the entries quickback needs when they are missing.';
  if (format === 'toml') return `${comment(note).join('\n')}\n`;
  const schema = '{\n  "$schema": "node_modules/wrangler/config-schema.json"\n}\n';
  return `${comment(note, '//').join('\n')}\n${schema}`;
}
