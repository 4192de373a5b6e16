// Kafka's replication semantics, worked by hand on two brokers: broker 1 leads the one partition
// and broker 2 follows it (RF 2). Broker 1's network out — the follower's fetches — carries
// 40 MiB/s; its EBS takes 100 MiB/s; producers ask for 120 MiB/s.
// - acks=1: the leader accepts at its own limit, 100 MiB/s; the follower replicates 40 and falls
//   behind by 60 MiB/s, leaves the ISR after replica.lag.time.max.ms (30 s), and
//   UnderReplicatedPartitions reads 1 from then on.
// - acks=all: produce waits for the in-sync follower, so accepted = replicated = 40 MiB/s and the
//   follower never lags.
// - min.insync.replicas: with the follower stopped, acks=all produce to a partition whose ISR is
//   below min.insync.replicas is refused (NotEnoughReplicas) and waits in the producers.
import { describe, expect, it } from 'vitest';
import type { Acks } from '../../src/scenario/types.js';
import { broker, config, flat, topic } from './fixtures.js';
import { simulate } from './simulate.js';

const MIB = 2 ** 20;

function pair(acks: Acks, options: { minIsr?: number; demand?: number; durationS?: number; events?: { atS: number; broker: number; kind: 'down' | 'up' }[] } = {}) {
  const leader = broker({ networkOutMiBps: flat(40), ebsMiBps: flat(100) });
  const follower = broker();
  const t = topic(options.demand ?? 120, { partitions: 1, replicationFactor: 2, minInsyncReplicas: options.minIsr ?? 1, groups: 0 });
  return simulate(
    config({
      durationS: options.durationS ?? 600,
      brokers: 2,
      azs: 1,
      clientAzs: 1,
      brokerSpecs: [leader, follower],
      topics: [{ ...t, producers: [{ ...t.producers[0]!, acks }] }],
      brokerEvents: options.events ?? [],
    }),
  );
}

describe('acks=1: the leader accepts alone; a slow follower leaves the ISR', () => {
  const sim = pair('1');
  const last = (s: Float64Array) => s[s.length - 1]!;

  it('accepts at the leader\'s limit (its EBS, 100 MiB/s) and replicates 40', () => {
    expect(last(sim.series.broker.BytesInPerSec[0]!) / MIB).toBeCloseTo(100, 9);
    expect(last(sim.series.broker.ReplicationBytesInPerSec[1]!) / MIB).toBeCloseTo(40, 9);
  });

  it('shrinks the ISR at exactly replica.lag.time.max.ms = 30 s', () => {
    const shrink = sim.timeline.find((e) => e.kind === 'isr-shrink');
    expect(shrink?.timeS).toBeCloseTo(30, 6);
    expect(sim.timeline.some((e) => e.kind === 'isr-expand')).toBe(false);
  });

  it('counts the partition under-replicated on its leader from then on', () => {
    const urp = sim.series.broker.UnderReplicatedPartitions[0]!;
    expect(urp[0]).toBe(0);
    expect(last(urp)).toBe(1);
  });

  it('lets the follower fall behind by (100 − 40) MiB/s', () => {
    expect(sim.lag.maxMiB[1]).toBeCloseTo(60 * 600, 6);
  });
});

describe('acks=all: produce waits for the in-sync follower', () => {
  const sim = pair('all');
  const last = (s: Float64Array) => s[s.length - 1]!;

  it('accepts only what the follower replicates: 40 MiB/s each', () => {
    expect(last(sim.series.broker.BytesInPerSec[0]!) / MIB).toBeCloseTo(40, 9);
    expect(last(sim.series.broker.ReplicationBytesInPerSec[1]!) / MIB).toBeCloseTo(40, 9);
  });

  it('keeps the follower in sync: no lag, no ISR change', () => {
    expect(sim.lag.maxMiB[1]).toBe(0);
    expect(sim.timeline.some((e) => e.kind === 'isr-shrink')).toBe(false);
    expect(sim.producerBacklogMiB).toBeCloseTo(80 * 600, 6);
  });
});

describe('min.insync.replicas with acks=all: NotEnoughReplicas while the ISR is short', () => {
  // 30 MiB/s fits everywhere. The follower stops at 100 s and returns at 200 s. With
  // min.insync.replicas = 2 nothing is appended meanwhile, so the follower has nothing to
  // catch up: 100 s × 30 MiB/s are refused and wait in producers, then drain at the 40 MiB/s
  // the follower's fetches allow — 10 MiB/s net, so the backlog of 3,000 MiB clears at 500 s.
  const sim = pair('all', { minIsr: 2, demand: 30, events: [{ atS: 100, broker: 1, kind: 'down' }, { atS: 200, broker: 1, kind: 'up' }] });

  it('refuses 100 s of produce', () => {
    expect(sim.totals.refusedMiB).toBeCloseTo(3000, 6);
    expect(sim.totals.unavailablePartitionS).toBeCloseTo(100, 6);
    const started = sim.timeline.find((e) => e.kind === 'unavailable-started');
    const ended = sim.timeline.find((e) => e.kind === 'unavailable-ended');
    expect(started?.timeS).toBe(100);
    expect(ended?.timeS).toBe(200);
  });

  it('drains the refused bytes after the follower rejoins, by 500 s', () => {
    expect(sim.lag.maxMiB[0]).toBeCloseTo(3000, 6);
    expect(sim.producerBacklogMiB).toBe(0);
    const backlog = sim.series.cluster.ProducerBacklogBytes;
    expect(backlog[Math.round(440 / 60)]! / MIB).toBeCloseTo(3000 - 10 * (420 - 200), 6);
  });

  it('with min.insync.replicas = 1 the leader takes produce alone and the follower catches up', () => {
    const alone = pair('all', { minIsr: 1, demand: 30, events: [{ atS: 100, broker: 1, kind: 'down' }, { atS: 200, broker: 1, kind: 'up' }] });
    expect(alone.totals.refusedMiB).toBe(0);
    // 3,000 MiB behind at 200 s, caught up at 40 − 30 = 10 MiB/s: back in the ISR at 500 s.
    const expand = alone.timeline.find((e) => e.kind === 'isr-expand');
    expect(expand?.timeS).toBeCloseTo(500, 6);
  });
});

describe('acks=1: a follower that falls behind by a hair is not caught up', () => {
  // A warm log of 7 days at 100 MiB/s (6·10⁷ MiB appended) makes the level tolerance about
  // 6·10⁻⁵ MiB. The follower replicates 10⁻⁷ MiB/s less than the leader appends, so at 30 s it lags
  // by 3·10⁻⁶ MiB, well inside the tolerance; but it never reaches the log end, so Kafka's
  // lastCaughtUpTime stays at 0 and the ISR shrinks at replica.lag.time.max.ms.
  const leader = broker({ networkOutMiBps: flat(100 - 1e-7) });
  const t = topic(100, { partitions: 1, replicationFactor: 2, minInsyncReplicas: 1, groups: 0 });
  const sim = simulate(
    config({
      durationS: 120,
      warmStart: true,
      brokers: 2,
      azs: 1,
      clientAzs: 1,
      brokerSpecs: [leader, broker()],
      topics: [{ ...t, producers: [{ ...t.producers[0]!, acks: '1' }] }],
    }),
  );

  it('shrinks the ISR at 30 s and does not expand it again', () => {
    const changes = sim.timeline.filter((e) => e.kind === 'isr-shrink' || e.kind === 'isr-expand');
    expect(changes.map((e) => [e.kind, e.timeS])).toEqual([['isr-shrink', 30]]);
  });

  it('lets the lag grow by 10⁻⁷ MiB/s for the whole run', () => {
    expect(sim.lag.maxMiB[1]).toBeCloseTo(120e-7, 9);
  });
});
