// Emits the optional typed browser client (`output.client: true`): the generic client copied
// from the runtime, and `src/client/realtime-client.ts`, which binds it to this manifest's
// record and event types.

import fs from 'node:fs';

import ts from 'typescript';

import type { ProjectModel } from '../../model/types.ts';
import {
  exportInterface,
  generatedHeader,
  importNamed,
  indexed,
  literalType,
  printModule,
  typeRef,
  withDoc,
} from '../ast/index.ts';
import { planHelper, type HelperNamespace } from '../realtime-helper/names.ts';
import { RUNTIME_DIR } from '../runtime-copy.ts';
import type { EmitContext, EmittedFile, Emitter } from '../types.ts';

export const CLIENT_PATH = 'src/client/realtime-client.ts';
const CORE_NAME = 'realtime-client-core.ts';
const CORE_PATH = `src/client/${CORE_NAME}`;

const factory = ts.factory;

/** One `'<namespace>:<event>': ScreeningEvents['started']` member per namespace event. */
function broadcastEvents(namespaces: HelperNamespace[]): ts.Statement {
  const members = namespaces.flatMap(({ namespace, eventsType }) =>
    namespace.events.map((event) => ({
      name: `${namespace.name}:${event.name}`,
      type: indexed(typeRef(eventsType), literalType(event.name)),
    })),
  );
  const declaration = exportInterface('BroadcastEvents', members);
  return withDoc(declaration, 'Namespace events as clients receive them: `"<namespace>:<event>"`.');
}

/** `export function createRealtimeClient(options) { return new RealtimeClient<...>(options); }` */
function factoryFunction(): ts.Statement {
  const clientType = typeRef('RealtimeClient', typeRef('SentRecords'), typeRef('BroadcastEvents'));
  const options = factory.createParameterDeclaration(
    undefined,
    undefined,
    'options',
    undefined,
    typeRef('RealtimeClientOptions'),
  );
  const body = factory.createBlock(
    [
      factory.createReturnStatement(
        factory.createNewExpression(
          factory.createIdentifier('RealtimeClient'),
          [typeRef('SentRecords'), typeRef('BroadcastEvents')],
          [factory.createIdentifier('options')],
        ),
      ),
    ],
    true,
  );
  const declaration = factory.createFunctionDeclaration(
    [factory.createModifier(ts.SyntaxKind.ExportKeyword)],
    undefined,
    'createRealtimeClient',
    undefined,
    [options],
    clientType,
    body,
  );
  return withDoc(
    declaration,
    "A browser client typed with this project's tables and namespace events.",
  );
}

function typedClient(model: ProjectModel): string {
  const plan = planHelper(model);
  const eventTypes = plan.namespaces.map(({ eventsType }) => eventsType);
  return printModule(generatedHeader(model.manifestPath, 'ts'), [
    importNamed(['RealtimeClient'], './realtime-client-core'),
    importNamed(['RealtimeClientOptions'], './realtime-client-core', true),
    importNamed(['SentRecords', ...eventTypes], '../lib/realtime', true),
    broadcastEvents(plan.namespaces),
    factoryFunction(),
  ]);
}

export const emitClient: Emitter = (context: EmitContext): EmittedFile[] => {
  const { model } = context;
  if (!model.output.client) return [];

  const header = generatedHeader(model.manifestPath, 'ts');
  const core = fs.readFileSync(`${RUNTIME_DIR}client/${CORE_NAME}`, 'utf8');
  return [
    {
      path: CORE_PATH,
      contents: `${header}\n\n${core}`,
      kind: 'ts',
      generated: true,
      preformatted: true,
    },
    { path: CLIENT_PATH, contents: typedClient(model), kind: 'ts', generated: true },
  ];
};
