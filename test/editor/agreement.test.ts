// The editor and the compiler agree. A manifest `quickback check` accepts gets no squiggle in
// the editor, and wherever the editor complains the compiler reports something on the same
// line (the compiler may say more: its cross-reference checks go beyond the schema).

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { main } from '../../src/cli/main.ts';
import { problemsByLine, unmatched } from './support/agreement.ts';
import { compilerLines, quickbackCheck } from './support/compiler.ts';
import {
  brokenManifests,
  exampleManifests,
  REPO,
  repoManifests,
  type Manifest,
} from './support/corpus.ts';
import { YamlServer } from './support/yaml-server.ts';

let server: YamlServer;

beforeAll(async () => {
  server = await YamlServer.start(REPO);
});

afterAll(async () => {
  await server?.stop();
});

async function editorFindings(manifest: Manifest): Promise<Map<number, string[]>> {
  const problems = await server.open(manifest.uri, manifest.text);

  // When the YAML itself is broken (a tab, an unclosed bracket) the compiler reports that and
  // stops, while the editor also checks the tree its parser recovered, whose shape follows
  // from the syntax error (a tab-indented key lands in the parent mapping). Only the syntax
  // problems are comparable then; the user fixes them and the schema findings follow.
  const syntax = problems.filter((p) => p.source === 'YAML');
  return problemsByLine(syntax.length > 0 ? syntax : problems, manifest.shift);
}

describe('manifests in the repo', () => {
  const manifests = repoManifests('yaml');

  it('include every YAML example', () => {
    const examples = exampleManifests('quickback.yaml');
    expect(examples.length).toBeGreaterThan(0);
    expect(manifests.map((m) => m.name)).toEqual(expect.arrayContaining(examples));
  });

  for (const manifest of manifests) {
    it(`${manifest.name}: the editor flags only lines the compiler flags`, async () => {
      const compiler = await quickbackCheck(manifest.path);
      const editor = await editorFindings(manifest);

      if (compiler.ok) expect([...editor], 'the compiler accepts this file').toEqual([]);
      expect(unmatched(editor, compilerLines(compiler))).toEqual([]);
    });
  }
});

describe('the manifest `quickback init` writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quickback-editor-init-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gets schema diagnostics through its modeline and has none', async () => {
    const io = { stdout: () => {}, stderr: () => {}, cwd: dir, color: false };
    expect(await main(['init'], io)).toBe(0);

    const path = join(dir, 'quickback.yaml');
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./quickback.schema.json');
    expect(await server.open(pathToFileURL(path).href, text)).toEqual([]);
    expect((await quickbackCheck(path)).ok).toBe(true);

    // The same text with a mistake is flagged, so the modeline really links the schema.
    const broken = text.replace('provider: better-auth', 'provider: better-oauth');
    const brokenDiagnostics = await server.open(
      pathToFileURL(join(dir, 'broken.yaml')).href,
      broken,
    );
    expect(brokenDiagnostics.map((d) => d.message).join('\n')).toMatch(/better-auth/);
  });
});

describe('broken manifests (test/editor/fixtures/broken)', () => {
  const corpus = brokenManifests('yaml');

  it('holds a corpus of at least 15', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
  });

  for (const manifest of corpus) {
    it(`${manifest.name}: both flag it, the editor only where the compiler does`, async () => {
      const compiler = await quickbackCheck(manifest.path);
      const editor = await editorFindings(manifest);

      expect(compiler.exitCode, 'quickback check rejects it').toBe(1);
      expect(editor.size, 'the editor flags it').toBeGreaterThan(0);
      expect(unmatched(editor, compilerLines(compiler))).toEqual([]);
    });
  }

  it('never reached for the network', () => {
    expect(server.triedNetwork, server.stderr).toBe(false);
  });
});
