// A record waits in the producer's accumulator until its batch leaves: linger.ms, or less when
// batch.size fills first (KafkaProducer docs, linger.ms and batch.size). With batch.size out of
// reach, a batch opens with a first record, which waits all of linger L, and collects λL more at
// random, each waiting a uniform share of L (accumulator.ts): P(W ≤ w) = (1 − p₁)·w/L below L,
// p₁ = 1/(1 + λL). At λL = 10 that adds 0.55·L at the median and L at p99, over a cluster too
// lightly loaded for queues to matter. OMB's publish latency is measured from send(), so it
// includes this wait; both modes must add it alike.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { group, QUIET, snapshotOf } from './fixtures.js';

const LINGER_S = 0.02;

function cluster(lingerS: number) {
  // 0.5 MiB/s per partition from one producer: 10 records of 1 KiB in 20 ms, far under
  // batch.size (1 MiB), so batches leave when linger.ms expires.
  return snapshotOf({
    brokers: 3,
    azs: 3,
    netInMiBps: 1000,
    netOutMiBps: 1000,
    ebsMiBps: 1000,
    cpuCores: 64,
    groups: [group(0, [1, 2], { count: 1, produceMiBps: 0.5, lingerS, batchSizeBytes: 1048576 })],
    params: QUIET,
  });
}

function quantiles(lingerS: number) {
  const s = cluster(lingerS);
  const estimate = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
  const rng = new RandomStreams(1).stream('latency/estimate');
  for (let call = 0; call < 200; call++) estimateLatency(s, { rng, weight: 1 }, estimate);
  const request = runRequestLevel(s, { durationS: 31, warmupS: 1, rng: new RandomStreams(1).stream('latency/request-level'), maxRequests: 1_000_000 });
  return [estimate.publish, request.publish].map((h) => [h.quantile(0.5), h.quantile(0.99)] as const);
}

describe("the producer accumulator's wait", () => {
  const without = quantiles(0);
  const withLinger = quantiles(LINGER_S);

  it('adds 0.55·linger at the median and linger at p99, in both modes', () => {
    for (let mode = 0; mode < 2; mode++) {
      const [p50a, p99a] = without[mode]!;
      const [p50b, p99b] = withLinger[mode]!;
      // λL = 512 records/s · 20 ms = 10.24: p₁ = 1/11.24, median at 0.5/(1 − p₁) = 0.549 of L.
      expect(Math.abs(p50b - p50a - 0.549 * LINGER_S) / (0.549 * LINGER_S)).toBeLessThan(0.05);
      expect(Math.abs(p99b - p99a - LINGER_S) / LINGER_S).toBeLessThan(0.05);
    }
  });
});
