// Demands of the flows at one allocation, from the state (DESIGN §3.3):
// - producers ask for their load, or as much as they can get while a backlog waits; nothing
//   while the partition refuses them (offline, or acks=all below min.insync.replicas);
// - a follower that is caught up is capped by its leader's appends; one behind fetches as fast
//   as the resources allow;
// - a group at the high watermark is capped by the flows that move it (the produce flow, or the
//   in-sync followers that hold it back); a group behind reads as fast as it can, a replay at
//   its rate on top of the tail;
// - a reader whose position lies beyond what its broker's page cache holds of the partition
//   reads from EBS (`readsFromDisk`, switched at closed-form crossings in `page-cache.ts`).
import { caughtUp, levelTolerance } from './drift.js';
import { PRODUCE, REPLICATE, type Flows } from './flows.js';
import type { TopicLoad } from './topic-load.js';
import { unavailable, type ClusterState } from './state.js';
import { BYTES_PER_MIB } from '../units.js';
import type { ModelConfig } from './config.js';
import { batchSpanS, keyedRequestsPerS, meanBatchRecords } from '../latency/accumulator.js';

/**
 * What each class's producers want to send now, per partition, whether they are refused, and
 * the most they can hold back. A backlog above a lowered bound fails at once (its records would
 * have expired or never fitted): a fluid approximation of records failing one by one.
 */
export function setProduceDemand(state: ClusterState, load: TopicLoad): void {
  const classes = state.classes;
  const bounds = clientBounds(state.config);
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c]!;
    state.produceDemand[c] = load.now[cls.topic]! * cls.share;
    state.refused[c] = unavailable(state, c) ? 1 : 0;
    const client = bounds[cls.topic]!;
    const cap = Math.min(client.bufferMiB * cls.share, state.produceDemand[c]! * client.deliveryTimeoutS);
    state.backlogCapMiB[c] = cap;
    const over = state.producerBacklogMiB[c]! - cap;
    if (over > 0) {
      state.totals.clientLostMiB += over * cls.count;
      state.producerBacklogMiB[c] = cap;
    }
  }
}

interface RequestShape {
  messageBytes: number;
  batchRecords: number;
  lingerS: number;
  instances: number;
  keyed: boolean;
  /** The last topic rate asked about and its answer: rates change only at profile steps. */
  lastMiBps: number;
  lastCpuPerMiB: number;
}

const requestShapes = new WeakMap<ModelConfig, readonly RequestShape[]>();

function requestShapesOf(config: ModelConfig): readonly RequestShape[] {
  let shapes = requestShapes.get(config);
  if (shapes === undefined) {
    shapes = config.topics.map((t) => {
      const messageBytes = t.messageSize.meanBytes * t.compressionRatio;
      const producer = t.producers[0]!;
      return {
        messageBytes,
        batchRecords: Math.max(1, Math.floor(producer.batchSizeBytes / messageBytes)),
        lingerS: producer.lingerS,
        instances: t.producers.reduce((sum, p) => sum + p.instances, 0),
        keyed: producer.keyed,
        lastMiBps: NaN,
        lastCpuPerMiB: NaN,
      };
    });
    requestShapes.set(config, shapes);
  }
  return shapes;
}

/**
 * The CPU coefficient of every produce flow at its leader (produceCpuPerMiB). Keyed records
 * share requests per topic and leader (keyedRequestsPerS, as the latency routes do), so their
 * coefficient needs the whole set of classes a broker leads.
 */
function setProduceCpu(state: ClusterState, flows: Flows): void {
  const { config, classes } = state;
  const net = flows.net;
  const shapes = requestShapesOf(config);
  let keyed: Map<number, { cycleS: number; bytesPerS: number; batchesPerS: number }> | undefined;
  const perRequest = config.cpu.coreSecondsPerRequest ?? 0;
  for (let f = 0; f < net.flowCount; f++) {
    if (flows.kind[f] !== PRODUCE) continue;
    const c = flows.klass[f]!;
    const cls = classes[c]!;
    const shape = shapes[cls.topic]!;
    if (!shape.keyed || !(perRequest > 0)) {
      net.useCoefficient[flows.produceCpuUse[f]!] = produceCpuPerMiB(config, cls.topic, cls.share > 0 ? state.produceDemand[c]! / cls.share : 0);
      continue;
    }
    const bytesPerS = state.produceDemand[c]! * BYTES_PER_MIB;
    const recordsPerS = bytesPerS / shape.instances / shape.messageBytes;
    keyed ??= new Map();
    const k = cls.topic * state.resources.brokers + flows.broker[f]!;
    const set = keyed.get(k) ?? { cycleS: Infinity, bytesPerS: 0, batchesPerS: 0 };
    set.cycleS = Math.min(set.cycleS, batchSpanS(recordsPerS, shape.lingerS, shape.batchRecords));
    set.bytesPerS += bytesPerS * cls.count;
    set.batchesPerS += (bytesPerS * cls.count) / (shape.messageBytes * meanBatchRecords(recordsPerS, shape.lingerS, shape.batchRecords));
    keyed.set(k, set);
  }
  if (keyed === undefined) return;
  const perMiB = config.cpu.coreSecondsPerMiBProduced;
  for (let f = 0; f < net.flowCount; f++) {
    if (flows.kind[f] !== PRODUCE) continue;
    const cls = classes[flows.klass[f]!]!;
    const shape = shapes[cls.topic]!;
    if (!shape.keyed) continue;
    const set = keyed.get(cls.topic * state.resources.brokers + flows.broker[f]!)!;
    const requests = set.bytesPerS > 0 ? keyedRequestsPerS(shape.instances, set.cycleS, set.batchesPerS) : 0;
    net.useCoefficient[flows.produceCpuUse[f]!] = set.bytesPerS > 0 ? perMiB + (perRequest * requests * BYTES_PER_MIB) / set.bytesPerS : perMiB;
  }
}

/**
 * Core-seconds a leader spends per MiB produced to a topic writing `topicMiBps` in all: the
 * per-byte cost plus cpu.coreSecondsPerRequest over the bytes of one produce request. Requests
 * are the latency layer's (routes.ts): unkeyed records under the sticky partitioner, one batch a
 * request, each producer instance filling its batch at its share of the topic's rate until
 * batch.size or linger.ms — so small batches at a low rate cost more CPU per byte, and the
 * throughput model's CPU and the latency model's request handlers carry the same work.
 */
export function produceCpuPerMiB(config: ModelConfig, topic: number, topicMiBps: number): number {
  const perMiB = config.cpu.coreSecondsPerMiBProduced;
  const perRequest = config.cpu.coreSecondsPerRequest ?? 0;
  if (!(perRequest > 0)) return perMiB;
  const shape = requestShapesOf(config)[topic]!;
  if (shape.lastMiBps === topicMiBps) return shape.lastCpuPerMiB;
  const recordsPerS = (topicMiBps * BYTES_PER_MIB) / shape.instances / shape.messageBytes;
  const requestMiB = (shape.messageBytes * meanBatchRecords(recordsPerS, shape.lingerS, shape.batchRecords)) / BYTES_PER_MIB;
  shape.lastMiBps = topicMiBps;
  shape.lastCpuPerMiB = perMiB + perRequest / requestMiB;
  return shape.lastCpuPerMiB;
}

interface ClientBounds {
  bufferMiB: number;
  deliveryTimeoutS: number;
}

/** Per configuration, computed once: the bounds of each topic's producers. */
const boundsOf = new WeakMap<ModelConfig, readonly ClientBounds[]>();

/**
 * Each topic's producers together: the buffer.memory of all their instances, and the shortest
 * delivery.timeout.ms among them (records share the partitions' backlogs, so the first to
 * give up bounds them).
 */
function clientBounds(config: ModelConfig): readonly ClientBounds[] {
  let bounds = boundsOf.get(config);
  if (bounds === undefined) {
    bounds = config.topics.map((t) => ({
      bufferMiB: t.producers.reduce((sum, p) => sum + (p.instances * p.bufferMemoryBytes) / BYTES_PER_MIB, 0),
      deliveryTimeoutS: Math.min(...t.producers.map((p) => p.deliveryTimeoutS)),
    }));
    boundsOf.set(config, bounds);
  }
  return bounds;
}

export function setDemands(state: ClusterState, flows: Flows): void {
  setProduceCpu(state, flows);
  const { classes, slots, groupSlots } = state;
  const net = flows.net;
  const demand = net.demand;
  const capStart = net.capStart.length === net.flowCount + 1 ? net.capStart : new Int32Array(net.flowCount + 1);
  let caps = net.capFlow.length >= net.flowCount * 2 ? net.capFlow : new Int32Array(net.flowCount * 4);
  let used = 0;
  const push = (flow: number) => {
    if (used === caps.length) {
      const grown = new Int32Array(caps.length * 2);
      grown.set(caps);
      caps = grown;
    }
    caps[used++] = flow;
  };
  // Flows of a class come in order — produce, replicas, groups (buildFlows) — so the sources of
  // the high watermark are known before the groups that it caps.
  let hwSources: number[] = [];
  for (let f = 0; f < net.flowCount; f++) {
    const c = flows.klass[f]!;
    const kind = flows.kind[f]!;
    if (kind === PRODUCE) {
      demand[f] = state.refused[c] === 1 ? 0 : state.producerBacklogMiB[c]! > 0 ? Infinity : state.produceDemand[c]!;
      hwSources = highWatermarkSources(state, flows, c);
    } else if (kind === REPLICATE) {
      const k = c * slots + flows.slot[f]!;
      demand[f] = flows.tiedTo[f]! >= 0 ? 0 : Infinity; // a tied follower moves with its produce flow
      if (flows.tiedTo[f]! < 0 && caughtUp(state, c, state.lagMiB[k]!)) push(flows.produceOf[c]!);
    } else {
      const k = c * groupSlots + flows.slot[f]!;
      const replay = flows.replayMiBps[f]!;
      if (state.consumerLagMiB[k]! > 0) {
        demand[f] = replay > 0 ? state.produceDemand[c]! + replay * classes[c]!.share : Infinity;
      } else {
        demand[f] = Infinity;
        for (const s of hwSources) push(s);
      }
      setReadCoefficients(state, flows, f, k);
    }
    capStart[f + 1] = used;
  }
  net.capStart = capStart;
  net.capFlow = caps;
}

/**
 * The flows that move class c's high watermark: while every in-sync replica is caught up, the
 * produce flow and the caught-up followers' flows; while some lag, the lagging ones' flows.
 */
function highWatermarkSources(state: ClusterState, flows: Flows, c: number): number[] {
  const cls = state.classes[c]!;
  const lagging: number[] = [];
  const current: number[] = [flows.produceOf[c]!];
  // The high watermark is the position of the in-sync replica furthest behind: it moves with that
  // follower (with the slowest of them when several are equally far behind).
  const tolerance = levelTolerance(state, c);
  let maxLag = 0;
  for (let j = 0; j < cls.replicas.length; j++) {
    const k = c * state.slots + j;
    if (state.inIsr[k] === 1 && state.lagMiB[k]! > maxLag) maxLag = state.lagMiB[k]!;
  }
  for (let j = 0; j < cls.replicas.length; j++) {
    const k = c * state.slots + j;
    const f = flows.replicateOf[k]!;
    if (state.inIsr[k] !== 1 || f < 0 || flows.tiedTo[f]! >= 0) continue;
    if (caughtUp(state, c, state.lagMiB[k]!)) current.push(f);
    else if (state.lagMiB[k]! >= maxLag - tolerance) lagging.push(f);
  }
  return lagging.length > 0 ? lagging : current;
}

/**
 * EBS reads of a fetch flow: its servers' shares × (1 beyond the page cache, else the group's
 * disk-read fraction; in between for a reader held at the window's edge).
 */
export function setReadCoefficients(state: ClusterState, flows: Flows, flow: number, k: number): void {
  const net = flows.net;
  const base = flows.diskReadFraction[flow]!;
  const fraction = base + state.diskShare[k]! * (1 - base);
  for (let u = net.useStart[flow]!; u < net.useStart[flow + 1]!; u++) {
    if (flows.useIsRead[u] === 1) net.useCoefficient[u] = flows.useWeight[u]! * fraction;
  }
}
