import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  type Pair,
} from 'yaml';
import type { PathSegment, SourcePosition } from '../shared/issue.js';

function keyMatches(key: unknown, segment: PathSegment): boolean {
  return isScalar(key) ? String(key.value) === String(segment) : false;
}

/**
 * Where a JSON path points in a parsed YAML or JSON document: the start of the value, or of the
 * key when `atKey` (an unknown key), or of the nearest existing parent when the path runs past
 * what the document has (a missing field).
 */
export function sourcePositionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PathSegment[],
  atKey = false,
): SourcePosition | undefined {
  let node: Node | null | undefined =
    isMap(doc.contents) || isSeq(doc.contents) || isScalar(doc.contents) ? doc.contents : undefined;
  let offset = node?.range?.[0];
  for (let i = 0; i < path.length && node; i++) {
    const segment = path[i];
    if (segment === undefined) break;
    if (isMap(node)) {
      const pair: Pair<unknown, unknown> | undefined = node.items.find(
        (p) => isPair(p) && keyMatches(p.key, segment),
      );
      if (!pair) break;
      const last = i === path.length - 1;
      const key = isScalar(pair.key) ? pair.key : undefined;
      const value: Node | undefined =
        isMap(pair.value) || isSeq(pair.value) || isScalar(pair.value) ? pair.value : undefined;
      offset = (last && atKey ? key?.range?.[0] : (value?.range?.[0] ?? key?.range?.[0])) ?? offset;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      const value: Node | undefined =
        isMap(item) || isSeq(item) || isScalar(item) ? item : undefined;
      if (!value) break;
      offset = value.range?.[0] ?? offset;
      node = value;
    } else break;
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
