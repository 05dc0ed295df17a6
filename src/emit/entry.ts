// Emits the Worker's app and entry. `src/app.ts` (always generated) builds the Hono app:
// Better Auth's endpoints, the realtime routes and one CRUD router per table. `src/index.ts`
// imports it and exports the Broadcaster class the BROADCASTER binding runs.
//
// Teams often add routes of their own; once `src/index.ts` lacks the generated header it is
// theirs and is never touched, while `src/app.ts` keeps following the manifest. The one thing
// a hand-written entry must still do for realtime to work is export Broadcaster, so an entry
// without that export gets a warning naming the line.

import ts from 'typescript';

import type { ProjectModel } from '../model/types.ts';
import {
  access,
  call,
  exportConst,
  generatedHeader,
  hasGeneratedHeader,
  id,
  importNamed,
  NameAllocator,
  pascalCase,
  printModule,
  typeRef,
} from './ast/index.ts';
import { emitDiagnostic } from './auth/report.ts';
import { exportsBroadcaster } from './entry-exports.ts';
import type { EmitContext, EmittedFile, Emitter } from './types.ts';

export const ENTRY_FILE = 'src/index.ts';
export const APP_FILE = 'src/app.ts';
export const BROADCASTER_EXPORT_LINE = "export { Broadcaster } from './lib/realtime/broadcaster';";

const factory = ts.factory;

const str = (text: string) => factory.createStringLiteral(text);

/** `app.<method>(...args);` */
const appCall = (method: string, args: ts.Expression[]) =>
  factory.createExpressionStatement(call(access(['app', method]), args));

function defaultImport(local: string, from: string): ts.ImportDeclaration {
  const clause = factory.createImportClause(false, id(local), undefined);
  return factory.createImportDeclaration(undefined, clause, str(from));
}

/** Each table's router (emitted by the CRUD routes emitter) with a collision-free name. */
function tableRouters(model: ProjectModel): { local: string; table: string }[] {
  const names = new NameAllocator(['app', 'broadcast', 'authHandler', 'Hono', 'Broadcaster']);
  const sorted = [...model.tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  return sorted.map((table) => {
    const base = pascalCase(table.name);
    return {
      local: names.allocate(`${base[0]!.toLowerCase()}${base.slice(1)}Routes`),
      table: table.name,
    };
  });
}

/** `(c) => authHandler(c.req.raw, c.env)` */
function authRoute(): ts.Expression {
  const c = factory.createParameterDeclaration(undefined, undefined, 'c');
  const body = call(id('authHandler'), [access(['c', 'req', 'raw']), access(['c', 'env'])]);
  return factory.createArrowFunction(undefined, undefined, [c], undefined, undefined, body);
}

function appSource(model: ProjectModel): string {
  const betterAuth = model.auth.provider === 'better-auth';
  const routers = tableRouters(model);

  const imports = [
    importNamed(['Hono'], 'hono'),
    ...(betterAuth ? [importNamed(['authHandler'], './lib/auth')] : []),
    importNamed(['AppEnv'], './lib/server/session', true),
    defaultImport('broadcast', './routes/broadcast'),
    ...routers.map((router) => defaultImport(router.local, `./routes/${router.table}`)),
  ];

  const hono = factory.createNewExpression(id('Hono'), [typeRef('AppEnv')], []);
  const methods = factory.createArrayLiteralExpression([str('GET'), str('POST')]);
  const mounts = [
    ...(betterAuth ? [appCall('on', [methods, str('/api/auth/*'), authRoute()])] : []),
    appCall('route', [str('/broadcast/v1'), id('broadcast')]),
    ...routers.map((r) => appCall('route', [str(`/api/v1/${r.table}`), id(r.local)])),
  ];

  return printModule(generatedHeader(model.manifestPath, 'ts'), [
    ...imports,
    exportConst('app', hono),
    ...mounts,
  ]);
}

function entrySource(model: ProjectModel): string {
  const reexport = factory.createExportDeclaration(
    undefined,
    false,
    factory.createNamedExports([factory.createExportSpecifier(false, undefined, 'Broadcaster')]),
    str('./lib/realtime/broadcaster'),
  );
  return printModule(generatedHeader(model.manifestPath, 'ts'), [
    importNamed(['app'], './app'),
    reexport,
    factory.createExportAssignment(undefined, false, id('app')),
  ]);
}

export const emitEntry: Emitter = (context: EmitContext): EmittedFile[] => {
  const app: EmittedFile = {
    path: APP_FILE,
    contents: appSource(context.model),
    kind: 'ts',
    generated: true,
  };

  const existing = context.readExisting(ENTRY_FILE);
  if (existing !== null && !hasGeneratedHeader(existing)) {
    if (!exportsBroadcaster(existing)) {
      const params = { file: ENTRY_FILE, line: BROADCASTER_EXPORT_LINE };
      context.report(emitDiagnostic('QB050', params, ENTRY_FILE));
    }
    return [app];
  }

  const entry = entrySource(context.model);
  return [app, { path: ENTRY_FILE, contents: entry, kind: 'ts', generated: true }];
};
