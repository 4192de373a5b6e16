// Sources of latency variability that are not queues (issue 10), one law each, shared by both
// latency modes so they still agree: each is a delay drawn per request from a few uniforms
// (or one standard normal) and added where it falls on the path. Every constant is a catalog
// assumption (snapshot.ts, variabilityParams).
//
// - Batch fill (accumulator.ts): records arrive at random, so batches close at random sizes.
// - Client round-trip jitter: an exponential extra delay of mean network.rttJitterMeanS.
// - Broker stalls: JVM pauses (G1 young collections, safepoints) stop a broker for an
//   exponential time of mean D_b = gcPauseCoreS / vCPU_b, a share φ_b = gcPauseShareCore / vCPU_b
//   of the time: the work of a collection is shared by ParallelGCThreads = vCPUs, so a small
//   broker is slower per request, not only busier. Appends also stall behind dirty-page
//   write-back to the network-attached EBS volume, for a mean writebackStallSPerMiBps · w_b, a
//   share writebackStallSharePerMiBps · w_b of the time, w_b the MiB/s the broker writes (zero
//   on local disks). A request that reaches a stalled broker waits for the rest of the stall: by
//   the memoryless property an Exp(D_b) residual, with probability φ_b (PASTA). The leader's
//   stall delays the append; a follower's delays its ack. A log segment roll stalls its
//   partition's appends for log.segmentRollS once every log.segment.bytes; a request hits one
//   with probability rate·rollS/segmentBytes and waits a uniform share of it.
// - The follower fetch cycle acks=all waits on: a follower's fetch waits at the leader until data
//   arrives (replica.fetch.min.bytes 1, replica.fetch.wait.max.ms 500), so a batch appended
//   while the fetch is parked leaves at once. While the fetcher thread is still busy with the
//   previous response, the batch waits for the rest of that cycle: a share of the round trip
//   and the rest of the cycle's work. The round trip is near constant; the work varies (the
//   bytes each fetch carries, the follower's appends) and is taken as exponential, whose
//   residual at a random moment is again exponential with the same mean (the inspection
//   paradox: Feller 1971, vol. II, XI.4). The cycle is C = (inter-broker round trip +
//   fetchFixedS) / (1 − ρ_f), its work C − round trip, the bytes of a cycle taking
//   fetcherSPerMiB each (ρ_f = the thread's MiB/s · fetcherSPerMiB, the thread's busy share), and
//   the thread is busy when a batch came during the last cycle: probability 1 − e^(−νC), ν the
//   batches a second the thread fetches.
// - Page cache vs EBS: a consumer fetch that misses the page cache (diskReadFraction of them)
//   waits ebs.readLatencyS more.
//
// Pauses are drawn per request, independent of the queues: a real pause also holds the queue
// behind it, which this leaves out (the tail is set by the pause, not by what piles up behind).
import { negLnCell } from './quasi-random.js';
import { MIB, type Routes } from './routes.js';
import { variabilityParams, type LatencySnapshot } from './snapshot.js';

/** Most of the time a broker may be paused: beyond it the broker is not a broker. */
const MAX_PAUSE_SHARE = 0.5;
/** A fetcher thread at or above this busy share is taken at it: its cycle is then 10 × the idle one. */
const MAX_FETCHER_BUSY = 0.9;

export interface Variability {
  jitterMeanS: number;
  /** Per broker: pause share φ and mean pause D. */
  pauseP: Float64Array;
  pauseMeanS: Float64Array;
  /** Per broker: share of time appends stall behind EBS write-back, and the stall's mean. */
  writebackP: Float64Array;
  writebackMeanS: Float64Array;
  /** Per group: chance a request meets a segment roll, and the roll's length. */
  rollP: Float64Array;
  rollS: number;
  /**
   * Per follower slot (as Routes.followers): chance the fetcher is busy, and the mean work of a
   * cycle besides the round trip (fetchRttS, the same for all).
   */
  fetchBusyP: Float64Array;
  fetchWorkS: Float64Array;
  fetchRttS: number;
  /** Per group: share of consumer fetches read from EBS, and the read's latency. */
  diskP: Float64Array;
  diskS: number;
}

export function variabilityBuffers(r: Routes): Variability {
  return {
    jitterMeanS: 0,
    pauseP: new Float64Array(r.inSPerByte.length),
    pauseMeanS: new Float64Array(r.inSPerByte.length),
    writebackP: new Float64Array(r.inSPerByte.length),
    writebackMeanS: new Float64Array(r.inSPerByte.length),
    rollP: new Float64Array(r.groups),
    rollS: 0,
    fetchBusyP: new Float64Array(r.followers.length),
    fetchWorkS: new Float64Array(r.followers.length),
    fetchRttS: 0,
    diskP: new Float64Array(r.groups),
    diskS: 0,
  };
}

/** Fills `v` for snapshot `s` with routes `r`; `pairs` is scratch of brokers² × 2 entries. */
export function resolveVariability(s: LatencySnapshot, r: Routes, v: Variability, pairs: Float64Array): Variability {
  if (s.params.variability === false) return quiet(v);
  const p = variabilityParams(s.params);
  v.jitterMeanS = p.rttJitterMeanS;
  v.rollS = p.segmentRollS;
  v.diskS = p.ebsReadLatencyS;
  for (let b = 0; b < s.brokers; b++) {
    const cores = s.cpuCores[b]!;
    v.pauseP[b] = cores > 0 ? Math.min(MAX_PAUSE_SHARE, p.gcPauseShareCore / cores) : 0;
    v.pauseMeanS[b] = cores > 0 ? p.gcPauseCoreS / cores : 0;
    const writtenMiBps = s.ebsLoad[b]!;
    v.writebackP[b] = Math.min(MAX_PAUSE_SHARE, p.writebackStallSharePerMiBps * writtenMiBps);
    v.writebackMeanS[b] = p.writebackStallSPerMiBps * writtenMiBps;
  }
  const n = s.brokers;
  pairs.fill(0);
  for (let g = 0; g < r.groups; g++) {
    const pg = s.partitions[g]!;
    v.rollP[g] = p.segmentRollS > 0 ? Math.min(1, (pg.produceMiBps * MIB * p.segmentRollS) / p.segmentBytes) : 0;
    v.diskP[g] = pg.diskReadFraction ?? 0;
    const leader = r.leader[g]!;
    for (let k = r.followerStart[g]!; k < r.followerStart[g + 1]!; k++) {
      const cell = 2 * (leader * n + r.followers[k]!);
      pairs[cell]! += pg.count * pg.produceMiBps;
      pairs[cell + 1]! += r.batchRate[g]!;
    }
  }
  const rttS = r.interBrokerOneWayS * 2;
  v.fetchRttS = rttS;
  for (let g = 0; g < r.groups; g++) {
    const leader = r.leader[g]!;
    for (let k = r.followerStart[g]!; k < r.followerStart[g + 1]!; k++) {
      const cell = 2 * (leader * n + r.followers[k]!);
      const busy = Math.min(MAX_FETCHER_BUSY, (pairs[cell]! / p.replicaFetchers) * p.fetcherSPerMiB);
      const cycleS = (rttS + p.fetchFixedS) / (1 - busy);
      v.fetchWorkS[k] = cycleS - rttS;
      v.fetchBusyP[k] = 1 - Math.exp((-pairs[cell + 1]! / p.replicaFetchers) * cycleS);
    }
  }
  return v;
}

function quiet(v: Variability): Variability {
  v.jitterMeanS = 0;
  v.rollS = 0;
  v.diskS = 0;
  for (const a of [v.pauseP, v.pauseMeanS, v.writebackP, v.writebackMeanS, v.rollP, v.fetchBusyP, v.fetchWorkS, v.diskP]) a.fill(0);
  v.fetchRttS = 0;
  return v;
}

/** A broker pause (or a segment roll of group g) met by a request, from a uniform u. */
export function stallS(v: Variability, broker: number, g: number, u: number): number {
  const p = v.pauseP[broker]!;
  if (u < p) return v.pauseMeanS[broker]! * Math.log(p / u);
  const w = v.writebackP[broker]!;
  if (u < p + w) return v.writebackMeanS[broker]! * Math.log(w / (u - p));
  const roll = v.rollP[g]!;
  return u < p + w + roll ? (v.rollS * (u - p - w)) / roll : 0;
}

/** The wait for the fetch cycle in progress at follower slot k, from a uniform u. */
export function fetchCycleWaitS(v: Variability, k: number, u: number): number {
  const busy = v.fetchBusyP[k]!;
  if (!(u < busy)) return 0;
  const x = u / busy;
  return v.fetchRttS * (1 - x) + v.fetchWorkS[k]! * negLnCell(x);
}

/** The EBS read of a consumer fetch of group g, from a uniform u. */
export function diskReadS(v: Variability, g: number, u: number): number {
  return u < v.diskP[g]! ? v.diskS : 0;
}

/** Client round-trip jitter from −ln(1 − u). */
export function jitterS(v: Variability, negLnTail: number): number {
  return v.jitterMeanS * negLnTail;
}
