// How a place in the manifest is named in messages: `tables.jobs.firewall[0].field`.

import type { PathSegment } from '../load/source.ts';

export function pathLabel(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the manifest';

  let label = '';
  for (const segment of path) {
    if (typeof segment === 'number') label += `[${segment}]`;
    else label += label === '' ? segment : `.${segment}`;
  }

  return `\`${label}\``;
}

/** Splits an ajv instance path (a JSON pointer) into segments; digits become indexes. */
export function parsePointer(pointer: string, value: unknown): PathSegment[] {
  if (pointer === '') return [];

  const segments: PathSegment[] = [];
  let node: unknown = value;

  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(node) ? Number(key) : key;
    segments.push(segment);
    node = node !== null && typeof node === 'object' ? Reflect.get(node, segment) : undefined;
  }

  return segments;
}
