// Thresholds as closed-form crossings, and retention and replays from the append history.
import { describe, expect, it } from 'vitest';
import type { ResolvedProfileFactor } from '../../src/scenario/types.js';
import { broker, config, flat, topic } from './fixtures.js';
import { simulate } from './simulate.js';

const MIB = 2 ** 20;
const single = { brokers: 1, azs: 1, clientAzs: 1 } as const;

describe('the page-cache switch is a crossing, not a side effect of the next event', () => {
  // One broker, one partition, 10 MiB/s appended; the group's reads are held to 5 MiB/s by
  // network out, so it falls behind at 5 MiB/s. The page cache holds 1 GiB of the broker's
  // writes — all of this partition — so the group's reads miss it once it is 1,024 MiB behind:
  // at 1,024 / 5 = 204.8 s. From then on its reads load EBS too (10 + 5 MiB/s). The switch lands
  // on the far side of the window's edge band, 10⁻⁹ of the window (1.024·10⁻⁶ MiB) past it:
  // 2·10⁻⁷ s late, hence 6 decimals.
  function run(profile: ResolvedProfileFactor[]) {
    const t = topic(10, { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, groups: 1 });
    return simulate(
      config({
        ...single,
        durationS: 3600,
        broker: broker({ networkOutMiBps: flat(5), pageCacheGiB: 1 }),
        topics: [{ ...t, producers: [{ ...t.producers[0]!, profile }] }],
      }),
    );
  }

  it('switches at 204.8 s', () => {
    const sim = run([]);
    const start = sim.timeline.find((e) => e.kind === 'disk-reads-started');
    expect(start?.timeS).toBeCloseTo(204.8, 6);
    const ebs = sim.series.broker.EbsThroughputUtilization[0]!;
    expect(ebs[3]).toBeCloseTo((10 / 250) * 100, 9); // 180 s: the cache serves the reads
    expect(ebs[4]).toBeCloseTo((15 / 250) * 100, 9); // 240 s: EBS serves them
  });

  it('switches at the same instant when load-neutral profile steps add events', () => {
    const steps: ResolvedProfileFactor = { type: 'steps', steps: [{ atS: 17, factor: 1 }, { atS: 3000, factor: 1 }] };
    const sim = run([steps, { type: 'weekly', weekendFactor: 1 }]);
    expect(sim.timeline.find((e) => e.kind === 'disk-reads-started')?.timeS).toBeCloseTo(204.8, 6);
  });
});

describe('retention from the append history', () => {
  it('keeps stored bytes at midnight constant to 1e-9 over 14 days of a diurnal load', () => {
    // One day of retention under a daily-periodic load: at every midnight the log holds the
    // same day's worth of appends, ∫ rate over one period.
    const t = topic(40, { partitions: 12, retentionS: 86_400, groups: 0 });
    const sim = simulate(
      config({
        durationS: 14 * 86_400,
        intervalS: 3600,
        warmStart: true,
        profileStepS: 600,
        topics: [{ ...t, producers: [{ ...t.producers[0]!, profile: [{ type: 'diurnal', peakToMean: 1.8, peakHourUtc: 15 }] }] }],
        verify: false,
      }),
    );
    const stored = sim.series.cluster.StoredBytes;
    const first = stored[24]!;
    expect(first / MIB).toBeCloseTo(40 * 86_400, 0);
    for (let day = 2; day <= 14; day++) expect(Math.abs(stored[day * 24]! / first - 1)).toBeLessThan(1e-9);
  });
});

describe('a replay re-reads the bytes written in the rewound window', () => {
  // 10 MiB/s for 4.5 h, then 20 MiB/s. At 5 h the group rewinds 1 h: it must re-read
  // 0.5 h × 10 + 0.5 h × 20 = 54,000 MiB over all partitions — not today's
  // rate × 1 h (72,000). It re-reads at up to 50 MiB/s on top of the tail.
  const t = topic(10, { partitions: 4, replicationFactor: 1, minInsyncReplicas: 1, retentionS: 86_400, groups: 1 });
  const sim = simulate(
    config({
      ...single,
      durationS: 8 * 3600,
      topics: [
        {
          ...t,
          producers: [{ ...t.producers[0]!, profile: [{ type: 'steps', steps: [{ atS: 4.5 * 3600, factor: 2 }] }] }],
          consumerGroups: [{ ...t.consumerGroups[0]!, mode: { kind: 'replay', firstStartS: 5 * 3600, everyS: null, rewindS: 3600, rateMiBps: 50 } }],
        },
      ],
    }),
  );

  it('rewinds by exactly 54,000 MiB', () => {
    expect(sim.lag.maxMiB[2]).toBeCloseTo(54_000, 6);
  });

  it('reads everything appended plus the rewound window once', () => {
    const appended = 10 * 4.5 * 3600 + 20 * 3.5 * 3600;
    expect(sim.usage.fetchedMiB).toBeCloseTo(appended + 54_000, 4);
  });
});

describe('retention.bytes and retention.ms together', () => {
  // One partition, 1,000 s of time retention and 3,000 MiB of size retention; 10 MiB/s until
  // 2,000 s, then 2. Until 2,000 s size binds (stored 3,000). Then the size limit's log start
  // moves at 2 MiB/s and the time limit's at 10: time overtakes size when
  // 17,000 + 2(t − 2,000) = 10(t − 1,000), at t = 2,875 s, and stored falls at 8 MiB/s to
  // 2 × 1,000 = 2,000 MiB at 3,000 s. A group held to 1 MiB/s sits at the log start throughout.
  const t = topic(10, { partitions: 1, replicationFactor: 1, minInsyncReplicas: 1, groups: 1, retentionS: 1000, retentionGiBPerPartition: 3000 / 1024 });
  const sim = simulate(
    config({
      ...single,
      durationS: 5000,
      intervalS: 125,
      broker: broker({ networkOutMiBps: flat(1) }),
      topics: [{ ...t, producers: [{ ...t.producers[0]!, profile: [{ type: 'steps', steps: [{ atS: 2000, factor: 0.2 }] }] }] }],
    }),
  );
  const storedAt = (s: number) => sim.series.cluster.StoredBytes[s / 125]! / MIB;

  it('switches from the size limit to the time limit at 2,875 s', () => {
    expect(storedAt(2000)).toBeCloseTo(3000, 6);
    expect(storedAt(2875)).toBeCloseTo(3000, 6);
    expect(storedAt(3000)).toBeCloseTo(2000, 6);
    expect(storedAt(4000)).toBeCloseTo(2000, 6);
  });

  it('takes a handful of events, not a cascade towards the switch', () => {
    expect(sim.model.eventsProcessed).toBeLessThan(100);
  });
});
