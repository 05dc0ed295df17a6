// Helpers around `ts.factory` shared by every emitter that prints TypeScript.

export { GENERATED_MARK, generatedHeader, hasGeneratedHeader } from './header.ts';
export { NameAllocator, isIdentifierName, pascalCase, propertyName } from './names.ts';
export { literal, type LiteralValue } from './literal.ts';
export { printModule, printNode } from './print.ts';
export {
  exportConst,
  exportInterface,
  exportType,
  importNamed,
  typeParameters,
  type TypeParameterSpec,
} from './declarations.ts';
export {
  indexed,
  keyOf,
  keyword,
  literalType,
  nullType,
  propertySignature,
  readonlyArray,
  stringUnion,
  typeLiteral,
  typeRef,
  union,
  withDoc,
  type MemberSpec,
} from './types.ts';
export {
  access,
  call,
  constStatement,
  exportFunction,
  id,
  objectOf,
  parameter,
  returningMethod,
  type ParameterSpec,
} from './functions.ts';
