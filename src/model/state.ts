// The state of one simulated cluster (DESIGN §1.1): plain data in typed arrays, changed only by
// the subsystems (demand, allocation, advance, retention, replays, ISR, storage) that are
// functions of it. Every level is per partition of a class, in MiB; rates in MiB/s.
import { RandomStreams } from '../engine/index.js';
import { AppendLog } from './append-log.js';
import type { BrokerSpec, ModelConfig } from './config.js';
import { Disks } from './disks.js';
import { partitionPlan, type HottestPartition, type PartitionClass } from './partitions.js';
import { quotaSpecs } from './quotas.js';
import { buildResourceTable, type ResourceTable } from './resources.js';

export interface ClusterState {
  readonly config: ModelConfig;
  readonly specs: readonly BrokerSpec[];
  readonly resources: ResourceTable;
  /** Per broker: 1 while it runs. */
  readonly alive: Uint8Array;
  readonly classes: readonly PartitionClass[];
  /** Per topic: its hottest partition (for reports). */
  readonly hottest: readonly HottestPartition[];
  /**
   * Per class: bytes on disk per byte of log that retention keeps — 1, or for a compacted topic
   * compaction.retainedFraction (the live key set, taken as that share of the window).
   */
  readonly diskFraction: Float64Array;
  /** Per topic: 1 when its producers wait for every in-sync replica (acks=all). */
  readonly acksAll: Uint8Array;
  /** Replica slots per class (the largest replication factor) and group slots (the most groups). */
  readonly slots: number;
  readonly groupSlots: number;
  /** Per class: the slot of the current leader in `replicas`, −1 when offline. */
  readonly leaderSlot: Int32Array;
  /** Per class: what producers want to send now, and what they have not sent yet. */
  readonly produceDemand: Float64Array;
  readonly producerBacklogMiB: Float64Array;
  /**
   * Per class: the most a partition's producers can hold back — their buffer.memory, or the
   * bytes of one delivery.timeout.ms at the current demand, whichever is less. Beyond it, sends
   * fail at the client.
   */
  readonly backlogCapMiB: Float64Array;
  /** Per class: 1 while producers are refused (set with the demands at each allocation). */
  readonly refused: Uint8Array;
  /** Per class: cumulative appends (their history) and deletions at the last event. */
  readonly appendLog: readonly AppendLog[];
  readonly appendedMiB: Float64Array;
  readonly deletedMiB: Float64Array;
  /** Per class: the append and deletion rates that hold until the next event. */
  readonly appendRate: Float64Array;
  readonly deleteRate: Float64Array;
  /** Per class × slot: bytes a replica is behind the leader; whether it is in the ISR; since when it lags. */
  readonly lagMiB: Float64Array;
  readonly inIsr: Uint8Array;
  readonly lagSinceS: Float64Array;
  /**
   * Per class × slot: 1 while the rack-aware consumers of the follower's AZ read from it; when
   * their lease began; when it ends for a follower that left the ISR (else Infinity). See
   * read-replicas.ts.
   */
  readonly readReplica: Uint8Array;
  readonly readLeaseStartS: Float64Array;
  readonly readUntilS: Float64Array;
  /**
   * Per class × group: bytes behind the high watermark; whether its reads miss the page cache;
   * the share of them that does (1 beyond the window, 0 inside it, in between for a reader
   * held at the window's edge — see page-cache.ts).
   */
  readonly consumerLagMiB: Float64Array;
  readonly readsFromDisk: Uint8Array;
  readonly diskShare: Float64Array;
  readonly disks: Disks;
  readonly totals: Totals;
  nowS: number;
}

/** Integrals over the run, MiB, for conservation and the report. */
export interface Totals {
  /** What producers asked to send. */
  producedMiB: number;
  /** Already stored at t = 0 by a warm start. */
  initialStoredMiB: number;
  deletedMiB: number;
  /** Deleted by retention before a group read it. */
  lostMiB: number;
  /** Produce demand while a partition could not take it (offline, or ISR below min.insync.replicas with acks=all). */
  refusedMiB: number;
  unavailablePartitionS: number;
  /** Failed at the client: buffer.memory full, or not accepted within delivery.timeout.ms. */
  clientLostMiB: number;
}

export function brokerSpecs(config: ModelConfig): BrokerSpec[] {
  const specs = config.brokerSpecs ?? null;
  if (specs !== null && specs.length !== config.brokers) throw new RangeError(`brokerSpecs has ${specs.length} entries for ${config.brokers} brokers`);
  return specs === null ? Array.from({ length: config.brokers }, () => config.broker) : [...specs];
}

export function createState(config: ModelConfig, streams: RandomStreams): ClusterState {
  const specs = brokerSpecs(config);
  const { classes, hottest } = partitionPlan(config, streams.stream('placement'));
  const slots = Math.max(1, ...config.topics.map((t) => t.replicationFactor));
  const groupSlots = Math.max(1, ...config.topics.map((t) => t.consumerGroups.length));
  const n = classes.length;
  const inIsr = new Uint8Array(n * slots);
  for (let c = 0; c < n; c++) for (let j = 0; j < classes[c]!.replicas.length; j++) inIsr[c * slots + j] = 1;
  const startS = config.warmStart ? -Math.max(0, ...config.topics.map((t) => t.retentionS)) : 0;
  return {
    config,
    specs,
    resources: buildResourceTable(specs, config.initialCreditFraction, quotaSpecs(config.quotas, classes)),
    alive: new Uint8Array(config.brokers).fill(1),
    classes,
    hottest,
    diskFraction: Float64Array.from(classes, (cls) => (config.topics[cls.topic]!.cleanupPolicy === 'compact' ? config.compactionRetainedFraction : 1)),
    acksAll: Uint8Array.from(config.topics, (t) => (t.producers.some((p) => p.acks === 'all') ? 1 : 0)),
    slots,
    groupSlots,
    leaderSlot: new Int32Array(n),
    produceDemand: new Float64Array(n),
    producerBacklogMiB: new Float64Array(n),
    backlogCapMiB: new Float64Array(n).fill(Infinity),
    refused: new Uint8Array(n),
    appendLog: classes.map(() => new AppendLog(startS)),
    appendedMiB: new Float64Array(n),
    deletedMiB: new Float64Array(n),
    appendRate: new Float64Array(n),
    deleteRate: new Float64Array(n),
    lagMiB: new Float64Array(n * slots),
    inIsr,
    lagSinceS: new Float64Array(n * slots).fill(-Infinity),
    readReplica: Uint8Array.from(inIsr),
    readLeaseStartS: new Float64Array(n * slots),
    readUntilS: new Float64Array(n * slots).fill(Infinity),
    consumerLagMiB: new Float64Array(n * groupSlots),
    readsFromDisk: new Uint8Array(n * groupSlots),
    diskShare: new Float64Array(n * groupSlots),
    disks: new Disks(specs.map((s) => s.storageGiB), config.diskAlarmFraction, config.autoExpand),
    totals: { producedMiB: 0, initialStoredMiB: 0, deletedMiB: 0, lostMiB: 0, refusedMiB: 0, unavailablePartitionS: 0, clientLostMiB: 0 },
    nowS: 0,
  };
}

/** MiB of log that retention keeps per partition of class c (on its leader); on disk: onDiskMiB. */
export function storedMiB(state: ClusterState, c: number): number {
  return Math.max(0, state.appendedMiB[c]! - state.deletedMiB[c]!);
}

/** MiB on disk per partition of class c (on its leader): the log, compacted where the topic is. */
export function onDiskMiB(state: ClusterState, c: number): number {
  return storedMiB(state, c) * state.diskFraction[c]!;
}

/** The high watermark's distance behind the leader's end: the largest lag in the ISR. */
export function hwLagMiB(state: ClusterState, c: number): number {
  const cls = state.classes[c]!;
  let lag = 0;
  for (let j = 0; j < cls.replicas.length; j++) {
    const k = c * state.slots + j;
    if (state.inIsr[k] === 1 && state.lagMiB[k]! > lag) lag = state.lagMiB[k]!;
  }
  return lag;
}

/** In-sync replicas of class c (the leader included) on running brokers. */
export function isrSize(state: ClusterState, c: number): number {
  const cls = state.classes[c]!;
  let n = 0;
  for (let j = 0; j < cls.replicas.length; j++) if (state.inIsr[c * state.slots + j] === 1 && state.alive[cls.replicas[j]!] === 1) n++;
  return n;
}

/** Whether producers of class c are refused: offline, or acks=all with the ISR below min.insync.replicas. */
export function unavailable(state: ClusterState, c: number): boolean {
  if (state.leaderSlot[c]! < 0) return true;
  const cls = state.classes[c]!;
  return state.acksAll[cls.topic] === 1 && isrSize(state, c) < state.config.topics[cls.topic]!.minInsyncReplicas;
}

export function totalStoredMiB(state: ClusterState): number {
  let sum = 0;
  for (let c = 0; c < state.classes.length; c++) sum += storedMiB(state, c) * state.classes[c]!.count;
  return sum;
}

export function totalOnDiskMiB(state: ClusterState): number {
  let sum = 0;
  for (let c = 0; c < state.classes.length; c++) sum += onDiskMiB(state, c) * state.classes[c]!.count;
  return sum;
}

export function totalProducerBacklogMiB(state: ClusterState): number {
  let sum = 0;
  for (let c = 0; c < state.classes.length; c++) sum += state.producerBacklogMiB[c]! * state.classes[c]!.count;
  return sum;
}
