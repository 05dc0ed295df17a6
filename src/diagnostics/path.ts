// How a place in the manifest is named in messages: `tables.jobs.firewall[0].field`.

import type { PathSegment } from '../load/source.ts';
import { NAME_LIMIT, shorten } from './text.ts';

/** Past this many characters, a path keeps its first two steps and as many last ones as fit. */
const LABEL_LIMIT = 120;

export function pathLabel(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the manifest';

  const steps = path.map((segment, i) => {
    if (typeof segment === 'number') return `[${segment}]`;
    const name = shorten(segment, NAME_LIMIT);
    return i === 0 ? name : `.${name}`;
  });

  const head = steps.slice(0, 2).join('');
  let tail = '';
  for (let i = steps.length - 1; i >= 2; i--) {
    const step = steps[i]!;
    if (head.length + 1 + tail.length + step.length > LABEL_LIMIT) {
      return `\`${head}…${tail}\``;
    }
    tail = step + tail;
  }
  return `\`${head}${tail}\``;
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
