// Where a path of the scenario sits in the YAML text. Errors point at the value when it exists,
// at the key when the key itself is wrong (an unknown key), and at the enclosing mapping when a
// required key is missing.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLMap } from 'yaml';
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
  const child = childFinder();
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

type Entry = { key: Node | null; value: Node | null };

/**
 * The child at `segment`: a map entry (key and value nodes) or a list item. Each mapping is
 * indexed on first use, so locating every one of n problems in a mapping of n keys is linear.
 */
function childFinder(): (node: Node | null, segment: string | number) => Entry | undefined {
  const indexes = new WeakMap<YAMLMap, Map<string, Entry>>();
  const indexOf = (map: YAMLMap): Map<string, Entry> => {
    let index = indexes.get(map);
    if (index !== undefined) return index;
    index = new Map();
    for (const pair of map.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      const name = String(isScalar(key) ? key.value : key);
      if (!index.has(name)) index.set(name, { key, value: (pair.value as Node | null) ?? null });
    }
    indexes.set(map, index);
    return index;
  };
  return (node, segment) => {
    if (isMap(node)) return indexOf(node).get(String(segment));
    return itemAt(node, segment);
  };
}

function itemAt(node: Node | null, segment: string | number): Entry | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item === undefined ? undefined : { key: item, value: item };
  }
  return undefined;
}
