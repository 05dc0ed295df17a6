// Hundreds of broken manifests, made by seeded random edits of the examples, must each end
// in diagnostics or success: never an uncaught exception, never a bug report.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

import { main } from '../../src/cli/main.ts';
import { ALL_CODES } from '../../src/diagnostics/codes.ts';
import { tempDir } from './helpers.ts';

const RUNS = 300;
const examplesRoot = join(import.meta.dirname, '../../manifests-examples');

/** mulberry32: a small deterministic generator, so every run tries the same manifests. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const bases: Json[] = readdirSync(examplesRoot).map((name) => {
  const dir = join(examplesRoot, name);
  const file = readdirSync(dir).find((f) => f.startsWith('quickback.'))!;
  return parse(readFileSync(join(dir, file), 'utf8')) as Json;
});

const REPLACEMENTS: Json[] = [
  null,
  0,
  42,
  -1.5,
  true,
  false,
  '',
  'text',
  'ctx.userId',
  [],
  {},
  ['owner'],
  { type: 'text' },
];

function misspell(text: string, rand: () => number): string {
  if (text.length < 2) return `${text}x`;
  const i = Math.floor(rand() * (text.length - 1));
  const edits = [
    () => text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2),
    () => text.slice(0, i) + text.slice(i + 1),
    () => text.slice(0, i) + 'q' + text.slice(i),
    () => text.toUpperCase(),
  ];
  return edits[Math.floor(rand() * edits.length)]!();
}

/** Every container in the document, with a way to reach it. */
function containers(value: Json, out: (Json[] | { [key: string]: Json })[] = []) {
  if (value !== null && typeof value === 'object') {
    out.push(value);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

function mutate(doc: Json, rand: () => number): void {
  const pool = containers(doc);
  const target = pool[Math.floor(rand() * pool.length)]!;
  const keys = Object.keys(target);
  if (keys.length === 0) return;
  const key = keys[Math.floor(rand() * keys.length)]!;
  const record = target as Record<string, Json>;

  switch (Math.floor(rand() * 5)) {
    case 0:
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete record[key];
      return;
    case 1:
      record[key] = structuredClone(REPLACEMENTS[Math.floor(rand() * REPLACEMENTS.length)]!);
      return;
    case 2:
      if (Array.isArray(target)) return;
      record[misspell(key, rand)] = record[key]!;
      delete record[key];
      return;
    case 3:
      if (typeof record[key] === 'string') record[key] = misspell(record[key], rand);
      return;
    default:
      if (Array.isArray(target)) target.push(structuredClone(target[0] ?? null));
      else record[`extra${Math.floor(rand() * 10)}`] = structuredClone(record[key]!);
  }
}

function breakText(text: string, rand: () => number): string {
  const at = Math.floor(rand() * text.length);
  const edits = [
    () => text.slice(0, at),
    () => text.slice(0, at) + '\t' + text.slice(at),
    () => text.slice(0, at) + ': [' + text.slice(at),
    () => text.slice(0, at) + text.slice(at + 1),
  ];
  return edits[Math.floor(rand() * edits.length)]!();
}

describe('check on mutated manifests', () => {
  it(`ends ${RUNS} runs in diagnostics or success`, async () => {
    const dir = tempDir('quickback-mutations-');
    const rand = random(20250901);
    const outcomes = { ok: 0, failed: 0 };

    for (let run = 0; run < RUNS; run++) {
      const doc = structuredClone(bases[run % bases.length]!);
      const edits = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < edits; i++) mutate(doc, rand);

      const asJson = rand() < 0.25;
      let text = asJson ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc);
      if (rand() < 0.2) text = breakText(text, rand);
      const file = join(dir, asJson ? 'quickback.json' : 'quickback.yaml');
      writeFileSync(file, text);

      const out: string[] = [];
      const err: string[] = [];
      const io = {
        stdout: (t: string) => out.push(t),
        stderr: (t: string) => err.push(t),
        cwd: dir,
        color: false,
      };
      const code = await main(['check', file, '--format', 'json'], io);

      expect(err.join(''), text).toBe('');
      expect([0, 1]).toContain(code);
      const report = JSON.parse(out.join('')) as {
        ok: boolean;
        diagnostics: { code: string; range: unknown }[];
      };
      expect(report.ok).toBe(code === 0);
      for (const d of report.diagnostics) expect(ALL_CODES).toContain(d.code);
      outcomes[code === 0 ? 'ok' : 'failed']++;
    }

    // The edits must mostly break things, or the test proves little.
    expect(outcomes.failed).toBeGreaterThan(RUNS / 2);
  });
});
