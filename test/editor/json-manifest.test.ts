// quickback.json: VS Code's JSON language features (vscode-json-languageservice, in process)
// find the schema through the manifest's "$schema" property and give the same completion,
// hover and problems as the YAML editor. yaml-language-server reads only a modeline (a YAML
// comment), which a JSON file cannot hold, so JSON manifests are the JSON service's job.

import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

import { SCHEMA_PATH } from '../../src/validate/schema-file.ts';
import { problemsByLine, unmatched } from './support/agreement.ts';
import { compilerLines, quickbackCheck } from './support/compiler.ts';
import { COMPLETION_CASES, offers } from './support/completion-cases.ts';
import {
  brokenManifests,
  exampleManifests,
  repoManifests,
  type Manifest,
} from './support/corpus.ts';
import { JsonEditor } from './support/json-service.ts';
import { propertyAt } from './support/schema-facts.ts';
import { Workspace, withCursor } from './support/workspace.ts';

const editor = new JsonEditor();
const workspace = new Workspace();
afterAll(() => workspace.remove());

async function complete(marked: string) {
  const { text, position } = withCursor(marked);
  const { uri } = workspace.write(text, 'json');
  return offers(await editor.completion(uri, text, position));
}

describe('completion in a JSON manifest with "$schema"', () => {
  for (const test of COMPLETION_CASES) {
    it(test.name, async () => {
      const found = await complete(test.json);

      expect(found.map((o) => o.label)).toEqual(expect.arrayContaining(test.offered));
      if (test.onlyKeys) {
        const keys = found.filter((o) => o.isKey).map((o) => o.label);
        expect(keys.sort()).toEqual([...test.onlyKeys].sort());
      }
      for (const [label, doc] of test.docs ?? []) {
        expect(found.find((o) => o.label === label)?.doc, label).toBe(doc);
      }
    });
  }

  it('loads the schema from the path in "$schema", relative to the manifest', async () => {
    const fresh = new JsonEditor();
    const { text, position } = withCursor(COMPLETION_CASES[0]!.json);
    const { uri } = workspace.write(text, 'json');
    await fresh.completion(uri, text, position);

    expect(fresh.requested).toEqual([pathToFileURL(`${workspace.dir}/quickback.schema.json`).href]);
  });
});

describe('hover in a JSON manifest', () => {
  it('shows the description of the key under the cursor', async () => {
    const marked = '{\n  "$schema": "./quickback.schema.json",\n  "na<|>me": "app"\n}\n';
    const { text, position } = withCursor(marked);
    const { uri } = workspace.write(text, 'json');

    const hover = await editor.hover(uri, text, position);
    const parts = [hover?.contents ?? []].flat();
    const shown = parts.map((p) => (typeof p === 'string' ? p : p.value)).join('\n');
    expect(shown).toContain(String(propertyAt('name').markdownDescription));
  });
});

async function findings(manifest: Manifest): Promise<Map<number, string[]>> {
  return problemsByLine(await editor.diagnostics(manifest.uri, manifest.text));
}

describe('JSON manifests: the editor and quickback check agree', () => {
  const valid = repoManifests('json');

  it('include every JSON example', () => {
    const examples = exampleManifests('quickback.json');
    expect(examples.length).toBeGreaterThan(0);
    expect(valid.map((m) => m.name)).toEqual(expect.arrayContaining(examples));
  });

  for (const manifest of valid) {
    it(`${manifest.name}: the editor flags only lines the compiler flags`, async () => {
      const compiler = await quickbackCheck(manifest.path);
      const found = await findings(manifest);

      if (compiler.ok) expect([...found], 'the compiler accepts this file').toEqual([]);
      expect(unmatched(found, compilerLines(compiler))).toEqual([]);
    });
  }

  for (const manifest of brokenManifests('json')) {
    it(`${manifest.name}: both flag it, the editor only where the compiler does`, async () => {
      const compiler = await quickbackCheck(manifest.path);
      const found = await findings(manifest);

      expect(compiler.exitCode).toBe(1);
      expect(found.size).toBeGreaterThan(0);
      expect(unmatched(found, compilerLines(compiler))).toEqual([]);
    });
  }

  it('without "$schema" a JSON file is not checked, so "$schema" is the link', async () => {
    const text = '{ "name": "Not A Worker Name", "tabels": {} }\n';
    const linked = `{ "$schema": "${pathToFileURL(SCHEMA_PATH).href}", ${text.slice(2)}`;

    expect(await editor.diagnostics(workspace.write(text, 'json').uri, text)).toEqual([]);
    expect((await editor.diagnostics(workspace.write(linked, 'json').uri, linked)).length).toBe(2);
  });
});
