// The cluster as the latency layer sees it at one moment (src/latency/snapshot.ts): current
// capacities (after credit buckets) and fluid loads per broker, and one partition group per
// live partition class with its producer settings. Built after every allocation.
import type { LatencyParams, LatencySnapshot, PartitionGroup } from '../latency/snapshot.js';
import { PRODUCE } from './flows.js';
import { BYTES_PER_MIB } from '../units.js';
import type { View } from './observe/view.js';
import { azOfBroker } from './placement.js';
import { CPU, EBS, NET_IN, NET_OUT, resourceOf, type ResourceKind } from './resources.js';

/**
 * `saturatedUtilization`: null keeps loads as they are (a saturated resource then has no
 * stationary latency: request-level windows show it growing); a fraction caps each load at that
 * share of capacity, for the per-interval estimate, whose producer waits carry the excess.
 */
export function latencySnapshot(view: View, params: LatencyParams, saturatedUtilization: number | null): LatencySnapshot {
  const { state, alloc } = view;
  const res = state.resources;
  const n = res.brokers;
  const pick = (from: Float64Array, kind: ResourceKind, cap: boolean) => {
    const out = new Float64Array(n);
    for (let b = 0; b < n; b++) {
      const r = resourceOf(res, b, kind);
      out[b] = from[r]!;
      if (cap && saturatedUtilization !== null && out[b]! > res.capacity[r]! * saturatedUtilization) out[b] = res.capacity[r]! * saturatedUtilization;
    }
    return out;
  };
  const snapshot: LatencySnapshot = {
    brokers: n,
    azOfBroker: Array.from({ length: n }, (_, b) => azOfBroker(b, state.config.azs)),
    clientAzs: state.config.clientAzs,
    netInMiBps: state.config.latencyNetworkMiBps === undefined ? pick(res.capacity, NET_IN, false) : new Float64Array(n).fill(state.config.latencyNetworkMiBps),
    netOutMiBps: state.config.latencyNetworkMiBps === undefined ? pick(res.capacity, NET_OUT, false) : new Float64Array(n).fill(state.config.latencyNetworkMiBps),
    ebsMiBps: pick(res.capacity, EBS, false),
    cpuCores: pick(res.capacity, CPU, false),
    netInLoad: pick(alloc.load, NET_IN, true),
    netOutLoad: pick(alloc.load, NET_OUT, true),
    ebsLoad: pick(alloc.load, EBS, true),
    cpuLoad: pick(alloc.load, CPU, true),
    partitions: partitionGroups(view),
    params,
    holdSaturatedAt: saturatedUtilization ?? undefined,
  };
  return snapshot;
}

/**
 * One group per live produce flow. Followers count as in sync while they are in the ISR and
 * caught up (acks=all waits for them). A topic's first producer gives the batch settings; its
 * producer instances are summed.
 */
function partitionGroups(view: View): PartitionGroup[] {
  const flows = producerFlows(view);
  // Each topic's whole produce rate: unkeyed producers fill one batch at a time from it.
  const topicMiBps = new Map<number, number>();
  for (const f of flows) {
    const topic = topicOf(view, f);
    topicMiBps.set(topic, (topicMiBps.get(topic) ?? 0) + view.alloc.rate[f]! * view.flows.net.multiplicity[f]!);
  }
  return flows.map((f) => partitionGroup(view, f, topicMiBps.get(topicOf(view, f))!));
}

function topicOf(view: View, flow: number): number {
  return view.state.classes[view.flows.klass[flow]!]!.topic;
}

/** Indices of the live produce flows, in flow order: one partition group each. */
export function producerFlows(view: View): number[] {
  const out: number[] = [];
  const { flows, alloc } = view;
  for (let f = 0; f < flows.net.flowCount; f++) if (flows.kind[f] === PRODUCE && alloc.rate[f]! > 0) out.push(f);
  return out;
}

/** Seconds a batch produced now waits in the producer: the backlog ahead of it ÷ the rate. */
export function producerWaitS(view: View, flow: number, sinceS: number): number {
  const { state, flows, alloc, drift } = view;
  const c = flows.klass[flow]!;
  const rate = alloc.rate[flow]!;
  const backlog = Math.max(0, state.producerBacklogMiB[c]! + drift.backlog[c]! * sinceS);
  return rate > 0 ? backlog / rate : 0;
}

/**
 * The last followers list handed out per produce flow of a flow table: a snapshot is built after
 * every allocation and its lists rarely change, so an unchanged list is the same (never mutated)
 * array as before instead of a new one each time.
 */
const followersCache = new WeakMap<object, (number[] | undefined)[]>();

function inSyncFollowers(view: View, produce: number): number[] {
  const { state, flows } = view;
  const c = flows.klass[produce]!;
  let cache = followersCache.get(flows);
  if (cache === undefined) {
    cache = [];
    followersCache.set(flows, cache);
  }
  const last = cache[produce];
  let same = last !== undefined;
  let n = 0;
  for (let j = 0; j < state.slots; j++) {
    const k = c * state.slots + j;
    const f = flows.replicateOf[k]!;
    if (f >= 0 && state.inIsr[k] === 1 && state.lagMiB[k]! <= 0) {
      if (same && last![n] !== flows.broker[f]!) same = false;
      n++;
    }
  }
  if (same && last!.length === n) return last!;
  const out: number[] = [];
  for (let j = 0; j < state.slots; j++) {
    const k = c * state.slots + j;
    const f = flows.replicateOf[k]!;
    if (f >= 0 && state.inIsr[k] === 1 && state.lagMiB[k]! <= 0) out.push(flows.broker[f]!);
  }
  cache[produce] = out;
  return out;
}

/** What a partition group takes from its topic's settings alone, worked out once per topic. */
interface TopicConstants {
  messageBytes: number;
  batchSizeBytes: number;
  lingerS: number;
  producerInstances: number;
  diskReadFraction: number;
  acks: PartitionGroup['acks'];
  consumerGroups: number;
  fetchFromFollowerSameAz: boolean;
  keyed: boolean;
  maxInFlight: number;
  /** Whether any consumer group asks for more than one record per fetch (fetch.min.bytes). */
  fetchWindows: boolean;
}

const topicConstants = new WeakMap<object, TopicConstants>();

function constantsOf(topic: View['state']['config']['topics'][number]): TopicConstants {
  let k = topicConstants.get(topic);
  if (k !== undefined) return k;
  const producer = topic.producers[0]!;
  let instances = 0;
  for (const p of topic.producers) instances += p.instances;
  // The simulated consumer fetch stands for every group (latency-recorder.ts): the share of
  // deliveries read from EBS is the groups' mean miss rate.
  let diskReads = 0;
  for (const g of topic.consumerGroups) if (g.mode.kind === 'lagging') diskReads += g.mode.diskReadFraction;
  k = {
    messageBytes: topic.messageSize.meanBytes * topic.compressionRatio,
    batchSizeBytes: producer.batchSizeBytes,
    lingerS: producer.lingerS,
    producerInstances: instances,
    diskReadFraction: topic.consumerGroups.length > 0 ? diskReads / topic.consumerGroups.length : 0,
    acks: producer.acks,
    consumerGroups: topic.consumerGroups.length,
    fetchFromFollowerSameAz: topic.consumerGroups.some((g) => g.rackAware),
    keyed: producer.keyed,
    maxInFlight: producer.maxInFlight,
    fetchWindows: topic.consumerGroups.some((g) => g.fetchMinBytes > topic.messageSize.meanBytes * topic.compressionRatio),
  };
  topicConstants.set(topic, k);
  return k;
}

function partitionGroup(view: View, f: number, topicMiBps: number): PartitionGroup {
  const { state, flows, alloc } = view;
  const topic = state.classes[flows.klass[f]!]!.topic;
  const k = constantsOf(state.config.topics[topic]!);
  const group: PartitionGroup = {
    count: flows.net.multiplicity[f]!,
    leader: flows.broker[f]!,
    followers: inSyncFollowers(view, f),
    produceMiBps: alloc.rate[f]!,
    messageBytes: k.messageBytes,
    batchSizeBytes: k.batchSizeBytes,
    lingerS: k.lingerS,
    producerInstances: k.producerInstances,
    client: topic,
    // Unkeyed records: the sticky partitioner fills one batch at a time at the producer's rate.
    // Every field is in the literal, so all groups share one shape (hidden class) wherever they are read.
    stickyProducerMiBps: k.keyed ? undefined : topicMiBps / k.producerInstances,
    maxInFlight: k.maxInFlight,
    consumerFetchWindowsS: k.fetchWindows ? fetchWindowsS(state.config, topic, topicMiBps, k.messageBytes) : undefined,
    diskReadFraction: k.diskReadFraction,
    acks: k.acks,
    consumerGroups: k.consumerGroups,
    fetchFromFollowerSameAz: k.fetchFromFollowerSameAz,
    producerWaitS: producerWaitS(view, f, 0),
    producerWaitEndS: undefined,
  };
  return group;
}

/**
 * Per consumer group of a topic writing `topicMiBps`, how long a fetch waits at the broker for
 * fetch.min.bytes: each consumer instance fetches its share of the partitions from the brokers
 * that lead them, so a fetch sees the topic's rate ÷ instances ÷ the brokers it fetches from;
 * at most fetch.max.wait.ms, and nothing when one record satisfies it.
 */
function fetchWindowsS(config: View['state']['config'], topic: number, topicMiBps: number, messageBytes: number): number[] {
  const t = config.topics[topic]!;
  return t.consumerGroups.map((g) => {
    if (!(g.fetchMinBytes > messageBytes)) return 0;
    const brokersPerFetch = Math.min(config.brokers, Math.max(1, Math.ceil(t.partitions / g.instances)));
    const bytesPerS = (topicMiBps * BYTES_PER_MIB) / g.instances / brokersPerFetch;
    return bytesPerS > 0 ? Math.min(g.fetchMaxWaitS, g.fetchMinBytes / bytesPerS) : g.fetchMaxWaitS;
  });
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
