// The flow network of a provisioned cluster: which byte flows exist and which broker resources
// each one loads (DESIGN §3.3). Partitions with the same replica list and the same share of
// their topic's load behave identically, so they form one class and one flow of multiplicity
// `count` — the allocator gives each the same rate, exactly as it would give them one by one.
import type { ModelConfig } from './config.js';
import type { FlowNetwork } from './allocate.js';
import { azOfBroker, replicaSet } from './placement.js';
import type { Rng } from '../engine/index.js';

export const NET_IN = 0;
export const NET_OUT = 1;
export const EBS = 2;
export const CPU = 3;
export const RESOURCES_PER_BROKER = 4;
export const RESOURCE_NAMES = ['network in', 'network out', 'EBS throughput', 'CPU'] as const;

export const PRODUCE = 0;
export const REPLICATE = 1;
export const FETCH = 2;

export interface PartitionClass {
  topic: number;
  /** Preferred order; the leader is the first replica on a live broker. */
  replicas: readonly number[];
  /** This class's partitions' share each of the topic's load (shares over all partitions sum to 1). */
  share: number;
  count: number;
}

export interface Flows {
  net: FlowNetwork;
  kind: Uint8Array;
  klass: Int32Array;
  /** The broker that appends (produce, replicate) or serves (fetch). */
  broker: Int32Array;
  /** Consumer group index within the topic, or -1. */
  group: Int32Array;
  /** For replicate and fetch flows: the produce flow they follow, and their fraction of it. */
  source: Int32Array;
  fraction: Float64Array;
  /** Index into useCoefficient of a fetch flow's EBS use (its disk-read fraction), or -1. */
  ebsUse: Int32Array;
  /** Produced bytes of this flow that cross an AZ between client and broker (0–1 of its rate). */
  crossAzFraction: Float64Array;
  /** Fetch flows: the group's share of reads from EBS at the tail, and its replay rate cap (0: none). */
  diskReadFraction: Float64Array;
  replayMiBps: Float64Array;
}

/** Groups partitions into classes; `rng` shuffles which partitions are hot under a Zipf skew. */
export function partitionClasses(config: ModelConfig, rng: Rng): PartitionClass[] {
  const classes: PartitionClass[] = [];
  config.topics.forEach((topic, t) => {
    const shares = partitionShares(topic.partitions, topic.partitionSkew, rng);
    const byKey = new Map<string, PartitionClass>();
    for (let p = 0; p < topic.partitions; p++) {
      const replicas = replicaSet(p, t % config.brokers, topic.replicationFactor, config.brokers, config.azs);
      const key = `${replicas.join(',')}|${shares[p]}`;
      const existing = byKey.get(key);
      if (existing) existing.count++;
      else {
        const c: PartitionClass = { topic: t, replicas, share: shares[p]!, count: 1 };
        byKey.set(key, c);
        classes.push(c);
      }
    }
  });
  return classes;
}

function partitionShares(partitions: number, skew: ModelConfig['topics'][number]['partitionSkew'], rng: Rng): number[] {
  if (skew.kind === 'uniform') return new Array<number>(partitions).fill(1 / partitions);
  const weights = Array.from({ length: partitions }, (_, k) => 1 / Math.pow(k + 1, skew.exponent));
  for (let i = partitions - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [weights[i], weights[j]] = [weights[j]!, weights[i]!];
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

class FlowBuilder {
  kind: number[] = [];
  klass: number[] = [];
  broker: number[] = [];
  group: number[] = [];
  source: number[] = [];
  fraction: number[] = [];
  multiplicity: number[] = [];
  ebsUse: number[] = [];
  crossAz: number[] = [];
  diskReadFraction: number[] = [];
  replayMiBps: number[] = [];
  useStart: number[] = [0];
  useResource: number[] = [];
  useCoefficient: number[] = [];

  add(kind: number, c: number, cls: PartitionClass, broker: number, group: number, source: number, fraction: number, crossAz: number): number {
    this.kind.push(kind);
    this.klass.push(c);
    this.broker.push(broker);
    this.group.push(group);
    this.source.push(source);
    this.fraction.push(fraction);
    this.multiplicity.push(cls.count);
    this.ebsUse.push(-1);
    this.crossAz.push(crossAz);
    this.diskReadFraction.push(0);
    this.replayMiBps.push(0);
    return this.kind.length - 1;
  }

  use(broker: number, resource: number, coefficient: number): void {
    this.useResource.push(broker * RESOURCES_PER_BROKER + resource);
    this.useCoefficient.push(coefficient);
  }

  close(): void {
    this.useStart.push(this.useResource.length);
  }
}

/** Builds every flow for the live brokers; a class with no live replica gets no flows. */
export function buildFlows(config: ModelConfig, classes: readonly PartitionClass[], alive: Uint8Array): Flows {
  const b = new FlowBuilder();
  const cpu = config.cpu;
  const clientAzs = config.clientAzs;
  classes.forEach((cls, c) => {
    const live = cls.replicas.filter((r) => alive[r] === 1);
    const leader = live[0];
    if (leader === undefined) {
      // Offline: no replica is live. The produce flow stays, loading nothing, so its demand
      // becomes producer backlog.
      b.add(PRODUCE, c, cls, -1, -1, -1, 1, 0);
      b.close();
      return;
    }
    const topic = config.topics[cls.topic]!;
    // Clients are spread evenly over the client AZs; those outside the leader's AZ cross one.
    const produceCrossAz = crossAzShare(clientAzs, (z) => z === azOfBroker(leader, config.azs));
    const produce = b.add(PRODUCE, c, cls, leader, -1, -1, 1, produceCrossAz);
    b.use(leader, NET_IN, 1);
    b.use(leader, EBS, 1);
    b.use(leader, CPU, cpu.coreSecondsPerMiBProduced);
    b.close();
    for (const follower of live.slice(1)) {
      b.add(REPLICATE, c, cls, follower, -1, produce, 1, 0);
      b.use(leader, NET_OUT, 1);
      b.use(leader, CPU, cpu.coreSecondsPerMiBFetched);
      b.use(follower, NET_IN, 1);
      b.use(follower, EBS, 1);
      b.use(follower, CPU, cpu.coreSecondsPerMiBReplicated);
      b.close();
    }
    topic.consumerGroups.forEach((group, g) => {
      const servers = servingBrokers(live, leader, group.rackAware, clientAzs, config.azs);
      const diskFraction = group.mode.kind === 'lagging' ? group.mode.diskReadFraction : 0;
      for (const [server, weight] of servers) {
        const crossAz = group.rackAware
          ? rackAwareCross(live, server, clientAzs, config.azs)
          : crossAzShare(clientAzs, (z) => z === azOfBroker(server, config.azs));
        const f = b.add(FETCH, c, cls, server, g, produce, weight, crossAz);
        b.use(server, NET_OUT, 1);
        b.use(server, CPU, cpu.coreSecondsPerMiBFetched);
        b.ebsUse[f] = b.useResource.length;
        b.diskReadFraction[f] = diskFraction;
        b.replayMiBps[f] = group.mode.kind === 'replay' ? group.mode.rateMiBps : 0;
        b.use(server, EBS, diskFraction);
        b.close();
      }
    });
  });
  const flowCount = b.kind.length;
  return {
    net: {
      flowCount,
      resourceCount: config.brokers * RESOURCES_PER_BROKER,
      demand: new Float64Array(flowCount),
      multiplicity: Float64Array.from(b.multiplicity),
      useStart: Int32Array.from(b.useStart),
      useResource: Int32Array.from(b.useResource),
      useCoefficient: Float64Array.from(b.useCoefficient),
      capacity: new Float64Array(config.brokers * RESOURCES_PER_BROKER),
    },
    kind: Uint8Array.from(b.kind),
    klass: Int32Array.from(b.klass),
    broker: Int32Array.from(b.broker),
    group: Int32Array.from(b.group),
    source: Int32Array.from(b.source),
    fraction: Float64Array.from(b.fraction),
    ebsUse: Int32Array.from(b.ebsUse),
    crossAzFraction: Float64Array.from(b.crossAz),
    diskReadFraction: Float64Array.from(b.diskReadFraction),
    replayMiBps: Float64Array.from(b.replayMiBps),
  };
}

function crossAzShare(clientAzs: number, sameAz: (az: number) => boolean): number {
  let cross = 0;
  for (let z = 0; z < clientAzs; z++) if (!sameAz(z)) cross++;
  return cross / clientAzs;
}

/** Of a rack-aware group's fetches served by `server`, the share coming from another AZ. */
function rackAwareCross(live: readonly number[], server: number, clientAzs: number, azs: number): number {
  let served = 0;
  let cross = 0;
  for (let z = 0; z < clientAzs; z++) {
    const local = live.find((r) => azOfBroker(r, azs) === z);
    const s = local ?? live[0]!;
    if (s !== server) continue;
    served++;
    if (local === undefined) cross++;
  }
  return served === 0 ? 0 : cross / served;
}

/**
 * Which brokers serve a group's fetches of one partition and in what shares. Rack-aware
 * consumers (KIP-392) fetch from the replica in their own AZ when there is one, else from the
 * leader; others always fetch from the leader.
 */
function servingBrokers(live: readonly number[], leader: number, rackAware: boolean, clientAzs: number, azs: number): [number, number][] {
  if (!rackAware) return [[leader, 1]];
  const weights = new Map<number, number>();
  for (let z = 0; z < clientAzs; z++) {
    const server = live.find((r) => azOfBroker(r, azs) === z) ?? leader;
    weights.set(server, (weights.get(server) ?? 0) + 1 / clientAzs);
  }
  return [...weights.entries()].sort((x, y) => x[0] - y[0]);
}

/**
 * Backlogs carried from the flows before a topology change to those after: a producer's backlog
 * follows its partitions to the new leader; a follower's or a group's stays with its broker.
 */
export function carryBacklog(old: Flows, backlog: Float64Array, next: Flows): Float64Array {
  const key = (f: Flows, i: number) => `${f.kind[i]}:${f.klass[i]}:${f.broker[i]}:${f.group[i]}`;
  const byKey = new Map<string, number>();
  const byProducer = new Map<number, number>();
  for (let i = 0; i < old.net.flowCount; i++) {
    byKey.set(key(old, i), backlog[i]!);
    if (old.kind[i] === PRODUCE) byProducer.set(old.klass[i]!, backlog[i]!);
  }
  const carried = new Float64Array(next.net.flowCount);
  for (let i = 0; i < next.net.flowCount; i++) {
    carried[i] = next.kind[i] === PRODUCE ? (byProducer.get(next.klass[i]!) ?? 0) : (byKey.get(key(next, i)) ?? 0);
  }
  return carried;
}
