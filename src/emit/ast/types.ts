// Small constructors for type nodes, so emitters read as the types they build.

import ts from 'typescript';

import { propertyName } from './names.ts';

const factory = ts.factory;

export function typeRef(name: string, ...args: ts.TypeNode[]): ts.TypeReferenceNode {
  return factory.createTypeReferenceNode(name, args.length > 0 ? args : undefined);
}

export function keyword(
  kind:
    | ts.SyntaxKind.StringKeyword
    | ts.SyntaxKind.NumberKeyword
    | ts.SyntaxKind.BooleanKeyword
    | ts.SyntaxKind.UnknownKeyword
    | ts.SyntaxKind.UndefinedKeyword
    | ts.SyntaxKind.NeverKeyword,
): ts.KeywordTypeNode {
  return factory.createKeywordTypeNode(kind);
}

export function literalType(value: string): ts.LiteralTypeNode {
  return factory.createLiteralTypeNode(factory.createStringLiteral(value));
}

export function nullType(): ts.LiteralTypeNode {
  return factory.createLiteralTypeNode(factory.createNull());
}

/** `'a' | 'b'`; `never` for an empty list, so an empty set of names admits nothing. */
export function stringUnion(values: readonly string[]): ts.TypeNode {
  if (values.length === 0) return keyword(ts.SyntaxKind.NeverKeyword);
  if (values.length === 1) return literalType(values[0]!);
  return factory.createUnionTypeNode(values.map(literalType));
}

export function union(types: ts.TypeNode[]): ts.TypeNode {
  return types.length === 1 ? types[0]! : factory.createUnionTypeNode(types);
}

export interface MemberSpec {
  name: string;
  type: ts.TypeNode;
  optional?: boolean;
  doc?: string;
}

export function propertySignature(member: MemberSpec): ts.PropertySignature {
  const node = factory.createPropertySignature(
    undefined,
    propertyName(member.name),
    member.optional ? factory.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    member.type,
  );
  return member.doc === undefined ? node : withDoc(node, member.doc);
}

/** An inline object type `{ a: string; b?: number }`. */
export function typeLiteral(members: MemberSpec[]): ts.TypeLiteralNode {
  return factory.createTypeLiteralNode(members.map(propertySignature));
}

/** `A[B]` */
export function indexed(objectType: ts.TypeNode, indexType: ts.TypeNode): ts.IndexedAccessTypeNode {
  return factory.createIndexedAccessTypeNode(objectType, indexType);
}

/** `keyof T` */
export function keyOf(type: ts.TypeNode): ts.TypeOperatorNode {
  return factory.createTypeOperatorNode(ts.SyntaxKind.KeyOfKeyword, type);
}

/** `readonly T[]` */
export function readonlyArray(element: ts.TypeNode): ts.TypeOperatorNode {
  return factory.createTypeOperatorNode(
    ts.SyntaxKind.ReadonlyKeyword,
    factory.createArrayTypeNode(element),
  );
}

/** Attaches a `/** ... *\/` comment; the printer emits it above the node. */
export function withDoc<T extends ts.Node>(node: T, text: string): T {
  // A manifest description could hold `*/`, which would end the comment early.
  const body = text
    .replaceAll('*/', '*\\/')
    .split('\n')
    .map((line) => ` * ${line}`.trimEnd())
    .join('\n');
  return ts.addSyntheticLeadingComment(
    node,
    ts.SyntaxKind.MultiLineCommentTrivia,
    `*\n${body}\n `,
    true,
  );
}
