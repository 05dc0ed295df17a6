// Prints syntax trees to source text. The printer puts no blank lines between statements;
// we add one between declarations (imports stay together), and prettier keeps them.

import ts from 'typescript';

const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed, removeComments: false });

const scratch = ts.createSourceFile('emit.ts', '', ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);

export function printNode(node: ts.Node): string {
  return printer.printNode(ts.EmitHint.Unspecified, node, scratch);
}

/** A whole module: the header line (if any), then the statements. */
export function printModule(header: string | null, statements: readonly ts.Statement[]): string {
  const parts: string[] = header === null ? [] : [header, ''];
  statements.forEach((statement, index) => {
    const previous = statements[index - 1];
    const bothImports =
      previous !== undefined &&
      ts.isImportDeclaration(previous) &&
      ts.isImportDeclaration(statement);
    if (index > 0 && !bothImports) parts.push('');
    parts.push(printNode(statement));
  });
  return `${parts.join('\n')}\n`;
}
