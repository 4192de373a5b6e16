// With acks=all a produce request completes only when every in-sync follower has the bytes, and
// consumers read only up to the high watermark, so at 1.05× the sustainable ingress of AWS's
// Equation 1 (Hausmann, AWS Big Data Blog; msk-facts.md §7a),
//   max(t_cluster) = min(volume·N/r, EBS·N/r, network·N/(c + r − 1)),
// what producers get accepted, what followers replicate (per follower) and what each consumer
// group reads must all equal that limit: produce cannot run ahead of replication, and groups
// cannot read what is not replicated. Rack-aware groups (KIP-392) fetch from the replica in their
// own AZ; the network term is unchanged, since every replica serves one AZ's share.
import { describe, expect, it } from 'vitest';
import type { BrokerSpec } from '../../src/model/config.js';
import { broker, config, flat, topic } from './fixtures.js';
import { simulate } from './simulate.js';

const MIB = 2 ** 20;

function equation1(volume: number, ebs: number, network: number, n: number, r: number, c: number): number {
  return Math.min((volume * n) / r, (ebs * n) / r, (network * n) / (c + r - 1));
}

function lastSum(series: Float64Array[]): number {
  return series.reduce((sum, s) => sum + s[s.length - 1]!, 0) / MIB;
}

interface Case {
  name: string;
  spec: BrokerSpec;
  brokers: number;
  groups: number;
  rackAware: boolean;
  volume: number;
  ebs: number;
  network: number;
}

const cases: Case[] = [
  // kafka.m5.4xlarge: EBS 593.75, network 625 MiB/s; the 250 MiB/s volume binds.
  { name: 'volume throughput (m5.4xlarge, 1 group)', brokers: 6, groups: 1, rackAware: false, volume: 250, ebs: 593.75, network: 625, spec: broker() },
  // kafka.m5.large: EBS 81.25, network 93.75 MiB/s; EBS binds at c = 1.
  { name: 'EC2-to-EBS bandwidth (m5.large, 1 group)', brokers: 6, groups: 1, rackAware: false, volume: 250, ebs: 81.25, network: 93.75, spec: broker() },
  // kafka.m5.large with three groups: network out binds.
  { name: 'network out (m5.large, 3 groups)', brokers: 6, groups: 3, rackAware: false, volume: 250, ebs: 81.25, network: 93.75, spec: broker() },
  // 12 × kafka.m5.xlarge (network 156.25, EBS 143.75 MiB/s) with five rack-aware groups.
  { name: 'network out, rack-aware (12 × m5.xlarge, 5 groups)', brokers: 12, groups: 5, rackAware: true, volume: 250, ebs: 143.75, network: 156.25, spec: broker() },
];

describe('acks=all at 1.05× the Equation 1 limit: accepted = replicated = consumed = the limit', () => {
  for (const c of cases) {
    it(c.name, () => {
      const limit = equation1(c.volume, c.ebs, c.network, c.brokers, 3, c.groups);
      const t = topic(limit * 1.05, { groups: c.groups, partitions: c.brokers * 10 });
      const groups = t.consumerGroups.map((g) => ({ ...g, rackAware: c.rackAware }));
      const sim = simulate(
        config({
          durationS: 1800,
          brokers: c.brokers,
          broker: { ...c.spec, networkInMiBps: flat(c.network), networkOutMiBps: flat(c.network), ebsMiBps: flat(c.ebs), volumeThroughputMiBps: c.volume },
          topics: [{ ...t, consumerGroups: groups }],
        }),
      );
      const accepted = lastSum(sim.series.broker.BytesInPerSec);
      const replicated = lastSum(sim.series.broker.ReplicationBytesInPerSec) / 2;
      const consumed = lastSum(sim.series.broker.BytesOutPerSec) / c.groups;
      expect(Math.abs(accepted / limit - 1)).toBeLessThan(0.005);
      expect(Math.abs(replicated / accepted - 1)).toBeLessThan(0.005);
      expect(Math.abs(consumed / accepted - 1)).toBeLessThan(0.005);
      // Nothing runs ahead: no follower or consumer lag, only the producers' 5 % backlog.
      expect(sim.lag.maxMiB[1]).toBe(0);
      expect(sim.lag.maxMiB[2]).toBe(0);
      expect(sim.producerBacklogMiB).toBeCloseTo(limit * 0.05 * 1800, 0);
    });
  }
});
