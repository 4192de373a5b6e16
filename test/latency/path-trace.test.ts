// The path's fixed parts, traced by hand. At a vanishing load nothing queues, so every
// request-level latency is exactly the sum of one-way delays and service times, and the
// estimate (every wait zero) gives the same number.
//
// 3 brokers in AZs 0, 1, 2; a group led by broker 0, followers 1 and 2; one client AZ (0), so
// the producer is in the leader's AZ and the consumer fetches from the leader (same AZ).
// Network in 100 MiB/s, network out 50 MiB/s; 16 KiB records with batch.size 16 KiB, so each
// record fills its batch alone and leaves at once, linger.ms (10 s) notwithstanding (a full
// batch is ready: KafkaProducer docs, batch.size); handler CPU 100 µs + 0.01 s/MiB on 8 cores.
// Every source of variability that is not a queue is off (fixtures.ts, QUIET).
//   accumulator            none (the batch is full)        = 0
//   client → leader        rttSameAz/2                     = 0.1 ms
//   leader network in      16384 B / 100 MiB/s             = 0.15625 ms
//   handlers               0.1 ms + 0.01 · (1/64) s        = 0.25625 ms
//   copy 2 leaves network out after 2 · 16384 B / 50 MiB/s = 0.625 ms
//   inter-broker one-way, follower network in, one-way back: 0.5 + 0.15625 + 0.5 ms
//   acks=all response      rttSameAz/2                     = 0.1 ms
// publish = 0.1 + 0.15625 + 0.25625 + 0.625 + 1.15625 + 0.1 ms = 2.39375 ms
// end-to-end = HW (2.29375 ms) + the fetch on network out (0.3125 ms) + 0.1 ms = 2.70625 ms
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { group, QUIET, snapshotOf } from './fixtures.js';

const snapshot = snapshotOf({
  brokers: 3,
  azs: 3,
  clientAzs: 1,
  netInMiBps: 100,
  netOutMiBps: 50,
  ebsMiBps: 500,
  cpuCores: 8,
  // 1 KiB/s per partition: a batch every 16 s per partition, 2 a second over 32 partitions.
  groups: [group(0, [1, 2], { count: 32, produceMiBps: 1 / 1024, messageBytes: 16384, lingerS: 10 })],
  params: QUIET,
});
const PUBLISH_S = 0.00239375;
const END_TO_END_S = 0.00270625;

describe('the path of one request', () => {
  it('request-level: every latency is the hand-traced sum', () => {
    const r = runRequestLevel(snapshot, { durationS: 30, warmupS: 0, rng: new RandomStreams(1).stream('latency/trace'), maxRequests: 1000 });
    expect(r.requests).toBeGreaterThan(20);
    expect(r.publish.min).toBeCloseTo(PUBLISH_S, 12);
    expect(r.publish.max).toBeCloseTo(PUBLISH_S, 12);
    expect(r.endToEnd.min).toBeCloseTo(END_TO_END_S, 12);
    expect(r.endToEnd.max).toBeCloseTo(END_TO_END_S, 12);
  });

  it('estimate: the same sums', () => {
    const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
    estimateLatency(snapshot, { rng: new RandomStreams(1).stream('latency/estimate'), weight: 1 }, into);
    // Waits at ρ ≈ 10⁻⁴ are zero except in the last 10⁻⁴ of probability; 64 samples miss it.
    expect(into.publish.min).toBeCloseTo(PUBLISH_S, 12);
    expect(into.publish.max).toBeCloseTo(PUBLISH_S, 12);
    // The fetch's wait after the copies' (revisit.ts) is a reflected Brownian motion, which
    // never sits exactly at zero: at this load it adds at most a few microseconds.
    expect(into.endToEnd.min).toBeGreaterThanOrEqual(END_TO_END_S - 1e-12);
    expect(into.endToEnd.max).toBeLessThan(END_TO_END_S + 5e-6);
    // Weighted by requests: 2 a second for 1 s, and 2 deliveries (one consumer group).
    expect(into.publish.count).toBeCloseTo(2, 9);
    expect(into.endToEnd.count).toBeCloseTo(2, 9);
  });
});
