// Same snapshot and seed, same histograms, to the byte (DESIGN §5); the estimate's reused
// buffers carry nothing from one call into the next.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { atUtilisation, ringGroups } from './fixtures.js';

const spec = { brokers: 6, azs: 3, netInMiBps: 100, netOutMiBps: 100, ebsMiBps: 500, cpuCores: 4, groups: ringGroups(6, 3, { count: 4 }) };

describe('determinism', () => {
  it('request-level mode repeats itself from the seed', () => {
    const run = (): string => {
      const r = runRequestLevel(atUtilisation(spec, 0.7), { durationS: 5, warmupS: 1, rng: new RandomStreams(7).stream('latency/request-level'), maxRequests: 1_000_000 });
      return JSON.stringify([r.requests, r.publish, r.endToEnd, r.queues]);
    };
    expect(run()).toBe(run());
  });

  it('the estimate does not depend on the calls before it', () => {
    const estimate = (warmUpWith: number | null): string => {
      if (warmUpWith !== null) {
        const scratch = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
        estimateLatency(atUtilisation(spec, warmUpWith), { rng: new RandomStreams(1).stream('other'), weight: 1 }, scratch);
      }
      const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
      const rng = new RandomStreams(7).stream('latency/estimate');
      for (let i = 0; i < 50; i++) estimateLatency(atUtilisation(spec, 0.7), { rng, weight: 60 }, into);
      return JSON.stringify(into);
    };
    expect(estimate(0.2)).toBe(estimate(0.9));
    expect(estimate(null)).toBe(estimate(0.5));
  });
});
