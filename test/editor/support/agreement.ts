// Comparing editor problems with compiler diagnostics, line by line.

interface EditorProblem {
  range: { start: { line: number } };
  message: string | { value: string };
}

/** Editor problems grouped by the file's own 0-based line (`shift` lines were prepended). */
export function problemsByLine(problems: EditorProblem[], shift = 0): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const problem of problems) {
    const line = problem.range.start.line - shift;
    const message = typeof problem.message === 'string' ? problem.message : problem.message.value;
    byLine.set(line, [...(byLine.get(line) ?? []), message]);
  }
  return byLine;
}

/** Editor problems on lines where the compiler reports nothing, as `line: messages`. */
export function unmatched(editor: Map<number, string[]>, compiler: Set<number>): string[] {
  return [...editor]
    .filter(([line]) => !compiler.has(line))
    .map(([line, messages]) => `${line + 1}: ${messages.join('; ')}`);
}
