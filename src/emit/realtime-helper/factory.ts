// `createRealtime(env)`: wraps the untyped runtime core with the manifest's types. The type
// parameters limit each method to the tables that publish that kind of change, so calling
// `update` on a table whose `onUpdate` is false does not compile.

import ts from 'typescript';

import {
  access,
  call,
  constStatement,
  exportFunction,
  exportInterface,
  exportType,
  id,
  indexed,
  keyword,
  objectOf,
  returningMethod,
  typeRef,
  withDoc,
  type ParameterSpec,
} from '../ast/index.ts';
import type { HelperNamespace } from './names.ts';
import { namespaceProperty } from './namespaces.ts';

const factory = ts.factory;

const target: ParameterSpec = { name: 'target', type: typeRef('Target') };

const tableOptions: ParameterSpec = {
  name: 'options',
  type: typeRef('TableOptions', typeRef('T')),
  optional: true,
};

/** `core.<method>(...names)` */
const forward = (method: string, names: string[]) => call(access(['core', method]), names.map(id));

/**
 * `TableOptions<T>` narrows the runtime's `PublishOptions`, but while `T` is generic TypeScript
 * compares the optional members of `MaskingConfig<T>` with the runtime's index signature as
 * `MaskRule | undefined` and refuses; hence the `as`. Callers still get the narrow type; only
 * this hand-over to the untyped core widens it.
 */
function tableMethod(method: string, allowed: string, params: ParameterSpec[]) {
  const all = [{ name: 'table', type: typeRef('T') }, ...params, target, tableOptions];
  const widened = factory.createAsExpression(
    id('options'),
    factory.createUnionTypeNode([
      typeRef('PublishOptions'),
      keyword(ts.SyntaxKind.UndefinedKeyword),
    ]),
  );
  const args = [...all.slice(0, -1).map((param) => id(param.name)), widened];
  const body = call(access(['core', method]), args);
  return returningMethod(method, all, body, [{ name: 'T', constraint: typeRef(allowed) }]);
}

const sent = () => indexed(typeRef('SentRecords'), typeRef('T'));

/** An update carries the key plus any sent fields: `Partial<SentRecords[T]> & TableKeys[T]`. */
const changed = () =>
  factory.createIntersectionTypeNode([
    typeRef('Partial', sent()),
    indexed(typeRef('TableKeys'), typeRef('T')),
  ]);

function helperMethods(namespaces: HelperNamespace[]): ts.ObjectLiteralElementLike[] {
  return [
    tableMethod('insert', 'InsertTable', [{ name: 'record', type: sent() }]),
    tableMethod('update', 'UpdateTable', [
      { name: 'newRecord', type: changed() },
      { name: 'oldRecord', type: changed() },
    ]),
    tableMethod('delete', 'DeleteTable', [
      { name: 'key', type: indexed(typeRef('TableKeys'), typeRef('T')) },
    ]),
    returningMethod(
      'broadcast',
      [
        { name: 'event', type: keyword(ts.SyntaxKind.StringKeyword) },
        { name: 'payload', type: keyword(ts.SyntaxKind.UnknownKeyword) },
        target,
        { name: 'options', type: typeRef('BroadcastOptions'), optional: true },
      ],
      forward('broadcast', ['event', 'payload', 'target', 'options']),
    ),
    factory.createPropertyAssignment('disconnect', access(['core', 'disconnect'])),
    ...namespaces.map(namespaceProperty),
  ];
}

export function realtimeEnv(): ts.Statement {
  const node = exportInterface('RealtimeEnv', [
    { name: 'BROADCASTER', type: typeRef('DurableObjectNamespace') },
  ]);
  return withDoc(node, 'The bindings the helper needs from the Worker env.');
}

function createRealtime(namespaces: HelperNamespace[]): ts.Statement {
  const core = constStatement(
    'core',
    call(id('createRealtimeCore'), [id('env'), id('tableConfigs'), id('options')]),
  );
  const result = factory.createReturnStatement(objectOf(helperMethods(namespaces)));
  const options = factory.createTypeLiteralNode([
    factory.createPropertySignature(
      undefined,
      'logger',
      factory.createToken(ts.SyntaxKind.QuestionToken),
      typeRef('RealtimeLogger'),
    ),
  ]);
  const params: ParameterSpec[] = [
    { name: 'env', type: typeRef('RealtimeEnv') },
    { name: 'options', type: options, optional: true },
  ];
  const node = exportFunction('createRealtime', params, [core, result]);
  return withDoc(
    node,
    'Typed realtime helper: call it after a write commits. Delivery problems come back as\n' +
      '`{ ok: false }` results and go to `options.logger` (console by default); they never\n' +
      'reject into the write path.',
  );
}

function realtimeType(): ts.Statement {
  const type = typeRef(
    'ReturnType',
    factory.createTypeQueryNode(factory.createIdentifier('createRealtime')),
  );
  return exportType('Realtime', type);
}

export function factoryStatements(namespaces: HelperNamespace[]): ts.Statement[] {
  return [createRealtime(namespaces), realtimeType()];
}
