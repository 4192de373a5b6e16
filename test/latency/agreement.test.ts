// The per-interval estimate must agree with request-level mode: p50 and p99 of publish and
// end-to-end latency within 15 % at utilisation 0.3, 0.6 and 0.8 of the busiest resource
// (DESIGN §3.4). Three clusters, one binding resource each:
//   - network in, acks=1: 3 brokers, RF 3, network out with headroom;
//   - network out, acks=all: 6 brokers over 3 AZs, RF 3 with cross-AZ followers, 2 consumer groups;
//   - request handlers: 2 cores, 200-byte batches (linger.ms 0), 0.2 ms CPU a request.
// Request-level windows are 60 s of simulated time after 1 s of warm-up: 86 000 to 1.4 million
// batches, so at least 860 lie beyond each p99. The estimate is called as the model calls
// it, many times with the default 64 samples. One seed for everything.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { awsFramework, equation1MiBps, snapshotAt } from '../calibration/setups.js';
import { atUtilisation, ringGroups, type ClusterSpec } from './fixtures.js';

const SEED = 1;
const CLUSTERS: Record<string, ClusterSpec> = {
  'network in, acks=1': {
    brokers: 3,
    azs: 3,
    netInMiBps: 75,
    netOutMiBps: 100,
    ebsMiBps: 500,
    cpuCores: 8,
    groups: ringGroups(3, 3, { acks: '1', lingerS: 0.01, count: 4 }),
  },
  'network out, acks=all RF 3 cross-AZ': {
    brokers: 6,
    azs: 3,
    netInMiBps: 100,
    netOutMiBps: 100,
    ebsMiBps: 500,
    cpuCores: 8,
    groups: ringGroups(6, 3, { count: 4, consumerGroups: 2 }),
  },
  'request handlers, small batches': {
    brokers: 3,
    azs: 3,
    netInMiBps: 150,
    netOutMiBps: 150,
    ebsMiBps: 500,
    cpuCores: 2,
    groups: ringGroups(3, 3, { messageBytes: 200, lingerS: 0, count: 4 }),
    params: { cpuSecondsPerRequest: 0.0002 },
  },
};

describe.each(Object.entries(CLUSTERS))('estimate against request-level: %s', (_name, spec) => {
  it.each([0.3, 0.6, 0.8])('ρ = %s: p50 and p99 within 15 percent', (rho) => {
    const snapshot = atUtilisation(spec, rho);
    const streams = new RandomStreams(SEED);
    const simulated = runRequestLevel(snapshot, { durationS: 61, warmupS: 1, rng: streams.stream('latency/request-level'), maxRequests: 10_000_000 });
    expect(simulated.saturated).toEqual([]);
    const estimated = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
    const rng = streams.stream('latency/estimate');
    for (let call = 0; call < 3000; call++) expect(estimateLatency(snapshot, { rng, weight: 1 }, estimated).saturated).toEqual([]);
    for (const kind of ['publish', 'endToEnd'] as const) {
      for (const q of [0.5, 0.99]) {
        const want = simulated[kind].quantile(q);
        const got = estimated[kind].quantile(q);
        expect(Math.abs(got / want - 1), `${kind} p${q * 100}: estimate ${got * 1e3} ms, request-level ${want * 1e3} ms`).toBeLessThan(0.15);
      }
    }
  });
});

// The AWS framework's set-up (test/calibration/setups.ts: 3 × m5.2xlarge, acks=all, RF 3, unkeyed
// records from 6 producers, 2 consumer groups), where pauses, write-back stalls and fetch cycles
// set the tail: the two modes must agree on it too. Loads as shares of the Equation 1 limit.
describe('estimate against request-level with real tails: 3 × m5.2xlarge, acks=all', () => {
  it.each([0.3, 0.6, 0.8])('%s of Equation 1: publish p50 and p99 within 15 percent', (fraction) => {
    const setup = awsFramework('kafka.m5.2xlarge');
    const snapshot = snapshotAt(setup, fraction * equation1MiBps(setup));
    const streams = new RandomStreams(SEED);
    const simulated = runRequestLevel(snapshot, { durationS: 121, warmupS: 1, rng: streams.stream('latency/request-level'), maxRequests: 10_000_000 });
    expect(simulated.saturated).toEqual([]);
    const estimated = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
    const rng = streams.stream('latency/estimate');
    for (let call = 0; call < 3000; call++) estimateLatency(snapshot, { rng, weight: 1 }, estimated);
    for (const q of [0.5, 0.99]) {
      const want = simulated.publish.quantile(q);
      const got = estimated.publish.quantile(q);
      expect(Math.abs(got / want - 1), `publish p${q * 100}: estimate ${got * 1e3} ms, request-level ${want * 1e3} ms`).toBeLessThan(0.15);
    }
  });
});
