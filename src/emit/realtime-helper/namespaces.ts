// Namespaces: a payload map per namespace, and an object with one method per event that
// publishes `"<namespace>:<event>"`.

import ts from 'typescript';

import type { EventModel, PayloadFieldType } from '../../model/types.ts';
import {
  access,
  call,
  exportInterface,
  id,
  indexed,
  keyword,
  literalType,
  objectOf,
  returningMethod,
  typeLiteral,
  typeRef,
  withDoc,
} from '../ast/index.ts';
import type { HelperNamespace } from './names.ts';

const factory = ts.factory;

const anyRecord = () => typeRef('Record', keyword(ts.SyntaxKind.StringKeyword), unknownType());
const unknownType = () => keyword(ts.SyntaxKind.UnknownKeyword);

function payloadFieldType(type: PayloadFieldType): ts.TypeNode {
  switch (type) {
    case 'string':
      return keyword(ts.SyntaxKind.StringKeyword);
    case 'number':
      return keyword(ts.SyntaxKind.NumberKeyword);
    case 'boolean':
      return keyword(ts.SyntaxKind.BooleanKeyword);
    case 'object':
      return anyRecord();
    case 'array':
      return factory.createArrayTypeNode(unknownType());
    case 'unknown':
      return unknownType();
  }
}

function payloadType(event: EventModel): ts.TypeNode {
  if (event.payload === null) return anyRecord();
  const fields = Object.keys(event.payload).sort();
  return typeLiteral(
    fields.map((name) => ({ name, type: payloadFieldType(event.payload![name]!) })),
  );
}

export function eventsInterface({ namespace, eventsType }: HelperNamespace): ts.Statement {
  const members = namespace.events.map((event) => ({ name: event.name, type: payloadType(event) }));
  const described = namespace.description?.trim().replace(/\.$/, '');
  const summary = described || `Events of the \`${namespace.name}\` namespace`;
  return withDoc(exportInterface(eventsType, members), `${summary}: the payload of each.`);
}

/** `screening: { started(payload, target, options?) { return core.publishNamespace(...) } }` */
export function namespaceProperty({
  namespace,
  eventsType,
}: HelperNamespace): ts.PropertyAssignment {
  const methods = namespace.events.map((event) =>
    returningMethod(
      event.name,
      [
        { name: 'payload', type: indexed(typeRef(eventsType), literalType(event.name)) },
        { name: 'target', type: typeRef('Target') },
        { name: 'options', type: typeRef('BroadcastOptions'), optional: true },
      ],
      call(access(['core', 'publishNamespace']), [
        factory.createStringLiteral(namespace.name),
        factory.createStringLiteral(event.name),
        id('payload'),
        id('target'),
        id('options'),
      ]),
    ),
  );
  return factory.createPropertyAssignment(namespace.name, objectOf(methods));
}
