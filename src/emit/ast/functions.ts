// Constructors for functions, methods, parameters and calls.

import ts from 'typescript';

import { typeParameters, type TypeParameterSpec } from './declarations.ts';
import { propertyName } from './names.ts';

const factory = ts.factory;

export interface ParameterSpec {
  name: string;
  type: ts.TypeNode;
  optional?: boolean;
}

export function parameter(spec: ParameterSpec): ts.ParameterDeclaration {
  return factory.createParameterDeclaration(
    undefined,
    undefined,
    spec.name,
    spec.optional ? factory.createToken(ts.SyntaxKind.QuestionToken) : undefined,
    spec.type,
  );
}

/** `a.b.c` from `['a', 'b', 'c']`. */
export function access(path: string[]): ts.Expression {
  const [first, ...rest] = path;
  if (first === undefined) throw new Error('access() needs at least one name');
  return rest.reduce<ts.Expression>(
    (target, name) => factory.createPropertyAccessExpression(target, name),
    factory.createIdentifier(first),
  );
}

export function call(callee: ts.Expression, args: ts.Expression[]): ts.CallExpression {
  return factory.createCallExpression(callee, undefined, args);
}

export function id(name: string): ts.Identifier {
  return factory.createIdentifier(name);
}

/** `name<T>(params) { return body; }` as an object literal member. */
export function returningMethod(
  name: string,
  params: ParameterSpec[],
  body: ts.Expression,
  typeParams?: TypeParameterSpec[],
): ts.MethodDeclaration {
  return factory.createMethodDeclaration(
    undefined,
    undefined,
    propertyName(name),
    undefined,
    typeParameters(typeParams),
    params.map(parameter),
    undefined,
    factory.createBlock([factory.createReturnStatement(body)], true),
  );
}

/** `export function name(params) { ...statements }` */
export function exportFunction(
  name: string,
  params: ParameterSpec[],
  statements: ts.Statement[],
): ts.FunctionDeclaration {
  return factory.createFunctionDeclaration(
    [factory.createModifier(ts.SyntaxKind.ExportKeyword)],
    undefined,
    name,
    undefined,
    params.map(parameter),
    undefined,
    factory.createBlock(statements, true),
  );
}

export function constStatement(name: string, initializer: ts.Expression): ts.VariableStatement {
  const declaration = factory.createVariableDeclaration(name, undefined, undefined, initializer);
  return factory.createVariableStatement(
    undefined,
    factory.createVariableDeclarationList([declaration], ts.NodeFlags.Const),
  );
}

export function objectOf(members: ts.ObjectLiteralElementLike[]): ts.ObjectLiteralExpression {
  return factory.createObjectLiteralExpression(members, true);
}
