// Storage over time, worked by hand: one broker, replication factor 1, 10 MiB/s appended.
// Auto-expansion (msk-autoexpand: step max(10 GiB, 10 %), one action per 6 hours) and a full
// disk taking the broker down; data deleted before a slow consumer read it.
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.js';
import { broker, config, flat, topic } from './fixtures.js';

const single = { brokers: 1, azs: 1, clientAzs: 1 } as const;

describe('storage auto-expansion and a full disk', () => {
  const sim = simulate(
    config({
      ...single,
      durationS: 20_000,
      broker: broker({ storageGiB: 100 }),
      topics: [topic(10, { replicationFactor: 1, minInsyncReplicas: 1, groups: 0, partitions: 4 })],
      autoExpand: { targetFraction: 0.6, maxSizeGiB: 1000, cooldownS: 6 * 3600, minStepGiB: 10, stepFraction: 0.1 },
    }),
  );
  const events = sim.timeline;

  it('expands at 60 % of 100 GiB: 61,440 MiB / 10 MiB/s = 6,144 s, to 110 GiB', () => {
    const expanded = events.filter((e) => e.kind === 'storage-expanded');
    expect(expanded).toHaveLength(1);
    expect(expanded[0]!.timeS).toBeCloseTo(6144, 6);
    expect(sim.storageGiB[0]).toBe(110);
  });

  it('raises the disk alarm at 85 % of 110 GiB = 95,744 MiB, at 9,574.4 s', () => {
    const alarm = events.find((e) => e.kind === 'disk-alarm');
    expect(alarm?.timeS).toBeCloseTo(9574.4, 6);
  });

  it('takes the broker down when 110 GiB fill, at 112,640 MiB / 10 = 11,264 s (inside the 6 h cool-down)', () => {
    const down = events.find((e) => e.kind === 'broker-down');
    expect(down?.timeS).toBeCloseTo(11_264, 6);
    expect(sim.alive[0]).toBe(0);
  });

  it('backs producers up from then on, and conserves bytes', () => {
    expect(sim.producerBacklogMiB).toBeCloseTo(10 * (20_000 - 11_264), 6);
    expect(sim.storedMiB + sim.totals.deletedMiB + sim.producerBacklogMiB).toBeCloseTo(10 * 20_000, 6);
  });
});

describe('data deleted before a lagging group read it', () => {
  // 10 MiB/s appended with 1,000 s retention; the consumer is held to 5 MiB/s by network out.
  // Its lag grows at 5 MiB/s and reaches the 10,000 MiB the log holds at t = 2,000 s; from then
  // on retention deletes 10 MiB/s while the group reads 5, so 5 MiB/s is lost: 10,000 MiB by
  // t = 4,000 s.
  const sim = simulate(
    config({
      ...single,
      durationS: 4000,
      broker: broker({ networkOutMiBps: flat(5) }),
      topics: [topic(10, { replicationFactor: 1, minInsyncReplicas: 1, groups: 1, partitions: 4, retentionS: 1000 })],
    }),
  );

  it('counts 10,000 MiB lost and caps the lag at the log size', () => {
    expect(sim.totals.lostMiB).toBeCloseTo(10_000, 3);
    expect(sim.lag.maxMiB[2]).toBeCloseTo(10_000, 3);
    expect(sim.lag.lostMiB[0]).toBeCloseTo(10_000, 3);
  });
});
