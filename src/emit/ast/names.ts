// Naming helpers: turning manifest names into TypeScript identifiers and property names.

import ts from 'typescript';

const factory = ts.factory;

/** The token `name` scans to, or null when it is not one whole identifier-like token. */
function wordToken(name: string): ts.SyntaxKind | null {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, name);
  const token = scanner.scan();
  if (scanner.getTokenEnd() !== name.length) return null;
  const isWord =
    token === ts.SyntaxKind.Identifier ||
    (token >= ts.SyntaxKind.FirstKeyword && token <= ts.SyntaxKind.LastKeyword);
  return isWord ? token : null;
}

/** True when `name` can be a variable name: an identifier that no mode reserves. */
export function isIdentifierName(name: string): boolean {
  const token = wordToken(name);
  if (token === null) return false;
  const reserved =
    token <= ts.SyntaxKind.LastReservedWord ||
    (token >= ts.SyntaxKind.FirstFutureReservedWord &&
      token <= ts.SyntaxKind.LastFutureReservedWord);
  return !reserved;
}

/**
 * A property name for an object literal or type member: a bare identifier when possible,
 * a string literal otherwise (`'interview-reminder'`). Reserved words are fine as property
 * names, so only the identifier-text test applies here.
 */
export function propertyName(name: string): ts.PropertyName {
  return wordToken(name) !== null
    ? factory.createIdentifier(name)
    : factory.createStringLiteral(name);
}

/** `hiring_stages` -> `HiringStages`, `event-log` -> `EventLog`. */
export function pascalCase(name: string): string {
  const joined = name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  // `_` alone has no letters; a leading digit would not make an identifier.
  return /^[A-Za-z]/.test(joined) ? joined : `T${joined}`;
}

/**
 * Hands out type names that never collide: a name already taken (by a fixed name of the
 * generated file or an earlier table) gets a numeric suffix. Callers ask in sorted order, so
 * the result is deterministic.
 */
export class NameAllocator {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  allocate(wanted: string): string {
    let candidate = wanted;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${wanted}${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}
