// Latency grows with load: p99 at ρ = 0.2, 0.4, 0.6, 0.8 of the busiest resource is strictly
// increasing, in both modes, for publish and end-to-end latency.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { atUtilisation, QUIET, ringGroups, type ClusterSpec } from './fixtures.js';

const CLUSTER: ClusterSpec = {
  brokers: 6,
  azs: 3,
  netInMiBps: 100,
  netOutMiBps: 100,
  ebsMiBps: 500,
  cpuCores: 4,
  // linger.ms 0: a record then spends no time in the producer's accumulator, where it waits
  // less as load rises (batches fill sooner) — that would mask the queues this test is about.
  // So would the one producer instance's wait for a free in-flight slot at thousands of
  // requests a second: the limit is lifted out of the way.
  groups: ringGroups(6, 3, { count: 4, consumerGroups: 2, fetchFromFollowerSameAz: true, lingerS: 0, maxInFlight: 1000 }),
  // Pauses and fetch cycles set the tail at light load and would mask the queues too.
  params: QUIET,
};
const LOADS = [0.2, 0.4, 0.6, 0.8];

function expectIncreasing(values: number[], what: string): void {
  for (let i = 1; i < values.length; i++) expect(values[i]!, `${what}: ${values.map((v) => (v * 1e3).toFixed(3)).join(' < ')} ms`).toBeGreaterThan(values[i - 1]!);
}

describe('latency is monotone in load', () => {
  it('in the estimate', () => {
    const p99 = LOADS.map((rho) => {
      const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
      const rng = new RandomStreams(1).stream('latency/estimate');
      for (let call = 0; call < 1000; call++) estimateLatency(atUtilisation(CLUSTER, rho), { rng, weight: 1 }, into);
      return [into.publish.quantile(0.99), into.endToEnd.quantile(0.99)] as const;
    });
    expectIncreasing(p99.map((p) => p[0]), 'publish p99');
    expectIncreasing(p99.map((p) => p[1]), 'end-to-end p99');
  });

  it('in request-level mode', () => {
    const p99 = LOADS.map((rho) => {
      const r = runRequestLevel(atUtilisation(CLUSTER, rho), { durationS: 21, warmupS: 1, rng: new RandomStreams(1).stream('latency/request-level'), maxRequests: 10_000_000 });
      return [r.publish.quantile(0.99), r.endToEnd.quantile(0.99)] as const;
    });
    expectIncreasing(p99.map((p) => p[0]), 'publish p99');
    expectIncreasing(p99.map((p) => p[1]), 'end-to-end p99');
  });
});
