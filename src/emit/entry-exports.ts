// Reads a hand-written Worker entry just far enough to tell whether it exports `Broadcaster`.
// Parsing (rather than a regular expression) keeps comments and strings from fooling the check.

import ts from 'typescript';

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

function exportsName(statement: ts.Statement, name: string): boolean {
  if (ts.isExportDeclaration(statement)) {
    const clause = statement.exportClause;
    // `export * from './lib/realtime/broadcaster'` re-exports it as well.
    if (clause === undefined)
      return /broadcaster['"]$/.test(statement.moduleSpecifier?.getText() ?? '');
    if (ts.isNamedExports(clause)) return clause.elements.some((el) => el.name.text === name);
    return false;
  }

  if (!hasExport(statement)) return false;
  if (ts.isClassDeclaration(statement)) return statement.name?.text === name;
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.some(
      (declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name,
    );
  }
  return false;
}

export function exportsBroadcaster(source: string): boolean {
  const file = ts.createSourceFile('index.ts', source, ts.ScriptTarget.ES2022, true);
  return file.statements.some((statement) => exportsName(statement, 'Broadcaster'));
}
