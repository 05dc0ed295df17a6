// The e2e harness: build a manifest with the real CLI, run the output under `wrangler dev`
// with local D1, and talk to it as browsers and scripts do. See README.md in this folder.

export { AppClient, type JsonReply, type TestUser } from './app-client.ts';
export { buildExample, buildManifest, writeFiles, type BuiltProject } from './build-example.ts';
export { craftTicket, readTicket, type TicketClaims } from './craft-ticket.ts';
export {
  applyMigrations,
  randomSecret,
  startDevServer,
  writeDevVars,
  type DevServer,
  type DevServerOptions,
} from './dev-server.ts';
export { startExample, type RunningProject, type StartOptions } from './example-app.ts';
export { HAND_WRITTEN_MARK, useHandWrittenEntry } from './hand-written-entry.ts';
export { E2E_ROOT, REPO_ROOT, freshProjectDir } from './paths.ts';
export { connect, openSocket, TestSocket, type Connection, type Predicate } from './ws-client.ts';
