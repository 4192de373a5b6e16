// The flow network of a provisioned cluster (DESIGN §3.3): which byte flows exist now and which
// resources each one loads. It is rebuilt from the state whenever the topology changes — a
// broker stops or returns, a leader moves, a follower leaves or rejoins the ISR — and is read,
// never changed, by everything else, except the demands and read coefficients that `demand.ts`
// sets at each allocation.
//
// Kafka's coupling is in the structure, not in a fixed-point loop:
// - With acks=all the leader answers a produce request only when every in-sync follower has the
//   bytes, so produce and the replication to each in-sync, caught-up follower are one flow: one
//   rate, loading the leader's network in, EBS and CPU, the leader's network out once per such
//   follower, and each follower's network in, EBS and CPU. A follower out of the ISR (catching
//   up) is a flow of its own.
// - With acks=1 (and 0) the leader accepts on its own; each follower is a flow of its own whose
//   rate, while it is caught up, cannot exceed the produce rate (`caps` in the allocator).
// - Consumers read up to the high watermark, the end that every in-sync replica holds; a group
//   at the high watermark cannot read faster than it advances.
import type { FlowNetwork } from './allocate.js';
import { azOfBroker } from './placement.js';
import { egressQuotas, ingressQuotas } from './quotas.js';
import { servesReads } from './read-replicas.js';
import { CPU, EBS, NET_IN, NET_OUT, resourceOf, type BrokerResourceKind } from './resources.js';
import type { ClusterState } from './state.js';

export const PRODUCE = 0;
export const REPLICATE = 1;
export const FETCH = 2;
export const FLOW_KIND_WORDS = ['produce', 'replication', 'consumer fetches'] as const;

export interface Flows {
  net: FlowNetwork;
  kind: Uint8Array;
  klass: Int32Array;
  /** The broker that appends (produce: the leader; replicate: the follower); fetch: the main server. */
  broker: Int32Array;
  /** Replicate flows: the replica slot of the follower in its class. Fetch flows: the group. */
  slot: Int32Array;
  /** Per class: its produce flow (−1 when it has none: offline). */
  produceOf: Int32Array;
  /** Per class × slot: the replicate flow of that follower, or −1. */
  replicateOf: Int32Array;
  /** Per class × group: the fetch flow, or −1. */
  fetchOf: Int32Array;
  /** Replicate flows that are one with their produce flow (acks=all, in sync): that flow; else −1. */
  tiedTo: Int32Array;
  /** Fetch flows: the share of their reads from EBS at the tail (a lagging group), and their uses of EBS. */
  diskReadFraction: Float64Array;
  /** Per use: the weight of a fetch flow's server (its share of the reads), to scale EBS reads. */
  useWeight: Float64Array;
  /** Per use: 1 where a fetch flow reads from EBS (scaled by the page-cache state). */
  useIsRead: Uint8Array;
  /** Produce and fetch: the share of bytes crossing an AZ between client and broker. */
  crossAzFraction: Float64Array;
  /** Fetch flows: the replay rate cap in MiB/s per partition (0: none). */
  replayMiBps: Float64Array;
  /** Produce flows: the use of the leader's CPU, whose coefficient follows the request size (demand.ts); else −1. */
  produceCpuUse: Int32Array;
}

class FlowBuilder {
  kind: number[] = [];
  klass: number[] = [];
  broker: number[] = [];
  slot: number[] = [];
  tiedTo: number[] = [];
  multiplicity: number[] = [];
  crossAz: number[] = [];
  diskReadFraction: number[] = [];
  replayMiBps: number[] = [];
  produceCpuUse: number[] = [];
  useStart: number[] = [0];
  useResource: number[] = [];
  useCoefficient: number[] = [];
  useWeight: number[] = [];
  useIsRead: number[] = [];

  constructor(private readonly state: ClusterState) {}

  add(kind: number, c: number, broker: number, slot: number, crossAz: number): number {
    this.kind.push(kind);
    this.klass.push(c);
    this.broker.push(broker);
    this.slot.push(slot);
    this.tiedTo.push(-1);
    this.multiplicity.push(this.state.classes[c]!.count);
    this.crossAz.push(crossAz);
    this.diskReadFraction.push(0);
    this.replayMiBps.push(0);
    this.produceCpuUse.push(-1);
    return this.kind.length - 1;
  }

  use(broker: number, kind: BrokerResourceKind, coefficient: number, weight = 1, isRead = false): void {
    this.useResource.push(resourceOf(this.state.resources, broker, kind));
    this.useCoefficient.push(coefficient);
    this.useWeight.push(weight);
    this.useIsRead.push(isRead ? 1 : 0);
  }

  /** Loads quota resources (no broker's) by 1 MiB/s per MiB/s. */
  useQuotas(resources: readonly number[]): void {
    for (const r of resources) {
      this.useResource.push(r);
      this.useCoefficient.push(1);
      this.useWeight.push(1);
      this.useIsRead.push(0);
    }
  }

  close(): void {
    this.useStart.push(this.useResource.length);
  }
}

/** The replication a follower pulls: the leader's network out and CPU, the follower's in, EBS, CPU. */
function useReplication(b: FlowBuilder, state: ClusterState, leader: number, follower: number): void {
  if (state.config.replicationHidden === true) return;
  const cpu = state.config.cpu;
  b.use(leader, NET_OUT, 1);
  b.use(leader, CPU, cpu.coreSecondsPerMiBFetched);
  b.use(follower, NET_IN, 1);
  b.use(follower, EBS, 1);
  b.use(follower, CPU, cpu.coreSecondsPerMiBReplicated);
}

export function buildFlows(state: ClusterState): Flows {
  const b = new FlowBuilder(state);
  const { classes, config, slots, groupSlots } = state;
  const produceOf = new Int32Array(classes.length).fill(-1);
  const replicateOf = new Int32Array(classes.length * slots).fill(-1);
  const fetchOf = new Int32Array(classes.length * groupSlots).fill(-1);
  const cpu = config.cpu;
  // Quotas count client traffic only: produce and fetch, not replication (MSK Serverless
  // replicates out of sight and bills and throttles on the bytes clients move).
  const quotas = config.quotas !== null && config.quotas !== undefined;
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c]!;
    const leaderSlot = state.leaderSlot[c]!;
    if (leaderSlot < 0) continue; // offline: no live in-sync replica can take appends
    const leader = cls.replicas[leaderSlot]!;
    const topic = config.topics[cls.topic]!;
    const tiedSlots: number[] = [];
    const freeSlots: number[] = [];
    for (let j = 0; j < cls.replicas.length; j++) {
      if (j === leaderSlot || state.alive[cls.replicas[j]!] === 0) continue;
      const k = c * slots + j;
      if (state.acksAll[cls.topic] === 1 && state.inIsr[k] === 1 && state.lagMiB[k]! <= 0) tiedSlots.push(j);
      else freeSlots.push(j);
    }
    const produce = b.add(PRODUCE, c, leader, leaderSlot, crossAzShare(config.clientAzs, (z) => z === azOfBroker(leader, config.azs)));
    produceOf[c] = produce;
    b.use(leader, NET_IN, 1);
    b.use(leader, EBS, 1);
    b.produceCpuUse[produce] = b.useResource.length;
    b.use(leader, CPU, cpu.coreSecondsPerMiBProduced);
    if (quotas) b.useQuotas(ingressQuotas(state.resources, c));
    for (const j of tiedSlots) useReplication(b, state, leader, cls.replicas[j]!);
    b.close();
    for (const j of tiedSlots) {
      const f = b.add(REPLICATE, c, cls.replicas[j]!, j, 0);
      b.tiedTo[f] = produce;
      replicateOf[c * slots + j] = f;
      b.close();
    }
    for (const j of freeSlots) {
      const f = b.add(REPLICATE, c, cls.replicas[j]!, j, 0);
      replicateOf[c * slots + j] = f;
      useReplication(b, state, leader, cls.replicas[j]!);
      b.close();
    }
    topic.consumerGroups.forEach((group, g) => {
      const servers = servingBrokers(state, c, leader, group.rackAware);
      const diskFraction = group.mode.kind === 'lagging' ? group.mode.diskReadFraction : 0;
      let main = leader;
      let mainWeight = -1;
      let cross = 0;
      for (const s of servers) {
        cross += s.weight * s.cross;
        if (s.weight > mainWeight) {
          main = s.broker;
          mainWeight = s.weight;
        }
      }
      const f = b.add(FETCH, c, main, g, cross);
      fetchOf[c * groupSlots + g] = f;
      b.diskReadFraction[f] = diskFraction;
      b.replayMiBps[f] = group.mode.kind === 'replay' ? group.mode.rateMiBps : 0;
      for (const s of servers) {
        b.use(s.broker, NET_OUT, s.weight);
        b.use(s.broker, CPU, s.weight * cpu.coreSecondsPerMiBFetched);
        b.use(s.broker, EBS, s.weight * diskFraction, s.weight, true);
      }
      if (quotas) b.useQuotas(egressQuotas(state.resources, c));
      b.close();
    });
  }
  const flowCount = b.kind.length;
  return {
    net: {
      flowCount,
      resourceCount: state.resources.count,
      demand: new Float64Array(flowCount),
      multiplicity: Float64Array.from(b.multiplicity),
      useStart: Int32Array.from(b.useStart),
      useResource: Int32Array.from(b.useResource),
      useCoefficient: Float64Array.from(b.useCoefficient),
      capacity: state.resources.capacity,
      capStart: new Int32Array(flowCount + 1),
      capFlow: new Int32Array(0),
    },
    kind: Uint8Array.from(b.kind),
    klass: Int32Array.from(b.klass),
    broker: Int32Array.from(b.broker),
    slot: Int32Array.from(b.slot),
    produceOf,
    replicateOf,
    fetchOf,
    tiedTo: Int32Array.from(b.tiedTo),
    diskReadFraction: Float64Array.from(b.diskReadFraction),
    useWeight: Float64Array.from(b.useWeight),
    useIsRead: Uint8Array.from(b.useIsRead),
    crossAzFraction: Float64Array.from(b.crossAz),
    replayMiBps: Float64Array.from(b.replayMiBps),
    produceCpuUse: Int32Array.from(b.produceCpuUse),
  };
}

function crossAzShare(clientAzs: number, sameAz: (az: number) => boolean): number {
  let cross = 0;
  for (let z = 0; z < clientAzs; z++) if (!sameAz(z)) cross++;
  return cross / clientAzs;
}

interface Server {
  broker: number;
  weight: number;
  /** Share of this server's reads that cross an AZ. */
  cross: number;
}

/**
 * Which brokers serve a group's fetches of one partition, in what shares. Rack-aware consumers
 * (KIP-392) fetch from the replica in their own AZ that the leader named while it was in sync
 * and whose lease has not run out (read-replicas.ts), else from the leader; others always fetch
 * from the leader. Clients are spread evenly over the client AZs.
 */
function servingBrokers(state: ClusterState, c: number, leader: number, rackAware: boolean): Server[] {
  const { config, classes } = state;
  const clientAzs = config.clientAzs;
  const cls = classes[c]!;
  const servers: Server[] = [];
  for (let z = 0; z < clientAzs; z++) {
    let server = leader;
    if (rackAware) {
      for (let j = 0; j < cls.replicas.length; j++) {
        const r = cls.replicas[j]!;
        if (azOfBroker(r, config.azs) === z && state.alive[r] === 1 && servesReads(state, c, j)) {
          server = r;
          break;
        }
      }
    }
    const cross = azOfBroker(server, config.azs) === z ? 0 : 1;
    const existing = servers.find((s) => s.broker === server);
    if (existing) {
      existing.cross = (existing.cross * existing.weight + cross / clientAzs) / (existing.weight + 1 / clientAzs);
      existing.weight += 1 / clientAzs;
    } else servers.push({ broker: server, weight: 1 / clientAzs, cross });
  }
  return servers.sort((x, y) => x.broker - y.broker);
}

/** A tied follower moves with its produce flow: same rate, same limit. */
export function settleTiedRates(flows: Flows, alloc: { rate: Float64Array; limitedBy: Int32Array }): void {
  for (let f = 0; f < flows.net.flowCount; f++) {
    const p = flows.tiedTo[f]!;
    if (p < 0) continue;
    alloc.rate[f] = alloc.rate[p]!;
    alloc.limitedBy[f] = alloc.limitedBy[p]!;
  }
}
