// Rack-aware reads and the ISR, worked by hand on two brokers in two AZs: broker 1 (AZ 0) leads
// the one partition, broker 2 (AZ 1) follows it (RF 2). Producers ask for more than the leader's
// network in, 100 MiB/s, so it appends 100. One rack-aware group reads everything from EBS
// (lagging, diskReadFraction 1), half from each AZ's replica. The follower's EBS carries E MiB/s:
// its own appends r plus the reads of AZ 1, g/2.
// - With the reads on it, r and g share E max-min fairly: r = g = E/1.5. With E = 120 that is 80,
//   20 MiB/s short of the appends, so the follower leaves the ISR at replica.lag.time.max.ms.
// - Its readers keep their preferred read replica until their lease ends (metadata.max.age.ms,
//   T = 300 s after the leader named it, at 0): from then they read from the leader, and the
//   follower fetches at its whole EBS, 120 MiB/s, catching up at 20 MiB/s.
// - At T it is 20·T behind, so it catches up at 2T and rejoins; the leader names it again, the
//   reads come back with a new lease, and it falls behind again. One cycle lasts
//   T·(1 + (a − r_on)/(r_off − a)) = 300·(1 + 20/20) = 600 s: shrink at 30 + 600·i, expand at
//   600·(i + 1). Moving the reads at the ISR change instead made the cycle 30·(1 + 20/20) = 60 s.
// - With E = 90 the follower is short of the appends even without the reads: it leaves once and
//   never rejoins, and its readers leave it when the lease ends, at 300 s, for good.
import { describe, expect, it } from 'vitest';
import { resolveAssumptions } from '../../src/catalog/index.js';
import { buildModelConfig } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { broker, config, flat, topic } from './fixtures.js';
import { simulate } from './simulate.js';

const MIB = 2 ** 20;

function pair(followerEbsMiBps: number, durationS: number, leaseS?: number) {
  const leader = broker({ networkInMiBps: flat(100), ebsMiBps: flat(1000), volumeThroughputMiBps: 1000 });
  const follower = broker({ ebsMiBps: flat(followerEbsMiBps), volumeThroughputMiBps: followerEbsMiBps });
  const t = topic(1000, { partitions: 1, replicationFactor: 2, minInsyncReplicas: 1, groups: 0 });
  return simulate(
    config({
      durationS,
      brokers: 2,
      azs: 2,
      clientAzs: 2,
      brokerSpecs: [leader, follower],
      ...(leaseS === undefined ? {} : { readReplicaLeaseS: leaseS }),
      topics: [
        {
          ...t,
          producers: [{ ...t.producers[0]!, acks: '1' }],
          consumerGroups: [{ name: 'reader', mode: { kind: 'lagging', diskReadFraction: 1 }, rackAware: true, instances: 1, fetchMinBytes: 1, fetchMaxWaitS: 0.5 }],
        },
      ],
    }),
  );
}

const isrChanges = (sim: ReturnType<typeof pair>) =>
  sim.timeline.filter((e) => e.kind === 'isr-shrink' || e.kind === 'isr-expand').map((e) => [e.kind, Number(e.timeS.toFixed(6))]);

describe('a follower that falls behind only under the reads it serves', () => {
  const sim = pair(120, 1800);

  it('is placed as the hand calculation assumes: broker 1 leads', () => {
    expect(sim.state.leaderSlot[0]).toBe(0);
    expect(sim.state.classes[0]!.replicas).toEqual([0, 1]);
  });

  it('leaves the ISR after 30 s and rejoins one lease later plus its catch-up, every 600 s', () => {
    expect(isrChanges(sim)).toEqual([
      ['isr-shrink', 30],
      ['isr-expand', 600],
      ['isr-shrink', 630],
      ['isr-expand', 1200],
      ['isr-shrink', 1230],
    ]);
  });

  it('serves its AZ\'s reads until the lease ends, then none until it is back in the ISR', () => {
    // BytesOutPerSec counts consumer fetches served: g/2 = 40 MiB/s while it holds the readers.
    const out = sim.series.broker.BytesOutPerSec[1]!;
    const at = (s: number) => out[Math.floor(s / 60)]! / MIB;
    expect(at(60)).toBeCloseTo(40, 6);
    expect(at(240)).toBeCloseTo(40, 6);
    expect(at(360)).toBe(0);
    expect(at(540)).toBe(0);
    expect(at(660)).toBeCloseTo(40, 6);
  });

  it('with a lease as short as replica.lag.time.max.ms, cycles every 60 s as the readers move at once', () => {
    const quick = pair(120, 200, 30);
    expect(isrChanges(quick)).toEqual([
      ['isr-shrink', 30],
      ['isr-expand', 60],
      ['isr-shrink', 90],
      ['isr-expand', 120],
      ['isr-shrink', 150],
      ['isr-expand', 180],
    ]);
  });
});

describe('a follower short of the appends even without the reads', () => {
  const sim = pair(90, 1800);

  it('leaves the ISR once, at 30 s, and stays out while the overload lasts', () => {
    expect(isrChanges(sim)).toEqual([['isr-shrink', 30]]);
  });

  it('keeps its readers until the lease ends at 300 s, then replicates at its whole EBS', () => {
    const out = sim.series.broker.BytesOutPerSec[1]!;
    const repl = sim.series.broker.ReplicationBytesInPerSec[1]!;
    expect(out[4]! / MIB).toBeCloseTo(30, 6); // 90 / 1.5 each, half of the group's reads here
    expect(out[6]! / MIB).toBe(0);
    expect(repl[6]! / MIB).toBeCloseTo(90, 6);
  });
});

describe('the fuzz finding slow-isr-flapping, minimised: acks=0 far beyond six m5.2xlarge, one rack-aware group', () => {
  // 16,198 × 1 MB/s into 4 partitions saturates every broker's EBS from t = 0; the group reads a
  // fifth from EBS, from its AZ's replica. One follower is tipped behind by those reads and
  // cycles: ρ = (a − r_on)/(r_off − a) ≈ 1.02, so a cycle lasted 30·(1 + ρ) ≈ 60.7 s when the reads
  // moved at the ISR change (118 ISR entries in the hour) and lasts 300·(1 + ρ) ≈ 607 s with the lease.
  const text = `
name: isr-flapping-minimal
seed: 529574
duration: 1h
workload:
  topics:
    - name: topic-0
      partitions: 4
      replicationFactor: 3
      messageSize: 1MB
      producers: [ { rate: 16198msg/s, acks: 0 } ]
      consumerGroups:
        - { name: g, mode: lagging, lagging: { diskReadFraction: 0.2 }, rackAware: true }
deployments:
  - { name: d, type: provisioned, brokerType: kafka.m5.2xlarge, brokers: 6, azs: 3, storage: { size: 16384GiB }, warmStart: false }
`;
  const loaded = loadScenario(text, 'minimal.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const d = loaded.scenario.deployments[0]!;
  if (d.type !== 'provisioned') throw new Error('expected a provisioned deployment');
  const sim = simulate({ ...buildModelConfig(loaded.scenario, d, resolveAssumptions(), { verify: true }), latency: null });
  const expands = sim.timeline.filter((e) => e.kind === 'isr-expand').map((e) => e.timeS);

  it('rejoins at most once per lease: consecutive expansions at least 300 s apart', () => {
    expect(expands.length).toBeGreaterThan(1);
    for (let i = 1; i < expands.length; i++) expect(expands[i]! - expands[i - 1]!).toBeGreaterThanOrEqual(300);
  });

  it('changes the ISR a dozen times in the hour, not a hundred', () => {
    expect(sim.timeline.filter((e) => e.kind === 'isr-shrink' || e.kind === 'isr-expand').length).toBeLessThanOrEqual(12);
  });
});
