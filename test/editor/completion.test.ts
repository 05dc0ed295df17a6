// Completion in a YAML manifest that uses the modeline `quickback init` writes, answered by
// a real yaml-language-server over stdio.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { acceptCompletion } from './support/accept.ts';
import { ACCEPT_CASES } from './support/accept-cases.ts';
import { quickbackCheck } from './support/compiler.ts';
import { COMPLETION_CASES, offers } from './support/completion-cases.ts';
import { Workspace, withCursor } from './support/workspace.ts';
import { YamlServer } from './support/yaml-server.ts';

let workspace: Workspace;
let server: YamlServer;

beforeAll(async () => {
  workspace = new Workspace();
  server = await YamlServer.start(workspace.dir);
});

afterAll(async () => {
  await server?.stop();
  workspace?.remove();
});

async function complete(marked: string) {
  const { text, position } = withCursor(marked);
  const { uri } = workspace.write(text);
  await server.open(uri, text);
  return offers(await server.completion(uri, position));
}

describe('yaml-language-server completion', () => {
  for (const test of COMPLETION_CASES) {
    it(test.name, async () => {
      const found = await complete(test.yaml);
      const labels = found.map((o) => o.label);

      expect(labels).toEqual(expect.arrayContaining(test.offered));
      if (test.onlyKeys) {
        const keys = found.filter((o) => o.isKey).map((o) => o.label);
        expect(keys.sort()).toEqual([...test.onlyKeys].sort());
      }
      for (const [label, doc] of test.docs ?? []) {
        expect(doc, `the schema describes ${label}`).not.toBe('');
        expect(found.find((o) => o.label === label)?.doc, label).toBe(doc);
      }
    });
  }

  it('never reached for the network (the schema store is off)', () => {
    expect(server.triedNetwork, server.stderr).toBe(false);
  });
});

describe('accepting a completion', () => {
  for (const test of ACCEPT_CASES) {
    it(`\`${test.label}\` leaves a manifest the editor and quickback check accept`, async () => {
      const { text, position } = withCursor(test.marked);
      const first = workspace.write(text);
      await server.open(first.uri, text);
      const items = await server.completion(first.uri, position);
      const item = items.find((i) => i.label === test.label);
      expect(item, `offered: ${items.map((i) => i.label).join(', ')}`).toBeDefined();

      const accepted = acceptCompletion(text, position, item!);
      const result = workspace.write(accepted);
      const editor = await server.open(result.uri, accepted);
      const compiler = await quickbackCheck(result.path);

      expect(
        editor.map((d) => d.message),
        accepted,
      ).toEqual([]);
      expect(
        compiler.diagnostics.filter((d) => d.severity === 'error'),
        accepted,
      ).toEqual([]);
    });
  }
});
