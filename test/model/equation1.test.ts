// AWS's right-sizing Equation 1 (Hausmann, "Best practices for right-sizing your Apache Kafka
// clusters", AWS Big Data Blog; msk-facts.md §7a) must come out of the model as its
// steady-state limit:
//   max(t_cluster) = min( storage·N/r, EBS·N/r, network·N/(c + r − 1) )
// with N brokers, replication factor r and c consumer groups reading at the tail. We bisect on
// constant ingress for the rate at which any backlog (producer, follower or consumer) starts to
// grow, and compare. Per-broker figures are the EC2 baselines of msk-facts.md §1c (Gbps × 125 =
// MiB/s, EBS MB/s as MiB/s, the catalog's convention) with the default 250 MiB/s volume.
import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.js';
import { broker, config, flat, topic } from './fixtures.js';
import type { BrokerSpec } from '../../src/model/config.js';

function backlogGrows(spec: BrokerSpec, groups: number, ingressMiBps: number): boolean {
  const sim = simulate(config({ durationS: 3600, broker: spec, topics: [topic(ingressMiBps, { groups })], initialCreditFraction: 0 }));
  return sim.lag.maxMiB[0]! + sim.lag.maxMiB[1]! + sim.lag.maxMiB[2]! > 1e-6;
}

function sustainableIngress(spec: BrokerSpec, groups: number): number {
  let lo = 0;
  let hi = 10_000;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (backlogGrows(spec, groups, mid)) hi = mid;
    else lo = mid;
  }
  return lo;
}

function equation1(storage: number, ebs: number, network: number, n: number, r: number, c: number) {
  const terms = { storage: (storage * n) / r, ebs: (ebs * n) / r, network: (network * n) / (c + r - 1) };
  const binding = (Object.keys(terms) as (keyof typeof terms)[]).reduce((a, b) => (terms[a] <= terms[b] ? a : b));
  return { limit: terms[binding], binding };
}

describe('Equation 1 as the steady-state limit of the model', () => {
  const cases = [
    // kafka.m5.4xlarge: EBS 593.75 MB/s, network 5 Gbps = 625 MiB/s; the 250 MiB/s volume binds.
    { name: 'm5.4xlarge, 1 group: volume throughput binds', ebs: 593.75, network: 625, groups: 1, expected: 'storage' },
    // kafka.m5.large: EBS baseline 81.25 MB/s, network 0.75 Gbps = 93.75 MiB/s; EBS binds at c = 1.
    { name: 'm5.large, 1 group: EC2-to-EBS bandwidth binds', ebs: 81.25, network: 93.75, groups: 1, expected: 'ebs' },
    // The same broker with three consumer groups: network out binds.
    { name: 'm5.large, 3 groups: network binds', ebs: 81.25, network: 93.75, groups: 3, expected: 'network' },
  ] as const;

  for (const c of cases) {
    it(c.name, () => {
      const spec = broker({
        networkInMiBps: flat(c.network),
        networkOutMiBps: flat(c.network),
        ebsMiBps: flat(c.ebs),
        volumeThroughputMiBps: 250,
      });
      const reference = equation1(250, c.ebs, c.network, 6, 3, c.groups);
      expect(reference.binding).toBe(c.expected);
      const simulated = sustainableIngress(spec, c.groups);
      expect(Math.abs(simulated - reference.limit) / reference.limit).toBeLessThan(0.02);
    });
  }
});
