// EBS burst on a kafka.m5.large (msk-facts.md §1c; EC2 ebs-optimized.md): baseline 81.25 MB/s,
// maximum 593.75 MB/s for 30 minutes at least once every 24 hours. A full bucket holds
// (593.75 − 81.25) × 1800 s of credit; with the default 250 MiB/s volume the broker writes at
// 250 MiB/s, spending 250 − 81.25 per second, so the bucket empties at
//   T = (593.75 − 81.25) × 1800 / (250 − 81.25) = 5466.67 s,
// after which writes fall to the 81.25 baseline and the producer backlog grows at the
// difference between demand and baseline.
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.js';
import { broker, config, flat, topic } from './fixtures.js';

describe('EBS burst timing', () => {
  const demand = 300;
  const bucketMiB = (593.75 - 81.25) * 1800;
  const emptyAtS = bucketMiB / (250 - 81.25);
  const sim = simulate(
    config({
      durationS: 4 * 3600,
      brokers: 1,
      azs: 1,
      clientAzs: 1,
      broker: broker({ ebsMiBps: { baseline: 81.25, burst: 593.75, size: bucketMiB, earnFraction: 1 }, networkInMiBps: flat(10_000), networkOutMiBps: flat(10_000) }),
      topics: [topic(demand, { replicationFactor: 1, minInsyncReplicas: 1, groups: 0, partitions: 12 })],
    }),
  );

  it('empties the bucket at the closed-form time, within 1 s', () => {
    const empty = sim.timeline.find((e) => e.kind === 'bucket-empty');
    expect(empty).toBeDefined();
    expect(Math.abs(empty!.timeS - emptyAtS)).toBeLessThan(1);
    expect(sim.util.firstThrottle).toMatchObject({ resource: 2, volumeBound: true });
  });

  it('writes at the volume maximum before and at the baseline after', () => {
    const before = Math.floor(emptyAtS / 60) - 1;
    const after = Math.ceil(emptyAtS / 60) + 1;
    expect(sim.series.broker.BytesInPerSec[0]![before]! / 2 ** 20).toBeCloseTo(250, 9);
    expect(sim.series.broker.BytesInPerSec[0]![after]! / 2 ** 20).toBeCloseTo(81.25, 9);
    expect(sim.series.broker.BurstBalance[0]![after]).toBe(0);
  });

  it('grows the producer backlog at demand minus throughput', () => {
    const end = sim.config.durationS;
    const expected = (demand - 250) * emptyAtS + (demand - 81.25) * (end - emptyAtS);
    expect(sim.producerBacklogMiB).toBeCloseTo(expected, 3);
  });

  it('conserves bytes: produced = stored + deleted + backlog', () => {
    expect(sim.storedMiB + sim.totals.deletedMiB + sim.producerBacklogMiB).toBeCloseTo(demand * sim.config.durationS, 4);
  });

  it('puts the producer backlog on the leader that throttled it (one broker leads everything)', () => {
    expect(sim.lag.brokerMaxMiB[0]).toBeCloseTo(sim.producerBacklogMiB, 6);
    expect(sim.lag.brokerMaxMiB[0]).toBeGreaterThan(1e6);
  });
});
