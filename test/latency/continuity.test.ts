// p50 is continuous in rate (issue 10): up to ρ 0.8, 1 % more load never moves p50 by more
// than 5 %, over a sweep of rates in 1 % steps. The step this guards against came where
// batches start to fill batch.size (84 → 85 MiB/s moved p50 from 7.12 to 4.36 ms): batch fill
// is now random (accumulator.ts), so the move from linger-bound to size-bound batches is smooth.
// Two producers: unkeyed records (sticky partitioner, the AWS framework's set-up, batches fill
// from the producer's whole rate) and keyed records with a 16 KiB batch.size, whose batches fill
// within the sweep.
import { describe, expect, it } from 'vitest';
import { awsFramework, equation1MiBps, estimatePublish, snapshotAt, type Setup } from '../calibration/setups.js';
import type { LatencySnapshot } from '../../src/latency/snapshot.js';

function sweep(setup: Setup, at: (miBps: number) => LatencySnapshot): string[] {
  const limit = equation1MiBps(setup);
  const jumps: string[] = [];
  let rate = 0.02 * limit;
  let before = estimatePublish(at(rate), 20, 512).p50Ms;
  while (rate * 1.01 <= 0.8 * limit) {
    const next = estimatePublish(at(rate * 1.01), 20, 512).p50Ms;
    if (Math.abs(next / before - 1) > 0.05) jumps.push(`${rate.toFixed(2)} → ${(rate * 1.01).toFixed(2)} MiB/s: p50 ${before.toFixed(3)} → ${next.toFixed(3)} ms`);
    rate *= 1.01;
    before = next;
  }
  return jumps;
}

describe('p50 is continuous in rate', () => {
  it('unkeyed records on 3 × m5.xlarge', () => {
    const setup = awsFramework('kafka.m5.xlarge');
    expect(sweep(setup, (miBps) => snapshotAt(setup, miBps))).toEqual([]);
  });

  it('keyed records, batch.size 16 KiB, 6 partitions on 3 × m5.2xlarge', () => {
    // Keyed, a batch per partition fills at a 36th of the load (6 partitions × 6 producers):
    // 16 KiB within linger.ms (5 ms) from 36 × 16 KiB / 5 ms ≈ 113 MiB/s, inside the sweep.
    const setup = { ...awsFramework('kafka.m5.2xlarge'), batchSizeBytes: 16384, partitions: 6 };
    const keyed = (miBps: number): LatencySnapshot => {
      const s = snapshotAt(setup, miBps);
      return { ...s, partitions: s.partitions.map(({ stickyProducerMiBps: _, ...g }) => g) };
    };
    expect(sweep(setup, keyed)).toEqual([]);
  });
});
