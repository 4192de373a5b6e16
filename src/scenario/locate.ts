// Where a path of the scenario sits in the YAML text. Errors point at the value when it exists,
// at the key when the key itself is wrong (an unknown key), and at the enclosing mapping when a
// required key is missing.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { PathSegments } from './errors.js';

export interface Position {
  line: number;
  column: number;
}

export interface Locator {
  /** Position of the value at `path`, or of the deepest ancestor that exists. */
  value(path: PathSegments): Position;
  /** Position of the key of the last segment (for a list item: the item itself). */
  key(path: PathSegments): Position;
}

interface Found {
  node: Node | null;
  keyNode: Node | null;
}

export function createLocator(doc: Document, lineCounter: LineCounter): Locator {
  const toPosition = (node: Node | null): Position => {
    const offset = node?.range?.[0];
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const walk = (path: PathSegments): Found => {
    let node = doc.contents as Node | null;
    let keyNode: Node | null = null;
    for (const segment of path) {
      if (node !== null && isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? node;
      const next = child(node, segment);
      if (next === undefined) return { node, keyNode };
      node = next.value ?? next.key;
      keyNode = next.key;
    }
    return { node, keyNode };
  };

  return {
    value: (path) => toPosition(walk(path).node),
    key: (path) => {
      const found = walk(path);
      return toPosition(found.keyNode ?? found.node);
    },
  };
}

/** The child at `segment`: a map entry (key and value nodes) or a list item. */
function child(node: Node | null, segment: string | number): { key: Node | null; value: Node | null } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const keyValue = isScalar(key) ? key.value : key;
      if (String(keyValue) === String(segment)) return { key, value: (pair.value as Node | null) ?? null };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item === undefined ? undefined : { key: item, value: item };
  }
  return undefined;
}
