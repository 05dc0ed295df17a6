// What the loaders hand to the later stages: the plain value of the document and a way to
// find where any part of it was written.

import type { SourceRange } from '../diagnostics/types.ts';

/** A step into the document: an object key or an array index. */
export type PathSegment = string | number;

/** `key` is where a mapping key was written; `value` is where its value was written. */
export type RangePart = 'key' | 'value';

export interface SourceDocument {
  /** The file as named in diagnostics. */
  file: string;
  /** Absolute path of the file. */
  absolutePath: string;
  language: 'YAML' | 'JSON';
  text: string;
  /** The document as plain JSON-like data. */
  value: unknown;
  /**
   * The range of the node at `path`. When the path does not exist, the nearest existing
   * ancestor's range; when a value is empty, its key's range.
   */
  rangeOf(path: readonly PathSegment[], part: RangePart): SourceRange;
}
