// The model's invariants on generated configurations (STYLE habit 10b): every configuration runs
// with `verify: true`, so src/model/invariants.ts checks conservation, backlogs, replica and
// consumer lags, resource loads and flow rates after every event. A run passes when nothing
// throws — no InvariantError, no other error — and its events stay within the budget of
// ./budget.ts (events grow with changes, not with simulated time).
//
// 2,000 configurations of the 'ci' size (about 70 s on the 2-core machine); `npm run props` runs
// 10,000 of the 'full' size (about 1.8 s each: some five hours). The seed is fixed unless
// MSKSIM_PROPS_SEED says otherwise ('random' draws one). Shrinking stops after
// MSKSIM_PROPS_SHRINK_RUNS candidates (200). A failure prints fast-check's seed and path: rerun
// it alone, and shrink it further, with
//   MSKSIM_PROPS_RUNS=1 MSKSIM_PROPS_SEED=<seed> MSKSIM_PROPS_PATH=<path> MSKSIM_PROPS_SHRINK_RUNS=5000 \
//     npx vitest run test/properties/invariants.test.ts
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
    // 2,000 'ci' runs take about 70 s; shrinking a failure takes up to a few minutes more.
    Math.max(600_000, runs * (profile === 'full' ? 5000 : 300)),
  );
});
