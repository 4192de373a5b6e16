// A failing mutant written out so that it replays with one command: its folder holds the
// scenario (mutant.yaml, exactly the bytes that failed), its trace files, and error.txt with
// the error, what was mutated and both replay commands.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, type Mutant } from './mutant.js';
import type { FuzzOptions } from './options.js';
import { writeMutant, type Outcome } from './pipeline.js';

export interface WrittenFailure {
  dir: string;
  /** The error, the mutations and the replay commands, for the test's failure message. */
  text: string;
}

export function replayCommands(mutant: Mutant, options: FuzzOptions, scenarioPath: string): string[] {
  const shown = relative(ROOT, scenarioPath).startsWith('..') ? scenarioPath : relative(ROOT, scenarioPath);
  return [
    `MSKSIM_FUZZ_SEED=${mutant.seed} MSKSIM_FUZZ_INDEX=${mutant.index} MSKSIM_FUZZ_SIZE=${options.size} npx vitest run test/fuzz/${mutant.suite}-mutants.test.ts`,
    `npm run build && node dist/src/cli/main.js run ${shown} --out /tmp/msksim-fuzz-replay`,
  ];
}

export function writeFailure(mutant: Mutant, outcome: Extract<Outcome, { state: 'failed' }> & { bytes: Buffer }, options: FuzzOptions): WrittenFailure {
  const dir = join(options.outDir, `${mutant.suite}-${mutant.seed}-${mutant.index}`);
  const path = writeMutant(mutant, dir, outcome.bytes);
  const text = [
    `${outcome.kind} in ${mutant.suite} mutant ${mutant.index} (seed ${mutant.seed}, ${options.size}) after ${outcome.seconds.toFixed(2)} s`,
    `base: ${mutant.base}`,
    `mutations:`,
    ...mutant.operations.map((o) => `  - ${o}`),
    `error:`,
    outcome.message,
    `replay:`,
    ...replayCommands(mutant, options, path).map((c) => `  ${c}`),
    `written to ${dir}`,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'error.txt'), text);
  return { dir, text };
}
