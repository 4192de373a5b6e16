// The accumulator law (src/latency/accumulator.ts) against a naive model of Kafka's
// RecordAccumulator fed by a Poisson stream: a batch opens with a record, closes linger.ms later
// or when its N-th record arrives, and the next record opens the next batch. Each record's wait
// is its batch's close time minus its arrival. The law's record-wait quantiles and mean batch
// size must match the naive model's: quantiles within 5 % of linger.ms, the mean within 10 %, from batches
// bound by linger (λL = 0.5, 5) through the change-over (λL ≈ N) to batches bound by size.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { accumulatorWait, meanBatchRecords } from '../../src/latency/accumulator.js';
import { normalQuantile } from '../../src/latency/normal-quantile.js';

const LINGER_S = 0.005;
const RECORDS = 200_000;

function naive(recordsPerS: number, batchRecords: number): { waits: Float64Array; meanBatch: number } {
  const rng = new RandomStreams(5).stream('test/batch-fill');
  const arrivals = new Float64Array(RECORDS);
  let t = 0;
  for (let i = 0; i < RECORDS; i++) arrivals[i] = t += -Math.log(1 - rng.next()) / recordsPerS;
  const waits = new Float64Array(RECORDS);
  let batches = 0;
  for (let first = 0; first < RECORDS; batches++) {
    const deadline = arrivals[first]! + LINGER_S;
    let last = first;
    while (last + 1 < RECORDS && last + 1 - first < batchRecords && arrivals[last + 1]! <= deadline) last++;
    const closeS = last - first + 1 === batchRecords ? arrivals[last]! : deadline;
    for (let i = first; i <= last; i++) waits[i] = closeS - arrivals[i]!;
    first = last + 1;
  }
  return { waits: waits.sort(), meanBatch: RECORDS / batches };
}

function law(recordsPerS: number, batchRecords: number): Float64Array {
  const rng = new RandomStreams(6).stream('test/batch-fill-law');
  const waits = new Float64Array(RECORDS);
  for (let i = 0; i < RECORDS; i++) waits[i] = accumulatorWait(recordsPerS, LINGER_S, batchRecords, normalQuantile(rng.next()), rng.next());
  return waits.sort();
}

const quantile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe('batch fill and accumulator wait', () => {
  it.each([
    [100, 256],
    [1000, 256],
    [3200, 16],
    [16_000, 64],
    [100_000, 64],
  ])('λ = %s records/s, N = %s', (recordsPerS, batchRecords) => {
    const want = naive(recordsPerS, batchRecords);
    const got = law(recordsPerS, batchRecords);
    for (const q of [0.1, 0.5, 0.9, 0.99]) {
      expect(Math.abs(quantile(got, q) - quantile(want.waits, q)) / LINGER_S, `p${q * 100}`).toBeLessThan(0.05);
    }
    const mean = meanBatchRecords(recordsPerS, LINGER_S, batchRecords);
    expect(Math.abs(mean / want.meanBatch - 1), `mean batch ${mean} against ${want.meanBatch} records`).toBeLessThan(0.1);
  });
});
