// The fuzz suite over one source of mutants (issue 9): each mutant is a test of its own, run in
// process through the whole pipeline (pipeline.ts). The seed is printed first; a failing mutant
// is written out (failures.ts) and its test fails with the commands that replay it. At the end
// the counts — refused, ran, failed by kind, known findings, the slowest mutants — are printed
// and written to summary-<suite>.json in the output folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFailure } from './failures.js';
import { knownFinding } from './known-findings.js';
import { buildMutant, type Suite } from './mutant.js';
import { fuzzOptions, suiteIndices } from './options.js';
import { runMutant } from './pipeline.js';

/** A mutant slower than this is listed in the summary (SLOW_SECONDS fails it). */
const NOTE_SECONDS = 5;

interface Tally {
  refused: number;
  ran: number;
  failed: Record<string, number>;
  /** Failures explained by a known finding (known-findings.ts), by its id. */
  known: Record<string, number>;
  /** Unmutated generated scenarios: how many ran and how many were refused. */
  unmutated: { ran: number; refused: number };
  slow: { index: number; seconds: number; state: string }[];
  bindings: Record<string, number>;
  seconds: number;
}

export function fuzzSuite(suite: Suite): void {
  const options = fuzzOptions();
  const indices = suiteIndices(options, suite);
  const work = mkdtempSync(join(tmpdir(), `msksim-fuzz-${suite}-`));
  const tally: Tally = { refused: 0, ran: 0, failed: {}, known: {}, unmutated: { ran: 0, refused: 0 }, slow: [], bindings: {}, seconds: 0 };
  const perTestMs = options.size === 'full' ? 600_000 : 120_000;
  console.log(`msksim fuzz: ${suite} scenarios, seed ${options.seed}, ${indices.length} mutants (${options.size}); failures go to ${options.outDir}`);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    tally.slow.sort((a, b) => b.seconds - a.seconds);
    const summary = { suite, seed: options.seed, size: options.size, mutants: indices.length, ...tally, slowCount: tally.slow.length, slow: tally.slow.slice(0, 20) };
    mkdirSync(options.outDir, { recursive: true });
    writeFileSync(join(options.outDir, `summary-${suite}.json`), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`msksim fuzz summary: ${JSON.stringify({ ...summary, slow: summary.slow.slice(0, 5) })}`);
  });

  describe(`${suite} scenarios: ${indices.length} mutants (${options.size}, seed ${options.seed})`, () => {
    it.each(indices)(
      'mutant %i',
      (index) => {
        const mutant = buildMutant(options, suite, index);
        const dir = join(work, String(index));
        const outcome = runMutant(mutant, options, dir);
        rmSync(dir, { recursive: true, force: true });
        tally.seconds += outcome.seconds;
        if (outcome.seconds > NOTE_SECONDS) tally.slow.push({ index, seconds: Math.round(outcome.seconds * 100) / 100, state: outcome.state });
        if (outcome.state === 'failed') {
          const known = knownFinding(outcome.kind, outcome.message);
          if (known !== undefined) {
            tally.known[known.id] = (tally.known[known.id] ?? 0) + 1;
            return;
          }
          tally.failed[outcome.kind] = (tally.failed[outcome.kind] ?? 0) + 1;
          expect.fail(writeFailure(mutant, outcome, options).text);
        }
        tally[outcome.state]++;
        if (mutant.operations.length === 0) tally.unmutated[outcome.state]++;
        if (outcome.state === 'ran') for (const b of outcome.bindings) tally.bindings[b] = (tally.bindings[b] ?? 0) + 1;
      },
      perTestMs,
    );

    // The generator is only useful if what it makes is valid: unmutated documents mostly run.
    it.skipIf(suite !== 'generated' || options.index !== null)('most unmutated generated scenarios run', () => {
      const { ran, refused } = tally.unmutated;
      expect(ran + refused, 'too few unmutated generated scenarios to judge').toBeGreaterThanOrEqual(10);
      expect(ran / (ran + refused)).toBeGreaterThanOrEqual(0.7);
    });
  });
}
