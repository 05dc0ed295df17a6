// Emits `src/lib/auth.ts`: how the generated routes learn who is calling. Whatever the
// provider, the file exports `resolveSession` (a SessionResolver); with Better Auth it also
// exports `authHandler` (mounted at /api/auth/*), `createAuth(env)` and the role list.

import ts from 'typescript';

import type { ProjectModel } from '../../model/types.ts';
import {
  call,
  exportConst,
  exportFunction,
  generatedHeader,
  id,
  importNamed,
  literal,
  objectOf,
  printModule,
  typeRef,
  withDoc,
} from '../ast/index.ts';
import type { EmitContext, EmittedFile, Emitter } from '../types.ts';
import { customModuleSpecifier } from './module-path.ts';
import { organizationRoles } from './roles.ts';

export const AUTH_FILE = 'src/lib/auth.ts';

const factory = ts.factory;

const resolverImport = () => importNamed(['SessionResolver'], './server/session', true);

function resolveSessionConst(initializer: ts.Expression): ts.Statement {
  const node = exportConst('resolveSession', initializer, typeRef('SessionResolver'));
  return withDoc(node, 'The caller of a request: user, active organization and roles, or null.');
}

function betterAuthModule(model: ProjectModel): ts.Statement[][] {
  const runtime = './server/better-auth';
  const imports = [
    importNamed(['betterAuthHandler', 'betterAuthSessionResolver', 'createBetterAuth'], runtime),
    importNamed(['BetterAuthSetup'], runtime, true),
    resolverImport(),
  ];

  const roles = factory.createAsExpression(
    literal(organizationRoles(model)),
    factory.createTypeReferenceNode('const'),
  );
  const setup = objectOf([
    factory.createPropertyAssignment('databaseBinding', literal(model.database.binding)),
    factory.createPropertyAssignment('roles', id('organizationRoles')),
  ]);

  const declarations = [
    withDoc(
      exportConst('organizationRoles', roles),
      'Roles members can be given: the organization plugin knows exactly these.',
    ),
    withDoc(
      exportConst('authSetup', setup, typeRef('BetterAuthSetup')),
      'Where the auth tables live and which roles exist.',
    ),
  ];

  const createAuth = exportFunction(
    'createAuth',
    [{ name: 'env', type: typeRef('object') }],
    [factory.createReturnStatement(call(id('createBetterAuth'), [id('env'), id('authSetup')]))],
  );
  const handler = exportConst('authHandler', call(id('betterAuthHandler'), [id('authSetup')]));

  const exports = [
    withDoc(createAuth, "A Better Auth instance for this request's env, for `auth.api` calls."),
    withDoc(handler, "Better Auth's own endpoints; the entry mounts them at /api/auth/*."),
    resolveSessionConst(call(id('betterAuthSessionResolver'), [id('authSetup')])),
  ];

  return [imports, declarations, exports];
}

function customModule(module: string, exportName: string): ts.Statement[][] {
  const local = 'customSession';
  const clause =
    exportName === 'default'
      ? factory.createImportClause(false, id(local), undefined)
      : factory.createImportClause(
          false,
          undefined,
          factory.createNamedImports([
            factory.createImportSpecifier(false, id(exportName), id(local)),
          ]),
        );
  const specifier = customModuleSpecifier(module);
  const userImport = factory.createImportDeclaration(
    undefined,
    clause,
    factory.createStringLiteral(specifier),
  );

  const imports = [
    userImport,
    importNamed(['customSessionResolver'], './server/custom-auth'),
    resolverImport(),
  ];
  const name = `${exportName} of ${module}`;
  const resolver = call(id('customSessionResolver'), [
    id(local),
    factory.createStringLiteral(name),
  ]);
  return [imports, [resolveSessionConst(resolver)]];
}

export const emitAuth: Emitter = (context: EmitContext): EmittedFile[] => {
  const { model } = context;
  const groups =
    model.auth.provider === 'custom'
      ? customModule(model.auth.module, model.auth.export)
      : betterAuthModule(model);

  const contents = printModule(generatedHeader(model.manifestPath, 'ts'), groups.flat());
  return [{ path: AUTH_FILE, contents, kind: 'ts', generated: true }];
};
