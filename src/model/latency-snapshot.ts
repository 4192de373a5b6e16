// The cluster as the latency layer sees it at one moment (src/latency/snapshot.ts): current
// capacities (after credit buckets) and fluid loads per broker, and one partition group per
// live partition class with its producer settings. Built after every allocation.
import type { LatencyParams, LatencySnapshot, PartitionGroup } from '../latency/snapshot.js';
import type { ClusterSimulation } from './cluster-sim.js';
import { CPU, EBS, NET_IN, NET_OUT, PRODUCE, REPLICATE, RESOURCES_PER_BROKER } from './network.js';
import { azOfBroker } from './placement.js';

export function latencySnapshot(s: ClusterSimulation, params: LatencyParams): LatencySnapshot {
  const n = s.config.brokers;
  const pick = (from: Float64Array, kind: number) => {
    const out = new Float64Array(n);
    for (let b = 0; b < n; b++) out[b] = from[b * RESOURCES_PER_BROKER + kind]!;
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
  const f = s.flows;
  const followers = new Map<number, number[]>();
  for (let i = 0; i < f.net.flowCount; i++) {
    if (f.kind[i] !== REPLICATE || s.backlog[i]! > 0) continue;
    const list = followers.get(f.source[i]!) ?? [];
    list.push(f.broker[i]!);
    followers.set(f.source[i]!, list);
  }
  const groups: PartitionGroup[] = [];
  for (let i = 0; i < f.net.flowCount; i++) {
    if (f.kind[i] !== PRODUCE || f.broker[i]! < 0) continue;
    const topic = s.config.topics[s.classes[f.klass[i]!]!.topic]!;
    const producer = topic.producers[0]!;
    groups.push({
      count: f.net.multiplicity[i]!,
      leader: f.broker[i]!,
      followers: followers.get(i) ?? [],
      produceMiBps: s.alloc.rate[i]!,
      messageBytes: topic.messageSize.meanBytes * topic.compressionRatio,
      batchSizeBytes: producer.batchSizeBytes,
      lingerS: producer.lingerS,
      producerInstances: topic.producers.reduce((sum, p) => sum + p.instances, 0),
      acks: producer.acks,
      consumerGroups: topic.consumerGroups.length,
      fetchFromFollowerSameAz: topic.consumerGroups.some((g) => g.rackAware),
    });
  }
  return groups;
}

/** True when two snapshots give the same latency: same loads, capacities and groups. */
export function sameSnapshot(a: LatencySnapshot, b: LatencySnapshot): boolean {
  const arrays = ['netInMiBps', 'netOutMiBps', 'ebsMiBps', 'cpuCores', 'netInLoad', 'netOutLoad', 'ebsLoad', 'cpuLoad'] as const;
  for (const key of arrays) {
    const x = a[key];
    const y = b[key];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  if (a.partitions.length !== b.partitions.length) return false;
  for (let g = 0; g < a.partitions.length; g++) {
    const p = a.partitions[g]!;
    const q = b.partitions[g]!;
    if (p.produceMiBps !== q.produceMiBps || p.leader !== q.leader || p.followers.length !== q.followers.length) return false;
  }
  return true;
}
