// A record waits in the producer's accumulator until its batch leaves: linger.ms, or less when
// batch.size fills first (KafkaProducer docs, linger.ms and batch.size). Records arrive evenly
// while a batch collects, so the wait is uniform on [0, linger): +linger/2 at the median and
// +0.99·linger at p99 over a cluster too lightly loaded for queues to matter. OMB's publish
// latency is measured from send(), so it includes this wait; both modes must add it alike.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { group, snapshotOf } from './fixtures.js';

const LINGER_S = 0.02;

function cluster(lingerS: number) {
  // 0.5 MiB/s per partition from one producer fills 10 KiB in 20 ms: under batch.size (16 KiB),
  // so batches leave when linger.ms expires.
  return snapshotOf({
    brokers: 3,
    azs: 3,
    netInMiBps: 1000,
    netOutMiBps: 1000,
    ebsMiBps: 1000,
    cpuCores: 64,
    groups: [group(0, [1, 2], { count: 4, produceMiBps: 0.5, lingerS })],
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

  it('adds linger/2 at the median and about 0.99·linger at p99, in both modes', () => {
    for (let mode = 0; mode < 2; mode++) {
      const [p50a, p99a] = without[mode]!;
      const [p50b, p99b] = withLinger[mode]!;
      expect(Math.abs(p50b - p50a - LINGER_S / 2) / (LINGER_S / 2)).toBeLessThan(0.05);
      expect(Math.abs(p99b - p99a - 0.99 * LINGER_S) / LINGER_S).toBeLessThan(0.05);
    }
  });
});
