// One call from a manifest to a running project: build with the CLI, swap in the hand-written
// entry with the test routes, start wrangler dev. Start one per test file (beforeAll) and stop
// it in afterAll; each start costs a few seconds of the machine's two cores.

import fs from 'node:fs';

import { AppClient } from './app-client.ts';
import { buildExample, buildManifest, type BuiltProject } from './build-example.ts';
import { startDevServer, type DevServer, type DevServerOptions } from './dev-server.ts';
import { useHandWrittenEntry } from './hand-written-entry.ts';

export interface RunningProject {
  project: BuiltProject;
  server: DevServer;
  client: AppClient;
  stop(): Promise<void>;
}

export interface StartOptions extends DevServerOptions {
  /** Mount the test routes (see test-routes.ts) with a hand-written entry; true by default. */
  testRoutes?: boolean;
  /** After swapping in the hand-written entry, build again (it must stay untouched). */
  rebuildAfterEntry?: boolean;
  /** Build this manifest instead of `manifests-examples/<name>/`. */
  manifest?: string;
}

export async function startExample(
  name: string,
  options: StartOptions = {},
): Promise<RunningProject> {
  const project = options.manifest
    ? await buildManifest(options.manifest, name)
    : await buildExample(name);
  if (options.testRoutes !== false) {
    await useHandWrittenEntry(project, { rebuild: options.rebuildAfterEntry === true });
  }

  const server = await startDevServer(project.dir, options);
  const stop = async () => {
    await server.stop();
    // Set QUICKBACK_KEEP_E2E=1 to keep the project and its local state for a post-mortem.
    if (process.env.QUICKBACK_KEEP_E2E !== '1') {
      fs.rmSync(project.dir, { recursive: true, force: true });
    }
  };
  return { project, server, client: new AppClient(server.url), stop };
}
