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
// - The consumer's fetch.min.bytes: the broker holds a fetch until that many bytes are there or
//   fetch.max.wait.ms passes, so a fetch's window is W = min(max wait, min bytes ÷ the bytes a
//   second that consumer fetches from that broker) (0 when one record is enough), and a record,
//   arriving at a random moment of it, waits a uniform share. Groups differ: the window is drawn
//   from the groups' windows, each as likely (the simulated fetch stands for every group).
// - The producer's max.in.flight.requests.per.connection: an instance has at most c requests
//   outstanding to a broker, each for its round trip T (client to leader and back, the append,
//   and for acks=all the follower fetch). A batch that is ready while all c are out waits for
//   the first to come back — Erlang C at load a = λT gives the chance (λ the requests a second
//   the connection carries; 1 once a ≥ c), and the first of c round trips in progress returns
//   after an exponential time of mean T/c. It does not queue behind other waiting batches: the
//   sender drains every ready batch for the broker into the next request (up to max.request.size),
//   so a busy connection sends fewer, larger requests instead of falling behind. Only when even
//   c requests of max.request.size per round trip cannot carry its bytes does the client bound
//   throughput; the connection is then named as saturated.
//
// Pauses are drawn per request, independent of the queues: a real pause also holds the queue
// behind it, which this leaves out (the tail is set by the pause, not by what piles up behind).
import { erlangC } from './queue-waits.js';
import { negLnCell } from './quasi-random.js';
import { ACKS_ALL, MIB, type Routes } from './routes.js';
import { variabilityParams, type LatencySnapshot } from './snapshot.js';

/** Most of the time a broker may be paused: beyond it the broker is not a broker. */
const MAX_PAUSE_SHARE = 0.5;
/** A fetcher thread at or above this busy share is taken at it: its cycle is then 10 × the idle one. */
const MAX_FETCHER_BUSY = 0.9;
/** Kafka's producer max.request.size default (1 MiB): the most one request carries. */
const MAX_REQUEST_BYTES = 1048576;
/** How reports name a producer connection at its in-flight limit (after "broker N"). */
export const IN_FLIGHT_QUEUE_NAME = 'producer connections (max.in.flight)';
/** Kafka's max.in.flight.requests.per.connection default, for groups that do not say. */
const DEFAULT_MAX_IN_FLIGHT = 5;

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
  /** Per group: the fetch windows of its consumer groups (fetch.min.bytes), or undefined for none. */
  holdWindowsS: (readonly number[] | undefined)[];
  /** Per group: chance a request waits for a free in-flight slot, and the mean of that wait. */
  inFlightP: Float64Array;
  inFlightMeanS: Float64Array;
  /** Per group: 1 where its connection cannot carry its bytes in c requests of max.request.size a round trip. */
  inFlightHeld: Uint8Array;
  /** Scratch: requests and bytes a second per producer connection (client × leader). */
  connectionRequests: Map<number, number>;
  connectionBytes: Map<number, number>;
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
    holdWindowsS: new Array<readonly number[] | undefined>(r.groups).fill(undefined),
    inFlightP: new Float64Array(r.groups),
    inFlightMeanS: new Float64Array(r.groups),
    inFlightHeld: new Uint8Array(r.groups),
    connectionRequests: new Map(),
    connectionBytes: new Map(),
  };
}

/** Fills `v` for snapshot `s` with routes `r`; `pairs` is scratch of brokers² × 2 entries. */
export function resolveVariability(s: LatencySnapshot, r: Routes, v: Variability, pairs: Float64Array): Variability {
  // Client settings, not sources of noise: they hold with variability switched off too.
  for (let g = 0; g < r.groups; g++) v.holdWindowsS[g] = s.partitions[g]!.consumerFetchWindowsS;
  resolveInFlight(s, r, v);
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

/**
 * The in-flight window of each producer connection (client × leader): requests a second over
 * the groups it carries, the mean round trip of one of them at light load, and Erlang C.
 */
function resolveInFlight(s: LatencySnapshot, r: Routes, v: Variability): void {
  const zs = r.clientAzs;
  const connection = (g: number): number => (s.partitions[g]!.client ?? -1 - g) * s.brokers + r.leader[g]!;
  const perConnection = v.connectionRequests;
  const bytesPerConnection = v.connectionBytes;
  perConnection.clear();
  bytesPerConnection.clear();
  for (let g = 0; g < r.groups; g++) {
    const k = connection(g);
    const instances = s.partitions[g]!.producerInstances;
    perConnection.set(k, (perConnection.get(k) ?? 0) + r.batchRate[g]! / instances);
    bytesPerConnection.set(k, (bytesPerConnection.get(k) ?? 0) + (r.batchRate[g]! * r.batchBytes[g]!) / instances);
  }
  for (let g = 0; g < r.groups; g++) {
    const pg = s.partitions[g]!;
    const requestsPerS = perConnection.get(connection(g))!;
    const bytesPerS = bytesPerConnection.get(connection(g))!;
    let oneWay = 0;
    for (let z = 0; z < zs; z++) oneWay += r.clientOneWayS[g * zs + z]!;
    oneWay /= zs;
    const leader = r.leader[g]!;
    let roundTripS = 2 * oneWay + r.batchBytes[g]! * r.inSPerByte[leader]! + r.handlerS[g]!;
    if (r.acks[g] === ACKS_ALL && r.followerStart[g + 1]! > r.followerStart[g]!) roundTripS += 2 * r.interBrokerOneWayS + r.batchBytes[g]! * r.outSPerByte[leader]!;
    const c = pg.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    const usable = requestsPerS > 0 && roundTripS > 0 && Number.isFinite(roundTripS);
    v.inFlightHeld[g] = usable && bytesPerS * roundTripS > c * MAX_REQUEST_BYTES ? 1 : 0;
    v.inFlightP[g] = usable ? erlangC(c, requestsPerS * roundTripS) : 0;
    v.inFlightMeanS[g] = v.inFlightP[g]! > 0 ? roundTripS / c : 0;
  }
}

/** Names of the brokers whose producer connections are at or beyond max.in.flight, as reports name resources. */
export function inFlightSaturated(r: Routes, v: Variability): string[] {
  const brokers = new Set<number>();
  for (let g = 0; g < r.groups; g++) if (v.inFlightHeld[g] === 1) brokers.add(r.leader[g]!);
  return [...brokers].sort((a, b) => a - b).map((b) => `broker ${b + 1} ${IN_FLIGHT_QUEUE_NAME}`);
}

/** The wait for a free in-flight slot on group g's connection, from a uniform u. */
export function inFlightWaitS(v: Variability, g: number, u: number): number {
  const p = v.inFlightP[g]!;
  return u < p ? v.inFlightMeanS[g]! * Math.log(p / u) : 0;
}

/** The wait of a delivery in its consumer's fetch window (fetch.min.bytes), from a uniform u. */
export function fetchHoldS(v: Variability, g: number, u: number): number {
  const windows = v.holdWindowsS[g];
  if (windows === undefined || windows.length === 0) return 0;
  const x = u * windows.length;
  const k = Math.min(windows.length - 1, Math.floor(x));
  return (x - k) * windows[k]!;
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
