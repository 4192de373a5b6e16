// Loads scenario fixtures from test/fixtures/scenarios the way the CLI does: trace paths are
// relative to the scenario file.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type LoadResult } from '../../src/scenario/index.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'scenarios');

/** Loads `name` (relative to the fixtures folder); errors name files relative to it too. */
export function loadFixture(name: string): LoadResult {
  return loadText(readFileSync(join(FIXTURES, name), 'utf8'), name);
}

export function loadText(text: string, name = 'scenario.yaml'): LoadResult {
  return loadScenario(text, name, {
    readFile: (path) => readFileSync(join(FIXTURES, path), 'utf8'),
    resolvePath: (path) => join(dirname(name), path),
  });
}

export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}
