// The cluster at one moment, as both latency modes see it (DESIGN §3.4): per-broker capacities
// and fluid loads from the model, the partition groups with their producer settings, and the
// constants of the request path. Request-level runs and per-interval estimates take the same
// value, so they can be held against each other.
import { ASSUMPTIONS, type AssumptionId } from '../catalog/assumptions.js';

export interface LatencySnapshot {
  brokers: number;
  /** AZ of each broker (0-based). */
  azOfBroker: readonly number[];
  /** AZs producers/consumers are spread over evenly (clients in AZ z, z < clientAzs). */
  clientAzs: number;
  /** Per broker, current capacity (after credit buckets) in MiB/s, and CPU cores. */
  netInMiBps: Float64Array;
  netOutMiBps: Float64Array;
  ebsMiBps: Float64Array;
  cpuCores: Float64Array;
  /** Per broker, total fluid load on each resource in the same units (all traffic: produce, replication, consumer fetches, disk reads). Utilisation = load / capacity; may be ≥ capacity (saturated: backlog). */
  netInLoad: Float64Array;
  netOutLoad: Float64Array;
  ebsLoad: Float64Array;
  cpuLoad: Float64Array;
  /** One entry per group of identical partitions (same replica list, same rate). */
  partitions: readonly PartitionGroup[];
  params: LatencyParams;
  /**
   * Per-interval estimates of a run: a queue whose utilisation reaches 1 is held at this one
   * (latency.saturatedUtilization) and reported as saturated, so that its time is counted in
   * every percentile rather than dropped. Omitted (request-level windows): a saturated queue has
   * no stationary latency, and its paths are not recorded.
   */
  holdSaturatedAt?: number;
}

export interface PartitionGroup {
  count: number; // partitions in this group
  leader: number; // broker index
  followers: readonly number[]; // in-sync followers (acks=all waits for all of them)
  produceMiBps: number; // bytes appended per partition per second (all producers)
  messageBytes: number; // mean message size on the wire
  batchSizeBytes: number; // producer batch.size
  lingerS: number; // producer linger.ms in seconds
  producerInstances: number; // producers writing to each partition (sharing produceMiBps)
  acks: '0' | '1' | 'all';
  /** Consumer groups reading this partition: which broker serves each AZ's consumers. */
  consumerGroups: number;
  fetchFromFollowerSameAz: boolean;
  /**
   * Seconds a batch waits in the producer before it is sent — the backlog ahead of it when the
   * cluster throttles this partition (the fluid model's backlog ÷ rate); 0 if omitted. Added
   * to publish and end-to-end latency in both modes.
   */
  producerWaitS?: number;
  /**
   * The wait at the end of the span this snapshot stands for, when the backlog moves along it
   * (linearly, in the fluid model): a record's wait is then uniform between the two. Omitted:
   * producerWaitS throughout.
   */
  producerWaitEndS?: number;
  /**
   * MiB/s one producer instance writes to the whole topic. Given, records are unkeyed and the
   * sticky partitioner (KIP-480, KIP-794) fills one batch at a time at this rate, so batch fill
   * and requests follow the producer's rate, not the partition's. Omitted: keyed records, a batch
   * per partition filling at produceMiBps / producerInstances.
   */
  stickyProducerMiBps?: number;
  /**
   * The producer client writing the group (its topic): keyed groups of one client with one
   * leader share produce requests, and every group of one client and leader shares a
   * connection. Omitted: a client of its own.
   */
  client?: number;
  /** max.in.flight.requests.per.connection of the producer (default 5). */
  maxInFlight?: number;
  /**
   * Per consumer group reading the partitions, the window its fetches wait at the broker for
   * fetch.min.bytes (at most fetch.max.wait.ms); omitted or empty: fetches return at once.
   */
  consumerFetchWindowsS?: readonly number[];
  /** Share of the consumer fetches served from EBS rather than the page cache (lagging readers); 0 if omitted. */
  diskReadFraction?: number;
}

export interface LatencyParams {
  rttSameAzS: number;
  rttCrossAzS: number;
  rttInterBrokerS: number; // round trips
  ioThreads: number; // request handler threads (num.io.threads)
  /** num.network.threads. Not a queue of its own here: their work is the network byte queues'. */
  networkThreads: number;
  cpuSecondsPerRequest: number; // CPU per produce/fetch request on a handler thread
  /**
   * CPU a handler thread spends per MiB of a produce request, on top of cpuSecondsPerRequest.
   * Defaults to the catalog assumption cpu.coreSecondsPerMiBProduced.
   */
  cpuSecondsPerMiB?: number;
  /**
   * false switches every source of variability of variability.ts off (batch fill stays random):
   * for tests of the queues and the path's fixed parts alone. Default true.
   */
  variability?: boolean;
  /** Sources of variability (variability.ts); each defaults to its catalog assumption. */
  rttJitterMeanS?: number;
  gcPauseCoreS?: number;
  gcPauseShareCore?: number;
  writebackStallSPerMiBps?: number;
  writebackStallSharePerMiBps?: number;
  /** num.replica.fetchers (MSK default 2). */
  replicaFetchers?: number;
  fetcherSPerMiB?: number;
  fetchFixedS?: number;
  segmentRollS?: number;
  segmentBytes?: number;
  ebsReadLatencyS?: number;
}

/** Most in-sync followers per partition (the request table packs the follower index in 3 bits). */
export const MAX_FOLLOWERS = 8;

export const DEFAULT_CPU_SECONDS_PER_MIB: number = assumption('cpu.coreSecondsPerMiBProduced');

function assumption(id: AssumptionId): number {
  return ASSUMPTIONS.find((a) => a.id === id)!.value;
}

/** The variability parameters of a snapshot, every one resolved (variabilityParams). */
export interface VariabilityParams {
  rttJitterMeanS: number;
  gcPauseCoreS: number;
  gcPauseShareCore: number;
  writebackStallSPerMiBps: number;
  writebackStallSharePerMiBps: number;
  replicaFetchers: number;
  fetcherSPerMiB: number;
  fetchFixedS: number;
  segmentRollS: number;
  segmentBytes: number;
  ebsReadLatencyS: number;
}

/** Kafka's log.segment.bytes default, 1 GiB (Kafka broker configs). */
const SEGMENT_BYTES = 1073741824;
/** MSK's num.replica.fetchers default (msk-default-configuration; catalog broker-defaults.ts). */
const REPLICA_FETCHERS = 2;

const VARIABILITY_DEFAULTS: VariabilityParams = {
  rttJitterMeanS: assumption('network.rttJitterMeanS'),
  gcPauseCoreS: assumption('jvm.gcPauseCoreS'),
  gcPauseShareCore: assumption('jvm.gcPauseShareCore'),
  writebackStallSPerMiBps: assumption('ebs.writebackStallSPerMiBps'),
  writebackStallSharePerMiBps: assumption('ebs.writebackStallSharePerMiBps'),
  replicaFetchers: REPLICA_FETCHERS,
  fetcherSPerMiB: assumption('replication.fetcherSPerMiB'),
  fetchFixedS: assumption('replication.fetchFixedS'),
  segmentRollS: assumption('log.segmentRollS'),
  segmentBytes: SEGMENT_BYTES,
  ebsReadLatencyS: assumption('ebs.readLatencyS'),
};

/** The variability parameters of `p`, each defaulted from its catalog assumption. */
export function variabilityParams(p: LatencyParams): VariabilityParams {
  const d = VARIABILITY_DEFAULTS;
  return {
    rttJitterMeanS: p.rttJitterMeanS ?? d.rttJitterMeanS,
    gcPauseCoreS: p.gcPauseCoreS ?? d.gcPauseCoreS,
    gcPauseShareCore: p.gcPauseShareCore ?? d.gcPauseShareCore,
    writebackStallSPerMiBps: p.writebackStallSPerMiBps ?? d.writebackStallSPerMiBps,
    writebackStallSharePerMiBps: p.writebackStallSharePerMiBps ?? d.writebackStallSharePerMiBps,
    replicaFetchers: p.replicaFetchers ?? d.replicaFetchers,
    fetcherSPerMiB: p.fetcherSPerMiB ?? d.fetcherSPerMiB,
    fetchFixedS: p.fetchFixedS ?? d.fetchFixedS,
    segmentRollS: p.segmentRollS ?? d.segmentRollS,
    segmentBytes: p.segmentBytes ?? d.segmentBytes,
    ebsReadLatencyS: p.ebsReadLatencyS ?? d.ebsReadLatencyS,
  };
}

/**
 * Throws a RangeError naming the first malformed field. Loads above capacity are legal
 * (saturation is a result, not an input error). Messages are built only on failure: the
 * estimate checks every snapshot it is given, tens of thousands of times a run.
 */
export function checkSnapshot(s: LatencySnapshot): void {
  const n = s.brokers;
  if (!(Number.isInteger(n) && n >= 1)) fail(`brokers must be an integer ≥ 1, got ${n}`);
  if (!(Number.isInteger(s.clientAzs) && s.clientAzs >= 1)) fail(`clientAzs must be an integer ≥ 1, got ${s.clientAzs}`);
  if (s.azOfBroker.length !== n) fail(`azOfBroker has ${s.azOfBroker.length} entries for ${n} brokers`);
  for (let b = 0; b < n; b++) {
    const az = s.azOfBroker[b]!;
    if (!(Number.isInteger(az) && az >= 0)) fail(`azOfBroker[${b}] must be an integer ≥ 0, got ${az}`);
  }
  for (const key of PER_BROKER) {
    const a = s[key];
    if (a.length !== n) fail(`${key} has ${a.length} entries for ${n} brokers`);
    for (let b = 0; b < n; b++) if (!(a[b]! >= 0 && a[b]! < Infinity)) fail(`${key}[${b}] must be finite and ≥ 0, got ${a[b]}`);
  }
  const groups = s.partitions;
  for (let i = 0; i < groups.length; i++) checkGroup(groups[i]!, i, n);
  checkParams(s.params);
  if (s.holdSaturatedAt !== undefined && !(s.holdSaturatedAt > 0 && s.holdSaturatedAt < 1)) fail(`holdSaturatedAt must be in (0, 1), got ${s.holdSaturatedAt}`);
}

const PER_BROKER = ['netInMiBps', 'netOutMiBps', 'ebsMiBps', 'cpuCores', 'netInLoad', 'netOutLoad', 'ebsLoad', 'cpuLoad'] as const;

function checkGroup(p: PartitionGroup, i: number, brokers: number): void {
  if (!(Number.isInteger(p.count) && p.count >= 0)) fail(`partitions[${i}].count must be an integer ≥ 0, got ${p.count}`);
  if (!isBroker(p.leader, brokers)) fail(`partitions[${i}].leader must be a broker index below ${brokers}, got ${p.leader}`);
  const followers = p.followers;
  if (followers.length > MAX_FOLLOWERS) fail(`partitions[${i}] has ${followers.length} followers; at most ${MAX_FOLLOWERS}`);
  for (let k = 0; k < followers.length; k++) {
    const f = followers[k]!;
    if (!isBroker(f, brokers) || f === p.leader) fail(`partitions[${i}].followers[${k}] must be a broker other than the leader, got ${f}`);
    for (let j = 0; j < k; j++) if (followers[j] === f) fail(`partitions[${i}].followers repeats broker ${f}`);
  }
  if (!(p.produceMiBps >= 0 && p.produceMiBps < Infinity)) fail(`partitions[${i}].produceMiBps must be finite and ≥ 0`);
  if (!(p.messageBytes > 0 && p.messageBytes < Infinity)) fail(`partitions[${i}].messageBytes must be finite and > 0`);
  if (!(p.batchSizeBytes > 0 && p.batchSizeBytes < Infinity)) fail(`partitions[${i}].batchSizeBytes must be finite and > 0`);
  if (!(p.lingerS >= 0 && p.lingerS < Infinity)) fail(`partitions[${i}].lingerS must be finite and ≥ 0`);
  const wait = p.producerWaitS ?? 0;
  if (!(wait >= 0 && wait < Infinity)) fail(`partitions[${i}].producerWaitS must be finite and ≥ 0`);
  const waitEnd = p.producerWaitEndS ?? wait;
  if (!(waitEnd >= 0 && waitEnd < Infinity)) fail(`partitions[${i}].producerWaitEndS must be finite and ≥ 0`);
  if (!(Number.isInteger(p.producerInstances) && p.producerInstances >= 1)) fail(`partitions[${i}].producerInstances must be an integer ≥ 1`);
  if (p.acks !== '0' && p.acks !== '1' && p.acks !== 'all') fail(`partitions[${i}].acks must be '0', '1' or 'all'`);
  if (!(Number.isInteger(p.consumerGroups) && p.consumerGroups >= 0)) fail(`partitions[${i}].consumerGroups must be an integer ≥ 0`);
  const sticky = p.stickyProducerMiBps;
  if (sticky !== undefined && !(sticky >= 0 && sticky < Infinity)) fail(`partitions[${i}].stickyProducerMiBps must be finite and ≥ 0`);
  if (p.maxInFlight !== undefined && !(Number.isInteger(p.maxInFlight) && p.maxInFlight >= 1)) fail(`partitions[${i}].maxInFlight must be an integer ≥ 1, got ${p.maxInFlight}`);
  for (const w of p.consumerFetchWindowsS ?? []) if (!(w >= 0 && w < Infinity)) fail(`partitions[${i}].consumerFetchWindowsS must hold finite windows ≥ 0, got ${w}`);
  const disk = p.diskReadFraction ?? 0;
  if (!(disk >= 0 && disk <= 1)) fail(`partitions[${i}].diskReadFraction must be in [0, 1]`);
}

function isBroker(b: number, brokers: number): boolean {
  return Number.isInteger(b) && b >= 0 && b < brokers;
}

function checkParams(p: LatencyParams): void {
  for (const key of NON_NEGATIVE_PARAMS) if (!(p[key] >= 0 && p[key] < Infinity)) fail(`params.${key} must be finite and ≥ 0, got ${p[key]}`);
  if (!(Number.isInteger(p.ioThreads) && p.ioThreads >= 1)) fail(`params.ioThreads must be an integer ≥ 1, got ${p.ioThreads}`);
  if (!(Number.isInteger(p.networkThreads) && p.networkThreads >= 1)) fail(`params.networkThreads must be an integer ≥ 1, got ${p.networkThreads}`);
  for (const key of OPTIONAL_NON_NEGATIVE_PARAMS) {
    const v = p[key];
    if (v !== undefined && !(v >= 0 && v < Infinity)) fail(`params.${key} must be finite and ≥ 0, got ${v}`);
  }
  if (p.segmentBytes !== undefined && !(p.segmentBytes > 0)) fail(`params.segmentBytes must be > 0, got ${p.segmentBytes}`);
  if (p.replicaFetchers !== undefined && !(Number.isInteger(p.replicaFetchers) && p.replicaFetchers >= 1)) fail(`params.replicaFetchers must be an integer ≥ 1, got ${p.replicaFetchers}`);
  const perMiB = p.cpuSecondsPerMiB;
  if (perMiB !== undefined && !(perMiB >= 0 && perMiB < Infinity)) fail(`params.cpuSecondsPerMiB must be finite and ≥ 0, got ${perMiB}`);
}

const NON_NEGATIVE_PARAMS = ['rttSameAzS', 'rttCrossAzS', 'rttInterBrokerS', 'cpuSecondsPerRequest'] as const;
const OPTIONAL_NON_NEGATIVE_PARAMS = [
  'rttJitterMeanS',
  'gcPauseCoreS',
  'gcPauseShareCore',
  'writebackStallSPerMiBps',
  'writebackStallSharePerMiBps',
  'fetcherSPerMiB',
  'fetchFixedS',
  'segmentRollS',
  'segmentBytes',
  'ebsReadLatencyS',
] as const;

function fail(message: string): never {
  throw new RangeError(`LatencySnapshot: ${message}`);
}
