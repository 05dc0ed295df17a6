// What an editor does when the user accepts a completion item: expand the snippet with its
// placeholder defaults, indent continuation lines like the line the cursor is on (VS Code's
// default "adjust indentation" mode), and splice the result into the document.

import type { CompletionItem, Position } from 'vscode-languageserver-protocol/node';

/** `${1:text}` -> `text`, `$1` and `${1}` -> nothing, `\$` -> `$`. */
export function expandSnippet(snippet: string): string {
  let text = snippet;
  // Nested placeholders expand from the inside out; a snippet nests only a few levels.
  for (let depth = 0; depth < 5 && /\$\{\d+:[^{}]*\}/.test(text); depth += 1) {
    text = text.replace(/\$\{\d+:([^{}]*)\}/g, '$1');
  }
  return text.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\\$/g, '$');
}

export function acceptCompletion(text: string, position: Position, item: CompletionItem): string {
  const lines = text.split('\n');
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : null;
  const start = edit ? edit.range.start : position;
  const end = edit ? edit.range.end : position;
  const raw = edit ? edit.newText : (item.insertText ?? item.label);
  const inserted = item.insertTextFormat === 2 ? expandSnippet(raw) : raw;

  const indent = /^\s*/.exec(lines[start.line] ?? '')![0];
  const adjusted = inserted.split('\n').join(`\n${indent}`);

  const offset = (p: Position) =>
    lines.slice(0, p.line).reduce((sum, line) => sum + line.length + 1, 0) + p.character;
  return text.slice(0, offset(start)) + adjusted + text.slice(offset(end));
}
