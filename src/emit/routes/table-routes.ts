// Emits `src/routes/<table>.ts` for every table: the table's CRUD config handed to the
// runtime's createCrudRouter with the project's session resolver. The Worker entry mounts the
// default export at `/api/v1/<table>`.

import ts from 'typescript';

import type { ProjectModel, TableModel } from '../../model/types.ts';
import {
  call,
  generatedHeader,
  id,
  importNamed,
  printModule,
  typeRef,
  withDoc,
} from '../ast/index.ts';
import type { EmitContext, EmittedFile, Emitter } from '../types.ts';
import { crudConfigExpression } from './table-routes-config.ts';

const factory = ts.factory;

export const tableRoutesPath = (table: TableModel) => `src/routes/${table.name}.ts`;

function configStatement(model: ProjectModel, table: TableModel): ts.Statement {
  const declaration = factory.createVariableDeclaration(
    'config',
    undefined,
    typeRef('CrudTableConfig'),
    crudConfigExpression(model, table),
  );
  const statement = factory.createVariableStatement(
    undefined,
    factory.createVariableDeclarationList([declaration], ts.NodeFlags.Const),
  );
  return withDoc(statement, `How the \`${table.name}\` routes read, check and store rows.`);
}

export function tableRoutesSource(model: ProjectModel, table: TableModel): string {
  const imports = [
    ...(table.realtime.enabled ? [importNamed(['tableConfigs'], '../lib/realtime')] : []),
    importNamed(['resolveSession'], '../lib/auth'),
    importNamed(['createCrudRouter'], '../lib/server/crud/router'),
    importNamed(['CrudTableConfig'], '../lib/server/crud/config', true),
  ];
  const router = call(id('createCrudRouter'), [id('config'), id('resolveSession')]);
  const doc =
    `${routeList(table)} for \`${table.name}\`;\n` +
    `src/index.ts mounts this at /api/v1/${table.name}.`;

  return printModule(generatedHeader(model.manifestPath, 'ts'), [
    ...imports,
    configStatement(model, table),
    withDoc(factory.createExportAssignment(undefined, false, router), doc),
  ]);
}

/** `List, get, create and update`: the routes the manifest turned on. */
function routeList(table: TableModel): string {
  const { crud } = table;
  const names = ['List', 'get'];
  if (crud.create) names.push('create');
  if (crud.update) names.push('update');
  if (crud.delete) names.push('delete');
  if (crud.batch) names.push('batch');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const emitTableRoutes: Emitter = (context: EmitContext): EmittedFile[] => {
  const { model } = context;
  return [...model.tables]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((table) => ({
      path: tableRoutesPath(table),
      contents: tableRoutesSource(model, table),
      kind: 'ts',
      generated: true,
    }));
};
