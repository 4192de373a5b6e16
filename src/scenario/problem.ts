// A problem found while checking a scenario, before it is given a file position: the path of
// the offending value, what is wrong, the fix, and whether it concerns the key itself (an
// unknown key), the value, or a key that is missing from the mapping at `path`.

import type { PathSegments } from './errors.js';

export interface Problem {
  path: PathSegments;
  message: string;
  fix: string;
  /**
   * 'value' (default): point at the value; 'key': at the key (an unknown key); 'missing': the
   * path names something absent, so point at the key of its deepest existing ancestor.
   */
  at?: 'value' | 'key' | 'missing';
  /** Set when the problem is in another file (a CSV trace): its name and 1-based position there. */
  file?: { name: string; line: number; column: number };
}

/** Collects problems; the checks push into one list so every problem is reported at once. */
export class Problems {
  readonly list: Problem[] = [];

  add(path: PathSegments, message: string, fix: string, at?: Problem['at']): void {
    this.list.push(at === undefined ? { path, message, fix } : { path, message, fix, at });
  }

  get count(): number {
    return this.list.length;
  }
}
