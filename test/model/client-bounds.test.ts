// The producer client bounds what waits in it, worked by hand on two brokers: broker 1 leads the
// one partition, its EBS takes 100 MiB/s, producers ask for 120 MiB/s with acks=1, so 20 MiB/s
// wait in the producer.
// - buffer.memory 64 MiB: the backlog fills in 64 / 20 = 3.2 s; from then on 20 MiB/s fail at
//   the client.
// - delivery.timeout.ms 30 s: a record waits at most 30 s, so the backlog holds at most the last
//   30 s of demand, 120 × 30 = 3,600 MiB, reached at 3,600 / 20 = 180 s.
// - acks=all below min.insync.replicas: every send is refused and retried until the timeout, so
//   the backlog holds 30 s of demand and everything beyond fails.
import { describe, expect, it } from 'vitest';
import type { Acks } from '../../src/scenario/types.js';
import { broker, config, flat, topic } from './fixtures.js';
import { simulate } from './simulate.js';

const MIB = 2 ** 20;
const DURATION_S = 600;

function run(acks: Acks, client: { bufferMemoryBytes: number; deliveryTimeoutS: number }, events: { atS: number; broker: number; kind: 'down' | 'up' }[] = []) {
  const t = topic(120, { partitions: 1, replicationFactor: 2, minInsyncReplicas: 2, groups: 0 });
  return simulate(
    config({
      durationS: DURATION_S,
      brokers: 2,
      azs: 1,
      clientAzs: 1,
      brokerSpecs: [broker({ ebsMiBps: flat(100) }), broker()],
      topics: [{ ...t, producers: [{ ...t.producers[0]!, acks, ...client }] }],
      brokerEvents: events,
    }),
  );
}

describe('buffer.memory bounds the backlog; the rest fails at the client', () => {
  const sim = run('1', { bufferMemoryBytes: 64 * MIB, deliveryTimeoutS: 120 });

  it('holds 64 MiB at the end', () => {
    expect(sim.producerBacklogMiB).toBeCloseTo(64, 9);
  });

  it('fails 20 MiB/s from 3.2 s on: 20 × (600 − 3.2) MiB', () => {
    expect(sim.totals.clientLostMiB).toBeCloseTo(20 * (DURATION_S - 3.2), 6);
  });
});

describe('delivery.timeout.ms bounds the backlog to the demand of one timeout', () => {
  const sim = run('1', { bufferMemoryBytes: 2 ** 40, deliveryTimeoutS: 30 });

  it('holds 120 × 30 MiB at the end', () => {
    expect(sim.producerBacklogMiB).toBeCloseTo(3600, 6);
  });

  it('fails 20 MiB/s from 180 s on', () => {
    expect(sim.totals.clientLostMiB).toBeCloseTo(20 * (DURATION_S - 180), 6);
  });
});

describe('acks=all below min.insync.replicas: refused sends are retried until they expire', () => {
  // The follower is down from 100 s to 400 s: 300 s of refusal at 120 MiB/s. Before and after,
  // acks=all accepts what the leader's EBS takes, 100 MiB/s, so 20 MiB/s wait then too.
  const sim = run('all', { bufferMemoryBytes: 2 ** 40, deliveryTimeoutS: 30 }, [
    { atS: 100, broker: 1, kind: 'down' },
    { atS: 400, broker: 1, kind: 'up' },
  ]);

  it('counts the refused demand: 120 MiB/s for 300 s', () => {
    expect(sim.totals.refusedMiB).toBeCloseTo(120 * 300, 6);
  });

  it('conserves bytes: produced = stored + deleted + waiting + failed at the client', () => {
    const t = sim.totals;
    expect(t.initialStoredMiB + t.producedMiB).toBeCloseTo(sim.storedMiB + t.deletedMiB + sim.producerBacklogMiB + t.clientLostMiB, 6);
  });

  it('never holds more than 30 s of demand: 3,600 MiB', () => {
    expect(sim.lag.maxMiB[0]).toBeCloseTo(3600, 6);
  });

  it('fails what does not fit: full at 100 + (3,600 − 2,000) / 120 s, then 120 MiB/s until 400 s and 20 MiB/s after', () => {
    const fullS = 100 + (3600 - 20 * 100) / 120;
    expect(sim.totals.clientLostMiB).toBeCloseTo(120 * (400 - fullS) + 20 * (DURATION_S - 400), 6);
  });
});
