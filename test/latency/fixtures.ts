// Snapshots for the latency tests: clusters whose fluid loads are computed from their own
// partition groups the way the model computes them (produce and replication on network in,
// replication and consumer fetches on network out, appends on EBS, request CPU), plus any
// extra background load, and scaled so the busiest resource sits at a chosen utilisation.
import { batchBytes, MIB } from '../../src/latency/routes.js';
import type { LatencyParams, LatencySnapshot, PartitionGroup } from '../../src/latency/snapshot.js';

export interface ClusterSpec {
  brokers: number;
  azs: number;
  clientAzs?: number;
  netInMiBps: number;
  netOutMiBps: number;
  ebsMiBps: number;
  cpuCores: number;
  groups: PartitionGroup[];
  /** Extra load per broker beyond the groups' own, in each resource's unit. */
  extraNetOutMiBps?: number;
  extraCpuCores?: number;
  params?: Partial<LatencyParams>;
}

export const PARAMS: LatencyParams = {
  rttSameAzS: 0.0002,
  rttCrossAzS: 0.001,
  rttInterBrokerS: 0.001,
  ioThreads: 8,
  networkThreads: 3,
  cpuSecondsPerRequest: 0.0001,
  cpuSecondsPerMiB: 0.01,
};

/**
 * Every source of variability that is not a queue switched off (variability.ts): for tests of
 * the queues and the path's fixed parts alone.
 */
export const QUIET: Partial<LatencyParams> = { variability: false };

export function group(leader: number, followers: number[], over: Partial<PartitionGroup> = {}): PartitionGroup {
  return {
    count: 10,
    leader,
    followers,
    produceMiBps: 1,
    messageBytes: 1024,
    batchSizeBytes: 16384,
    lingerS: 0.005,
    producerInstances: 1,
    acks: 'all',
    consumerGroups: 1,
    fetchFromFollowerSameAz: false,
    ...over,
  };
}

/** One group led by each broker, followed by the next rf − 1 brokers (other AZs when rf ≤ azs). */
export function ringGroups(brokers: number, rf: number, over: Partial<PartitionGroup> = {}): PartitionGroup[] {
  return Array.from({ length: brokers }, (_, b) =>
    group(
      b,
      Array.from({ length: rf - 1 }, (_, k) => (b + k + 1) % brokers),
      over,
    ),
  );
}

export function snapshotOf(spec: ClusterSpec): LatencySnapshot {
  const n = spec.brokers;
  const params = { ...PARAMS, ...spec.params };
  const zs = spec.clientAzs ?? spec.azs;
  const azOfBroker = Array.from({ length: n }, (_, b) => b % spec.azs);
  const s: LatencySnapshot = {
    brokers: n,
    azOfBroker,
    clientAzs: zs,
    netInMiBps: new Float64Array(n).fill(spec.netInMiBps),
    netOutMiBps: new Float64Array(n).fill(spec.netOutMiBps),
    ebsMiBps: new Float64Array(n).fill(spec.ebsMiBps),
    cpuCores: new Float64Array(n).fill(spec.cpuCores),
    netInLoad: new Float64Array(n),
    netOutLoad: new Float64Array(n).fill(spec.extraNetOutMiBps ?? 0),
    ebsLoad: new Float64Array(n),
    cpuLoad: new Float64Array(n).fill(spec.extraCpuCores ?? 0),
    partitions: spec.groups,
    params,
  };
  for (const g of spec.groups) {
    const miBps = g.count * g.produceMiBps;
    s.netInLoad[g.leader]! += miBps;
    s.ebsLoad[g.leader]! += miBps;
    const bytes = batchBytes((g.produceMiBps * MIB) / g.producerInstances, g.lingerS, g.messageBytes, g.batchSizeBytes);
    const requestsPerS = (miBps * MIB) / bytes;
    s.cpuLoad[g.leader]! += requestsPerS * (params.cpuSecondsPerRequest + ((params.cpuSecondsPerMiB ?? 0.01) * bytes) / MIB);
    for (const f of g.followers) {
      s.netOutLoad[g.leader]! += miBps;
      s.netInLoad[f]! += miBps;
      s.ebsLoad[f]! += miBps;
    }
    for (let z = 0; z < zs; z++) {
      const local = g.fetchFromFollowerSameAz && azOfBroker[g.leader] !== z ? g.followers.find((f) => azOfBroker[f] === z) : undefined;
      s.netOutLoad[local ?? g.leader]! += (g.consumerGroups * miBps) / zs;
    }
  }
  return s;
}

/** Utilisation of the busiest resource (network in/out, EBS, CPU) of any broker. */
export function busiest(s: LatencySnapshot): number {
  let rho = 0;
  for (let b = 0; b < s.brokers; b++) {
    rho = Math.max(rho, s.netInLoad[b]! / s.netInMiBps[b]!, s.netOutLoad[b]! / s.netOutMiBps[b]!);
    rho = Math.max(rho, s.ebsLoad[b]! / s.ebsMiBps[b]!, s.cpuLoad[b]! / Math.min(s.cpuCores[b]!, s.params.ioThreads));
  }
  return rho;
}

/** The spec with every group's produce rate scaled so the busiest resource is at `rho`. */
export function atUtilisation(spec: ClusterSpec, rho: number): LatencySnapshot {
  const at = (k: number): LatencySnapshot => snapshotOf({ ...spec, groups: spec.groups.map((g) => ({ ...g, produceMiBps: g.produceMiBps * k })) });
  let lo = 0;
  let hi = 1;
  while (busiest(at(hi)) < rho) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (busiest(at(mid)) < rho) lo = mid;
    else hi = mid;
  }
  return at(hi);
}
