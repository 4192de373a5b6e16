// The keys `__proto__`, `constructor` and `prototype` are refused in every mapping a user
// writes. A map built from them naively would reach Object.prototype (zod's records drop
// `__proto__` silently, and `constructor` shadows a method every object has), so a scenario
// with one would mean something other than what it says. One walk over the parsed document
// finds them all, at any depth; the schema's own messages about them are then dropped.
import { RESERVED_KEYS } from './limits.js';
import type { Problem } from './problem.js';

type Segment = string | number;

export function isReservedKey(key: Segment): boolean {
  return typeof key === 'string' && (RESERVED_KEYS as readonly string[]).includes(key);
}

/** True when a problem's path goes through a reserved key (it is reported by findReservedKeys). */
export function throughReservedKey(path: readonly Segment[]): boolean {
  return path.some(isReservedKey);
}

interface Visit {
  node: unknown;
  parent: Visit | null;
  key: Segment | null;
}

/** Every reserved key in the document, as a problem at the key. */
export function findReservedKeys(input: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Visit[] = [{ node: input, parent: null, key: null }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    const { node } = visit;
    if (node === null || typeof node !== 'object') continue;
    const entries: [Segment, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      const child: Visit = { node: value, parent: visit, key };
      if (isReservedKey(key)) {
        problems.push({ path: pathOf(child), at: 'key', message: `the key "${String(key)}" is reserved`, fix: 'rename it (msksim refuses __proto__, constructor and prototype as keys)' });
      } else {
        stack.push(child);
      }
    }
  }
  return problems;
}

function pathOf(visit: Visit): Segment[] {
  const path: Segment[] = [];
  for (let v: Visit | null = visit; v !== null && v.key !== null; v = v.parent) path.push(v.key);
  return path.reverse();
}
