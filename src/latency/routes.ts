// Where each partition group's requests go and how long each step takes on an idle cluster:
// the batch a producer sends, how often, the one-way delays to and from the clients, which
// broker serves each AZ's consumers, and the service time of a batch at each broker resource.
// Both latency modes read these numbers, so they walk the same path by construction.
import { batchSpanS, fillConstants, keyedRequestsPerS, meanBatchRecords, waitInBatch } from './accumulator.js';
import { DEFAULT_CPU_SECONDS_PER_MIB, type LatencySnapshot } from './snapshot.js';

export const MIB = 1048576;

export const ACKS_0 = 0;
export const ACKS_1 = 1;
export const ACKS_ALL = 2;

export interface Routes {
  groups: number;
  clientAzs: number;
  leader: Int32Array;
  /** Followers of group g are followers[followerStart[g] … followerStart[g + 1]). */
  followerStart: Int32Array;
  followers: Int32Array;
  acks: Uint8Array;
  consumerGroups: Int32Array;
  batchBytes: Float64Array;
  /** Batches a second over all partitions of the group; 0 when it produces nothing. */
  batchRate: Float64Array;
  /** Per group: the producer-side wait before a batch is sent (snapshot producerWaitS). */
  producerWaitS: Float64Array;
  /** Per group: how much the producer-side wait grows over the snapshot's span (may be < 0). */
  producerWaitSpanS: Float64Array;
  /**
   * Per group, the producer's accumulator (accumulator.ts): records a second filling one batch
   * (the producer's whole topic under the sticky partitioner, one partition's share when
   * keyed), linger.ms, and the records that fill batch.size.
   */
  recordsPerS: Float64Array;
  lingerS: Float64Array;
  batchRecords: Float64Array;
  /** Per group, fillConstants() of accumulator.ts. */
  fillMeanS: Float64Array;
  fillA: Float64Array;
  fillB: Float64Array;
  /** Per (group, AZ) at index g · clientAzs + z. */
  clientOneWayS: Float64Array;
  servingBroker: Int32Array;
  consumerOneWayS: Float64Array;
  /** Extra delay before the serving broker may answer: the HW reaching a follower. */
  hwDelayS: Float64Array;
  interBrokerOneWayS: number;
  /** Per broker: seconds per byte on network in, network out and EBS (Infinity at zero capacity). */
  inSPerByte: Float64Array;
  outSPerByte: Float64Array;
  ebsSPerByte: Float64Array;
  /** Per broker request-handler pool: servers, and the cores they have between them. */
  handlerServers: Int32Array;
  handlerCores: Float64Array;
  /** Per group: handler service time of one produce request at its leader. */
  handlerS: Float64Array;
  /** Handler CPU of a produce request: a fixed part plus a part per byte (core-seconds). */
  cpuPerRequestS: number;
  cpuPerByteS: number;
}

/** A record's wait in group g's accumulator, from a standard normal z and a uniform u (accumulator.ts). */
export function accumulatorWaitS(r: Routes, g: number, z: number, u: number): number {
  const c = r.fillA[g]! + r.fillB[g]! * z;
  const fillS = c > 0 ? r.fillMeanS[g]! * c * c * c : 0;
  const linger = r.lingerS[g]!;
  return waitInBatch(r.recordsPerS[g]!, fillS < linger ? fillS : linger, u);
}

/**
 * Batch size (Kafka producer RecordAccumulator) at its mean fill rate: a batch leaves when
 * batch.size fills or linger.ms expires, so it holds what one producer writes in linger.ms, at
 * least one message and at most batch.size — except that a message larger than batch.size goes
 * out alone in a batch of its own size (KafkaProducer docs, batch.size). A rough figure for
 * sizing (the latency layer uses meanBatchRecords, which varies the fill).
 */
export function batchBytes(perProducerBytesPerS: number, lingerS: number, messageBytes: number, batchSizeBytes: number): number {
  const filled = Math.min(batchSizeBytes, perProducerBytesPerS * lingerS);
  return filled > messageBytes ? filled : messageBytes;
}

/**
 * Resolves the snapshot's routes, into `reuse` when it has the same shape (brokers, groups,
 * followers, client AZs): the estimate runs once a segment and need not allocate each time.
 */
export function resolveRoutes(s: LatencySnapshot, reuse?: Routes): Routes {
  const p = s.params;
  const r = reuse !== undefined && sameShape(reuse, s) ? reuse : allocateRoutes(s);
  r.interBrokerOneWayS = p.rttInterBrokerS / 2;
  perByte(s.netInMiBps, r.inSPerByte);
  perByte(s.netOutMiBps, r.outSPerByte);
  perByte(s.ebsMiBps, r.ebsSPerByte);
  r.cpuPerRequestS = p.cpuSecondsPerRequest;
  r.cpuPerByteS = (p.cpuSecondsPerMiB ?? DEFAULT_CPU_SECONDS_PER_MIB) / MIB;
  const groups = r.groups;
  resolveHandlers(s, r);
  let f = 0;
  for (let g = 0; g < groups; g++) {
    const pg = s.partitions[g]!;
    r.followerStart[g] = f;
    const followers = pg.followers;
    for (let k = 0; k < followers.length; k++) r.followers[f++] = followers[k]!;
    r.leader[g] = pg.leader;
    r.acks[g] = pg.acks === 'all' ? ACKS_ALL : pg.acks === '1' ? ACKS_1 : ACKS_0;
    r.consumerGroups[g] = pg.consumerGroups;
    r.producerWaitS[g] = pg.producerWaitS ?? 0;
    r.producerWaitSpanS[g] = (pg.producerWaitEndS ?? r.producerWaitS[g]!) - r.producerWaitS[g]!;
    const perPartitionBps = pg.produceMiBps * MIB;
    // Unkeyed records under the sticky partitioner fill one batch at a time at the producer's
    // whole rate, then move to another partition (KIP-480; KIP-794 after batch.size bytes), so
    // a producer sends about one batch per request; keyed records fill a batch per partition.
    const fillBps = pg.stickyProducerMiBps !== undefined ? pg.stickyProducerMiBps * MIB : perPartitionBps / pg.producerInstances;
    const recordsPerS = fillBps / pg.messageBytes;
    const batchRecords = Math.max(1, Math.floor(pg.batchSizeBytes / pg.messageBytes));
    r.recordsPerS[g] = recordsPerS;
    r.lingerS[g] = pg.lingerS;
    r.batchRecords[g] = batchRecords;
    const fill = fillConstants(recordsPerS, batchRecords);
    r.fillMeanS[g] = fill.meanS;
    r.fillA[g] = fill.a;
    r.fillB[g] = fill.b;
    const bytes = pg.messageBytes * meanBatchRecords(recordsPerS, pg.lingerS, batchRecords);
    r.batchBytes[g] = bytes;
    r.batchRate[g] = (pg.count * perPartitionBps) / bytes;
    r.handlerS[g] = handlerServiceS(r, pg.leader, bytes);
    resolveClients(s, g, r);
  }
  r.followerStart[groups] = f;
  coalesceKeyed(s, r);
  return r;
}

/**
 * Keyed records fill a batch per partition, but the producer sends one request per broker per
 * drain carrying every open batch there (keyedRequestsPerS). Groups of one client and leader
 * then share requests: each group's jobs are its share of them, each the size of a whole
 * request. In the accumulator a record waits for the next drain: the first record after a
 * drain opens the cycle and waits all of it, later ones a uniform share — the accumulator law
 * of accumulator.ts at the records a second the instance sends that broker, with the cycle as
 * its linger and no batch.size (a partition's full batch is what shortens the cycle).
 */
/** A batch no records fill: a drain cycle ends at its linger (the cycle) only. */
const UNBOUNDED_BATCH_RECORDS = 2 ** 40;

function coalesceKeyed(s: LatencySnapshot, r: Routes): void {
  let sets: Map<number, { cycleS: number; bytesPerS: number; batchesPerS: number; instances: number }> | undefined;
  const key = (g: number, pg: LatencySnapshot['partitions'][number]) => (pg.client ?? -1 - g) * s.brokers + pg.leader;
  for (let g = 0; g < r.groups; g++) {
    const pg = s.partitions[g]!;
    if (pg.stickyProducerMiBps !== undefined || !(r.batchRate[g]! > 0)) continue;
    sets ??= new Map();
    const k = key(g, pg);
    const set = sets.get(k) ?? { cycleS: Infinity, bytesPerS: 0, batchesPerS: 0, instances: pg.producerInstances };
    set.cycleS = Math.min(set.cycleS, batchSpanS(r.recordsPerS[g]!, pg.lingerS, r.batchRecords[g]!));
    set.bytesPerS += pg.count * pg.produceMiBps * MIB;
    set.batchesPerS += r.batchRate[g]!;
    sets.set(k, set);
  }
  if (sets === undefined) return;
  for (let g = 0; g < r.groups; g++) {
    const pg = s.partitions[g]!;
    if (pg.stickyProducerMiBps !== undefined || !(r.batchRate[g]! > 0)) continue;
    const set = sets.get(key(g, pg))!;
    const requests = keyedRequestsPerS(set.instances, set.cycleS, set.batchesPerS);
    const bytes = set.bytesPerS / requests;
    r.batchBytes[g] = bytes;
    r.batchRate[g] = (requests * pg.count * pg.produceMiBps * MIB) / set.bytesPerS;
    r.lingerS[g] = Math.min(pg.lingerS, set.cycleS);
    r.recordsPerS[g] = set.bytesPerS / set.instances / pg.messageBytes;
    r.batchRecords[g] = UNBOUNDED_BATCH_RECORDS;
    const fill = fillConstants(r.recordsPerS[g]!, UNBOUNDED_BATCH_RECORDS);
    r.fillMeanS[g] = fill.meanS;
    r.fillA[g] = fill.a;
    r.fillB[g] = fill.b;
    r.handlerS[g] = handlerServiceS(r, pg.leader, bytes);
  }
}

function allocateRoutes(s: LatencySnapshot): Routes {
  const groups = s.partitions.length;
  const cells = groups * s.clientAzs;
  const n = s.brokers;
  return {
    groups,
    clientAzs: s.clientAzs,
    leader: new Int32Array(groups),
    followerStart: new Int32Array(groups + 1),
    followers: new Int32Array(countFollowers(s)),
    acks: new Uint8Array(groups),
    consumerGroups: new Int32Array(groups),
    batchBytes: new Float64Array(groups),
    batchRate: new Float64Array(groups),
    producerWaitS: new Float64Array(groups),
    producerWaitSpanS: new Float64Array(groups),
    recordsPerS: new Float64Array(groups),
    lingerS: new Float64Array(groups),
    batchRecords: new Float64Array(groups),
    fillMeanS: new Float64Array(groups),
    fillA: new Float64Array(groups),
    fillB: new Float64Array(groups),
    clientOneWayS: new Float64Array(cells),
    servingBroker: new Int32Array(cells),
    consumerOneWayS: new Float64Array(cells),
    hwDelayS: new Float64Array(cells),
    interBrokerOneWayS: 0,
    inSPerByte: new Float64Array(n),
    outSPerByte: new Float64Array(n),
    ebsSPerByte: new Float64Array(n),
    handlerServers: new Int32Array(n),
    handlerCores: new Float64Array(n),
    handlerS: new Float64Array(groups),
    cpuPerRequestS: 0,
    cpuPerByteS: 0,
  };
}

function sameShape(r: Routes, s: LatencySnapshot): boolean {
  return r.groups === s.partitions.length && r.clientAzs === s.clientAzs && r.inSPerByte.length === s.brokers && r.followers.length === countFollowers(s);
}

function countFollowers(s: LatencySnapshot): number {
  let n = 0;
  const groups = s.partitions;
  for (let g = 0; g < groups.length; g++) n += groups[g]!.followers.length;
  return n;
}

function perByte(miBps: Float64Array, out: Float64Array): void {
  for (let b = 0; b < miBps.length; b++) out[b] = 1 / (miBps[b]! * MIB);
}

// The handler pool (num.io.threads threads) can run no more requests at once than there are
// cores to run them: a thread waiting for a core is busy but makes no progress. We model it as
// c = ⌈min(cores, threads)⌉ servers sharing min(cores, threads) cores, so a request on an idle
// broker takes its own CPU time (on a whole core), and the pool's capacity, in core-seconds a
// second, is min(cores, threads). With threads ≥ cores (MSK's 8 threads on ≤ 8 vCPUs) its
// utilisation is then cpuLoad / cpuCores, the snapshot's CPU utilisation.
function resolveHandlers(s: LatencySnapshot, r: Routes): void {
  const threads = s.params.ioThreads;
  for (let b = 0; b < s.brokers; b++) {
    const cores = Math.min(s.cpuCores[b]!, threads);
    r.handlerCores[b] = cores;
    r.handlerServers[b] = Math.max(1, Math.ceil(cores));
  }
}

// Clients sit evenly in AZs 0 … clientAzs − 1. A consumer reads from the leader, or with
// rack-aware fetching (KIP-392) from the replica in its own AZ when there is one. A follower
// may only return data below the high watermark, which it learns from the leader in its next
// fetch response: one more inter-broker one-way after the HW advances (KIP-392, "High
// watermark propagation").
function resolveClients(s: LatencySnapshot, g: number, r: Routes): void {
  const pg = s.partitions[g]!;
  const p = s.params;
  const az = s.azOfBroker;
  const leaderAz = az[pg.leader]!;
  for (let z = 0; z < s.clientAzs; z++) {
    const i = g * s.clientAzs + z;
    r.clientOneWayS[i] = (leaderAz === z ? p.rttSameAzS : p.rttCrossAzS) / 2;
    let server = pg.leader;
    if (pg.fetchFromFollowerSameAz && leaderAz !== z) {
      for (let k = 0; k < pg.followers.length; k++) {
        if (az[pg.followers[k]!] === z) {
          server = pg.followers[k]!;
          break;
        }
      }
    }
    r.servingBroker[i] = server;
    r.consumerOneWayS[i] = (az[server] === z ? p.rttSameAzS : p.rttCrossAzS) / 2;
    r.hwDelayS[i] = server === pg.leader ? 0 : r.interBrokerOneWayS;
  }
}

/** Handler time of a produce request of `bytes` at broker b: its CPU on one server's share of the cores. */
export function handlerServiceS(r: Routes, b: number, bytes: number): number {
  const speed = r.handlerCores[b]! / r.handlerServers[b]!;
  return speed > 0 ? (r.cpuPerRequestS + r.cpuPerByteS * bytes) / speed : Infinity;
}

export function followerCount(r: Routes, g: number): number {
  return r.followerStart[g + 1]! - r.followerStart[g]!;
}
