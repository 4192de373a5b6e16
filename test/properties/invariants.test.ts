// The model's invariants on generated configurations (STYLE habit 10b): every configuration runs
// with `verify: true`, so src/model/invariants.ts checks conservation, backlogs, replica and
// consumer lags, resource loads and flow rates after every event. A run passes when nothing
// throws — no InvariantError, no other error — and its events stay within the budget of
// ./budget.ts (events grow with changes, not with simulated time).
//
// 2,000 configurations of the 'ci' size by default; `npm run props` runs 10,000 of the 'full'
// size. A failure prints fast-check's seed and path: rerun it alone with
//   MSKSIM_PROPS_SEED=<seed> MSKSIM_PROPS_PATH=<path> npx vitest run test/properties/invariants.test.ts
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { modelConfigArb, replayFromEnv, runsFromEnv, shrinkRunsFromEnv, sized, sizeProfileFromEnv } from './arbitraries.js';
import { simulateChecked, withShrinkLimit } from './budget.js';

const profile = sizeProfileFromEnv();
const runs = runsFromEnv();

describe(`model invariants on ${runs} generated configurations (${profile})`, () => {
  it(
    'no InvariantError, no other throw, events within budget',
    () => {
      fc.assert(
        fc.property(
          modelConfigArb(sized(profile)),
          withShrinkLimit((config) => {
            simulateChecked(config);
          }, shrinkRunsFromEnv()),
        ),
        { numRuns: runs, ...replayFromEnv() },
      );
    },
    // 2,000 'ci' runs take about a minute; shrinking a failure takes longer.
    Math.max(600_000, runs * (profile === 'full' ? 2000 : 300)),
  );
});
