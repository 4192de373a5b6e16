// Mutant `index` of a suite, built from the run's seed alone: a base scenario (a shipped one in
// turn, or a generated one), one to four structural mutations of its parsed YAML, and sometimes
// a byte-level mutation of the text or of a trace file on top.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document, parseDocument } from 'yaml';
import { generateScenario } from './generate.js';
import { mutateBytes } from './mutate-bytes.js';
import { documentText, mutateDocument, type MutableDocument } from './mutate-document.js';
import type { FuzzOptions } from './options.js';
import { Rng } from './random.js';

export type Suite = 'shipped' | 'generated';

export interface Mutant {
  suite: Suite;
  seed: number;
  index: number;
  /** What the mutant started from: a scenario file name, or 'generated'. */
  base: string;
  /** The scenario file's bytes. */
  bytes: Buffer;
  /** Trace files beside it, by name. */
  traces: Record<string, Buffer>;
  /** What was done to the base, in order. */
  operations: string[];
}

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCENARIOS = join(ROOT, 'scenarios');
const SHIPPED = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort();

export function buildMutant(options: FuzzOptions, suite: Suite, index: number): Mutant {
  const rng = Rng.forMutant(options.seed, suite, index);
  const base = suite === 'shipped' ? SHIPPED[index % SHIPPED.length]! : 'generated';
  let doc: Document;
  let traces: Record<string, Buffer> = {};
  if (suite === 'shipped') {
    doc = parseDocument(readFileSync(join(SCENARIOS, base), 'utf8'));
    // The shipped horizons (7–30 days) are cut to the CI cap before mutating, not after.
    if (options.maxDurationS !== null) doc.set('duration', `${options.maxDurationS / 86_400}d`);
  } else {
    const generated = generateScenario(rng, options.size, `gen-${index}`);
    doc = new Document(generated.document);
    traces = Object.fromEntries(Object.entries(generated.traces).map(([name, text]) => [name, Buffer.from(text)]));
  }
  // One generated document in ten is left as it is: most of those must run (the suite checks).
  const count = suite === 'generated' && rng.chance(0.1) ? 0 : rng.weighted([[1, 6], [2, 3], [3, 2], [4, 1]] as const);
  const m: MutableDocument = { doc, raw: [] };
  const operations: string[] = [];
  for (let k = 0; k < count; k++) operations.push(mutateDocument(m, rng));
  let bytes: Buffer = Buffer.from(documentText(m));
  if (count > 0 && rng.chance(0.2)) {
    const names = Object.keys(traces);
    if (names.length > 0 && rng.chance(0.3)) {
      const name = rng.pick(names);
      const [mutated, what] = mutateBytes(traces[name]!, rng);
      traces = { ...traces, [name]: mutated };
      operations.push(`${name}: ${what}`);
    } else {
      const [mutated, what] = mutateBytes(bytes, rng);
      bytes = mutated;
      operations.push(what);
    }
  }
  return { suite, seed: options.seed, index, base, bytes, traces, operations };
}
