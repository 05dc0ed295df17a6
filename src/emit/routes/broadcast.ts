// Emits `src/routes/broadcast.ts`: the ws-ticket and websocket routes, as thin wiring around
// the runtime's createBroadcastRoutes with this manifest's session resolver and ticket rules.

import ts from 'typescript';

import {
  call,
  constStatement,
  generatedHeader,
  id,
  importNamed,
  literal,
  objectOf,
  printModule,
  withDoc,
} from '../ast/index.ts';
import { emitDiagnostic } from '../auth/report.ts';
import type { EmitContext, EmittedFile, Emitter } from '../types.ts';
import { resourceTicketConfig } from './broadcast-config.ts';

export const BROADCAST_ROUTES_FILE = 'src/routes/broadcast.ts';

const factory = ts.factory;

export const emitBroadcastRoutes: Emitter = (context: EmitContext): EmittedFile[] => {
  const { model } = context;
  const ticket = model.database.wsTicket;

  // A table's CRUD router would be written to this same file.
  if (model.tables.some((table) => table.name === 'broadcast')) {
    const reason = `its routes file would replace ${BROADCAST_ROUTES_FILE}, the realtime routes`;
    context.report(
      emitDiagnostic('QB029', { kind: 'table', name: 'broadcast', reason }, model.manifestPath),
    );
    return [];
  }

  const resource = ticket === null ? null : resourceTicketConfig(model, ticket);
  if (resource !== null && !resource.ok) {
    context.report(emitDiagnostic('QB051', { table: resource.scopeTable }, model.manifestPath));
    return [];
  }

  const config = objectOf([
    factory.createShorthandPropertyAssignment('resolveSession'),
    factory.createPropertyAssignment('resourceTicket', literal(resource && resource.config)),
  ]);
  const routes = constStatement('broadcast', call(id('createBroadcastRoutes'), [config]));
  const doc = 'POST /ws-ticket and GET /websocket; src/index.ts mounts this at /broadcast/v1.';

  const contents = printModule(generatedHeader(model.manifestPath, 'ts'), [
    importNamed(['resolveSession'], '../lib/auth'),
    importNamed(['createBroadcastRoutes'], '../lib/server/broadcast-routes'),
    withDoc(routes, doc),
    factory.createExportAssignment(undefined, false, id('broadcast')),
  ]);
  return [{ path: BROADCAST_ROUTES_FILE, contents, kind: 'ts', generated: true }];
};
