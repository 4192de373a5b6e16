// The fuzzer's own parts can fail: mutants are a function of the seed and index alone, a
// refusal without a location is caught, and a NaN anywhere in a report is found.
import { describe, expect, it } from 'vitest';
import { buildMutant } from './mutant.js';
import { fuzzOptions } from './options.js';
import { unlocatedLines } from './pipeline.js';
import { nonFinitePaths } from './result-checks.js';

describe('the fuzzer', () => {
  const options = fuzzOptions({ MSKSIM_FUZZ_SEED: '7' });

  it('builds each mutant from its seed and index alone', () => {
    for (const suite of ['shipped', 'generated'] as const) {
      const a = buildMutant(options, suite, 3);
      expect(buildMutant(options, suite, 3)).toEqual(a);
      expect(buildMutant(options, suite, 4).bytes.equals(a.bytes)).toBe(false);
      expect(buildMutant({ ...options, seed: 8 }, suite, 3).bytes.equals(a.bytes)).toBe(false);
    }
  });

  it('accepts located refusals with a fix and flags the others', () => {
    const located = '2 problems in s.yaml:\ns.yaml:3:5: deployments[0].azs: a list is not allowed. Fix: use 2 or 3.\ns.yaml:1:1: the scenario is empty. Fix: start from an example.';
    expect(unlocatedLines(located)).toEqual([]);
    expect(unlocatedLines('s.yaml: workload.topics[0].name: a problem without a position. Fix: x.')).toEqual([]);
    expect(unlocatedLines('1 problem in s.yaml:\ns.yaml:0:0: something. Fix: x.')).toHaveLength(1);
    expect(unlocatedLines('1 problem in s.yaml:\ns.yaml:3:5: deployments[0].azs: no fix given.')).toHaveLength(1);
    expect(unlocatedLines('RangeError: params.ioThreads must be an integer')).toHaveLength(1);
    expect(unlocatedLines('s.yaml:3:5: name: a \u001b[31m red name. Fix: rename it.')).toHaveLength(1);
  });

  it('finds NaN and infinities anywhere in a report', () => {
    expect(nonFinitePaths({ a: [1, { b: NaN }], c: new Float64Array([0, Infinity]), d: null, e: 'NaN' }, 'r')).toEqual(['r.a[1].b = NaN', 'r.c[1] = Infinity']);
    expect(nonFinitePaths({ a: [1, 2], b: { c: -0 } }, 'r')).toEqual([]);
  });
});
