// Hover in a YAML manifest: a real yaml-language-server shows the schema's description of
// the key (or enum value) under the cursor.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HOVER_CASES } from './support/hover-cases.ts';
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

describe('yaml-language-server hover', () => {
  for (const test of HOVER_CASES) {
    it(`shows the description of ${test.name}`, async () => {
      const { text, position } = withCursor(test.marked);
      const { uri } = workspace.write(text);
      expect(await server.open(uri, text)).toEqual([]);

      const hover = await server.hover(uri, position);
      const contents = hover?.contents;
      const shown = typeof contents === 'object' && 'value' in contents! ? contents.value : '';

      expect(test.shows).not.toMatch(/^(undefined)?$/);
      expect(shown).toContain(test.shows);
    });
  }
});
