// Paths of the repository, found the same way whether a benchmark runs from its TypeScript
// source (bench/) or from the build (dist/bench/): the nearest folder up from this file that
// holds msksim's package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'msksim') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('bench: cannot find the msksim repository above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** The repository's root folder. */
export const REPO_ROOT = findRoot();

/** A path inside the repository, or (with `..`) beside it. */
export function repoPath(...parts: string[]): string {
  return resolve(REPO_ROOT, ...parts);
}
