// The fuzzer's settings, from the environment, as the property suite reads its own
// (test/properties/arbitraries.ts): `npm test` runs 500 mutants of the 'ci' size with a fixed
// seed; `npm run fuzz` runs 10,000 of the 'full' size with a random one, printed first.
//   MSKSIM_FUZZ_RUNS   mutants per run, split between the shipped and the generated suite (500)
//   MSKSIM_FUZZ_SIZE   ci (horizons capped at 2 days, request-level windows at 1 s, small
//                      generated scenarios) | full
//   MSKSIM_FUZZ_SEED   a seed, or 'random' (default: DEFAULT_FUZZ_SEED)
//   MSKSIM_FUZZ_INDEX  replay this one mutant of each suite (as printed with a failure)
//   MSKSIM_FUZZ_OUT    folder failing mutants are written to (default: a temporary folder)
import { randomInt } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FuzzSize = 'ci' | 'full';

export interface FuzzOptions {
  size: FuzzSize;
  seed: number;
  /** Mutants of the whole run; each suite takes its share (`suiteRuns`). */
  runs: number;
  /** One mutant to replay, or null for all. */
  index: number | null;
  outDir: string;
  /** Longest simulated horizon; longer mutants are cut to it (null in 'full'). */
  maxDurationS: number | null;
  /**
   * Longest request-level latency window; longer ones are cut to it (null in 'full'). Windows,
   * not horizons, dominate the run time: a 10-second window at 200,000 requests a second takes
   * 10 s or more, the rest of a 2-day run well under one.
   */
  maxWindowS: number | null;
}

/** The seed of `npm test`: CI fuzzes the same 500 mutants every time. */
export const DEFAULT_FUZZ_SEED = 20_260_509;

const CI_MAX_DURATION_S = 2 * 86_400;
const CI_MAX_WINDOW_S = 1;

export function fuzzOptions(env: NodeJS.ProcessEnv = process.env): FuzzOptions {
  const size = env['MSKSIM_FUZZ_SIZE'] ?? 'ci';
  if (size !== 'ci' && size !== 'full') throw new RangeError(`MSKSIM_FUZZ_SIZE must be ci or full, got ${JSON.stringify(size)}`);
  const givenSeed = env['MSKSIM_FUZZ_SEED'];
  const seed = givenSeed === 'random' ? randomInt(2 ** 31) : givenSeed ? integer(givenSeed, 'MSKSIM_FUZZ_SEED', 0) : DEFAULT_FUZZ_SEED;
  const index = env['MSKSIM_FUZZ_INDEX'] ? integer(env['MSKSIM_FUZZ_INDEX'], 'MSKSIM_FUZZ_INDEX', 0) : null;
  const runs = env['MSKSIM_FUZZ_RUNS'] ? integer(env['MSKSIM_FUZZ_RUNS'], 'MSKSIM_FUZZ_RUNS', 1) : 500;
  const outDir = env['MSKSIM_FUZZ_OUT'] || join(tmpdir(), `msksim-fuzz-${seed}`);
  return { size, seed, runs, index, outDir, maxDurationS: size === 'ci' ? CI_MAX_DURATION_S : null, maxWindowS: size === 'ci' ? CI_MAX_WINDOW_S : null };
}

/** Half the runs to each suite (the shipped one takes the odd one). */
export function suiteRuns(options: FuzzOptions, suite: 'shipped' | 'generated'): number {
  return suite === 'shipped' ? Math.ceil(options.runs / 2) : Math.floor(options.runs / 2);
}

/** The indices a suite runs: all of its share, or the one being replayed. */
export function suiteIndices(options: FuzzOptions, suite: 'shipped' | 'generated'): number[] {
  if (options.index !== null) return [options.index];
  return Array.from({ length: suiteRuns(options, suite) }, (_, i) => i);
}

function integer(text: string, name: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(text)}`);
  return value;
}
