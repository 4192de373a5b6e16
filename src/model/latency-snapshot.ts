// The cluster as the latency layer sees it at one moment (src/latency/snapshot.ts): current
// capacities (after credit buckets) and fluid loads per broker, and one partition group per
// live partition class with its producer settings. Built after every allocation.
import type { LatencyParams, LatencySnapshot, PartitionGroup } from '../latency/snapshot.js';
import type { ClusterSimulation } from './cluster-sim.js';
import { CPU, EBS, NET_IN, NET_OUT, PRODUCE, REPLICATE, RESOURCES_PER_BROKER } from './network.js';
import { azOfBroker } from './placement.js';

/**
 * `saturatedUtilization`: null keeps loads as they are (a saturated resource then has no
 * stationary latency: request-level windows show it growing); a fraction caps each load at that
 * share of capacity, for the per-interval estimate, whose producer waits carry the excess.
 */
export function latencySnapshot(s: ClusterSimulation, params: LatencyParams, saturatedUtilization: number | null): LatencySnapshot {
  const n = s.config.brokers;
  const pick = (from: Float64Array, kind: number) => {
    const out = new Float64Array(n);
    for (let b = 0; b < n; b++) out[b] = from[b * RESOURCES_PER_BROKER + kind]!;
    if (from === s.alloc.load && saturatedUtilization !== null) {
      for (let b = 0; b < n; b++) {
        const cap = s.capacity[b * RESOURCES_PER_BROKER + kind]! * saturatedUtilization;
        if (out[b]! > cap) out[b] = cap;
      }
    }
    return out;
  };
  return {
    brokers: n,
    azOfBroker: Array.from({ length: n }, (_, b) => azOfBroker(b, s.config.azs)),
    clientAzs: s.config.clientAzs,
    netInMiBps: pick(s.capacity, NET_IN),
    netOutMiBps: pick(s.capacity, NET_OUT),
    ebsMiBps: pick(s.capacity, EBS),
    cpuCores: pick(s.capacity, CPU),
    netInLoad: pick(s.alloc.load, NET_IN),
    netOutLoad: pick(s.alloc.load, NET_OUT),
    ebsLoad: pick(s.alloc.load, EBS),
    cpuLoad: pick(s.alloc.load, CPU),
    partitions: partitionGroups(s),
    params,
  };
}

/**
 * One group per live produce flow. Followers count as in sync while their lag is zero (a
 * follower catching up is out of the ISR, and acks=all does not wait for it). A topic's first
 * producer gives the batch settings; its producer instances are summed.
 */
function partitionGroups(s: ClusterSimulation): PartitionGroup[] {
  const followers = followersOf(s);
  return producerFlows(s).map((i) => partitionGroup(s, i, followers.get(i) ?? []));
}

/** Indices of the live produce flows, in flow order: one partition group each. */
export function producerFlows(s: ClusterSimulation): number[] {
  const out: number[] = [];
  const f = s.flows;
  for (let i = 0; i < f.net.flowCount; i++) if (f.kind[i] === PRODUCE && f.broker[i]! >= 0 && s.alloc.rate[i]! > 0) out.push(i);
  return out;
}

/** Seconds a batch produced now waits in the producer: the backlog ahead of it ÷ the rate. */
export function producerWaitS(s: ClusterSimulation, flow: number, sinceS: number): number {
  const rate = s.alloc.rate[flow]!;
  const backlog = Math.max(0, s.backlog[flow]! + (s.baseDemand[flow]! - rate) * sinceS);
  return rate > 0 ? backlog / rate : 0;
}

function followersOf(s: ClusterSimulation): Map<number, number[]> {
  const f = s.flows;
  const followers = new Map<number, number[]>();
  for (let i = 0; i < f.net.flowCount; i++) {
    if (f.kind[i] !== REPLICATE || s.backlog[i]! > 0) continue;
    const list = followers.get(f.source[i]!) ?? [];
    list.push(f.broker[i]!);
    followers.set(f.source[i]!, list);
  }
  return followers;
}

function partitionGroup(s: ClusterSimulation, i: number, followers: number[]): PartitionGroup {
  const f = s.flows;
  const topic = s.config.topics[s.classes[f.klass[i]!]!.topic]!;
  const producer = topic.producers[0]!;
  return {
    count: f.net.multiplicity[i]!,
    leader: f.broker[i]!,
    followers,
    produceMiBps: s.alloc.rate[i]!,
    messageBytes: topic.messageSize.meanBytes * topic.compressionRatio,
    batchSizeBytes: producer.batchSizeBytes,
    lingerS: producer.lingerS,
    producerInstances: topic.producers.reduce((sum, p) => sum + p.instances, 0),
    acks: producer.acks,
    consumerGroups: topic.consumerGroups.length,
    fetchFromFollowerSameAz: topic.consumerGroups.some((g) => g.rackAware),
    producerWaitS: producerWaitS(s, i, 0),
  };
}

/** Relative change of latency below which two snapshots count as one (see similarSnapshot). */
const SIMILAR = 0.02;

/**
 * True when `b` would give the same latency as `a` to about 2 %: the same capacities, groups
 * and producer waits, produce rates within 2 %, and each utilisation ρ within 2 % of ρ(1 − ρ)
 * — an M/G/1 wait grows like ρ/(1 − ρ), whose relative change is Δρ/(ρ(1 − ρ)). The estimate
 * then keeps accumulating time under `a` instead of being recomputed for a change well inside
 * the uncertainty of its own assumptions.
 */
export function similarSnapshot(a: LatencySnapshot, b: LatencySnapshot): boolean {
  const capacities = ['netInMiBps', 'netOutMiBps', 'ebsMiBps', 'cpuCores'] as const;
  const loads = ['netInLoad', 'netOutLoad', 'ebsLoad', 'cpuLoad'] as const;
  for (let k = 0; k < capacities.length; k++) {
    const ca = a[capacities[k]!];
    const cb = b[capacities[k]!];
    const la = a[loads[k]!];
    const lb = b[loads[k]!];
    for (let i = 0; i < ca.length; i++) {
      if (ca[i] !== cb[i]) return false;
      const rhoA = la[i]! / ca[i]!;
      const rhoB = lb[i]! / cb[i]!;
      if (Math.abs(rhoA - rhoB) > SIMILAR * rhoA * (1 - rhoA) && rhoA !== rhoB) return false;
    }
  }
  if (a.partitions.length !== b.partitions.length) return false;
  for (let g = 0; g < a.partitions.length; g++) {
    const p = a.partitions[g]!;
    const q = b.partitions[g]!;
    if (p.leader !== q.leader || p.followers.length !== q.followers.length || p.producerWaitS !== q.producerWaitS) return false;
    if (Math.abs(p.produceMiBps - q.produceMiBps) > SIMILAR * p.produceMiBps) return false;
  }
  return true;
}
