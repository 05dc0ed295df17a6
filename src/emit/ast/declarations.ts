// Constructors for top-level declarations: imports, exported interfaces, aliases and consts.

import ts from 'typescript';

import { propertySignature, type MemberSpec } from './types.ts';

const factory = ts.factory;

const exportModifier = () => [factory.createModifier(ts.SyntaxKind.ExportKeyword)];

/** `import { a, b } from 'x';` or `import type { ... }` when typeOnly. */
export function importNamed(names: string[], from: string, typeOnly = false): ts.ImportDeclaration {
  const specifiers = [...names]
    .sort()
    .map((name) => factory.createImportSpecifier(false, undefined, factory.createIdentifier(name)));
  const clause = factory.createImportClause(
    typeOnly,
    undefined,
    factory.createNamedImports(specifiers),
  );
  return factory.createImportDeclaration(undefined, clause, factory.createStringLiteral(from));
}

export interface TypeParameterSpec {
  name: string;
  constraint?: ts.TypeNode;
}

export function typeParameters(
  specs: TypeParameterSpec[] | undefined,
): ts.TypeParameterDeclaration[] | undefined {
  return specs?.map((spec) =>
    factory.createTypeParameterDeclaration(undefined, spec.name, spec.constraint),
  );
}

export function exportInterface(
  name: string,
  members: MemberSpec[],
  params?: TypeParameterSpec[],
): ts.InterfaceDeclaration {
  return factory.createInterfaceDeclaration(
    exportModifier(),
    name,
    typeParameters(params),
    undefined,
    members.map(propertySignature),
  );
}

export function exportType(
  name: string,
  type: ts.TypeNode,
  params?: TypeParameterSpec[],
): ts.TypeAliasDeclaration {
  return factory.createTypeAliasDeclaration(exportModifier(), name, typeParameters(params), type);
}

export function exportConst(
  name: string,
  initializer: ts.Expression,
  type?: ts.TypeNode,
): ts.VariableStatement {
  const declaration = factory.createVariableDeclaration(name, undefined, type, initializer);
  return factory.createVariableStatement(
    exportModifier(),
    factory.createVariableDeclarationList([declaration], ts.NodeFlags.Const),
  );
}
