// The sampling half of the estimate (estimate.ts): each request path's fixed parts gathered
// once per call into flat tables, then one pass over the quasi-random points that adds the
// sampled waits. The path and its formulas are described in estimate.ts.
import type { LatencyHistogram } from '../engine/index.js';
import { QMC_MASK, QMC_NEG_LN_TAIL, QMC_NORMAL, QMC_STEP, QMC_TAIL, QMC_U } from './quasi-random.js';
import { EBS, EBS_ON_PATH_RHO, HANDLER, NET_IN, NET_OUT, QUEUES_PER_BROKER, type QueueLoads } from './queue-loads.js';
import type { QueueWaits } from './queue-waits.js';
import { revisitWait } from './revisit.js';
import { coupling, sharedInputWork } from './shared-input.js';
import { accumulatorWaitS, ACKS_0, ACKS_1, ACKS_ALL, type Routes } from './routes.js';
import { diskReadS, fetchCycleWaitS, fetchHoldS, jitterS, stallS, type Variability } from './variability.js';

const DIM_STREAM = 0;
const DIM_IN = 1;
const DIM_HANDLER = 2;
const DIM_OUT = 3;
const DIM_CONSUMER = 4;
const DIM_SERVE = 5;
const DIM_REVISIT_MIN = 6;
const DIM_COUPLE = 7;
const DIM_FOLLOWERS = 8; // … 15: one per follower (MAX_FOLLOWERS)
const DIM_ACCUMULATOR = 16;
const DIM_BATCH_FILL = 17;
const DIM_JITTER = 18;
const DIM_LEADER_STALL = 19;
const DIM_FOLLOWER_STALLS = 20; // … 27
const DIM_FETCH_CYCLES = 28; // … 35
const DIM_DISK = 36;
const DIM_BACKLOG = 37;
const DIM_LEADER_EBS = 38;
const DIM_FOLLOWER_EBS = 39; // … 46
const DIM_IN_FLIGHT = 47;
const DIM_FETCH_HOLD = 48;

const IN_OPEN = 1;
const APPEND_OPEN = 2;
const HW_OPEN = 3;

export interface PathTable {
  /** Per group: queue indices of the leader's network in, handlers and network out. */
  qIn: Int32Array;
  qHandler: Int32Array;
  qOut: Int32Array;
  /** Per group: service at the leader's network in and, per copy, at its network out. */
  inS: Float64Array;
  outS: Float64Array;
  /**
   * Per group, how far the path is clear of saturated resources: 0 not at all, IN_OPEN
   * through the leader's network in, APPEND_OPEN through the append, HW_OPEN to the HW.
   */
  open: Uint8Array;
  /** Per group: the leader's EBS queue where appends wait on it (−1 otherwise), and the service there. */
  qLeaderEbs: Int32Array;
  leaderEbsS: Float64Array;
  /** Per follower slot: the same at the follower. */
  qFollowerEbs: Int32Array;
  followerEbsS: Float64Array;
  /** Per follower slot: its network-in queue, and its leg's fixed time ((k+1)·S_out + 2·ow_ib + S_in). */
  qFollowerIn: Int32Array;
  legS: Float64Array;
  /** Per follower slot: the chance its network-in wait takes the leader's rank (shared-input.ts). */
  couple: Float64Array;
  /** sharedInputWork() of the call. */
  shared: Float64Array;
  /** Per (group, consumer AZ) cell: the serving network out (−1 if saturated), its fixed time, whether the leader serves. */
  qServe: Int32Array;
  serveS: Float64Array;
  revisits: Uint8Array;
  /** Per queue, the wait law P(W > t) = min(p, A·e^(−rt)) as p, ln A and 1/r; and λE[S²]. */
  waitP: Float64Array;
  lnA: Float64Array;
  invRate: Float64Array;
  variancePerS: Float64Array;
}

export function pathTable(r: Routes, queues: number): PathTable {
  const g = r.groups;
  const cells = g * r.clientAzs;
  return {
    qIn: new Int32Array(g),
    qHandler: new Int32Array(g),
    qOut: new Int32Array(g),
    inS: new Float64Array(g),
    outS: new Float64Array(g),
    open: new Uint8Array(g),
    qLeaderEbs: new Int32Array(g),
    leaderEbsS: new Float64Array(g),
    qFollowerEbs: new Int32Array(r.followers.length),
    followerEbsS: new Float64Array(r.followers.length),
    qFollowerIn: new Int32Array(r.followers.length),
    legS: new Float64Array(r.followers.length),
    couple: new Float64Array(r.followers.length),
    shared: new Float64Array((queues / QUEUES_PER_BROKER) ** 2),
    qServe: new Int32Array(cells),
    serveS: new Float64Array(cells),
    revisits: new Uint8Array(cells),
    waitP: new Float64Array(queues),
    lnA: new Float64Array(queues),
    invRate: new Float64Array(queues),
    variancePerS: new Float64Array(queues),
  };
}

/** Fills the table from the routes and the queues' waiting-time laws (NaN waitP: saturated). */
export function fillPaths(r: Routes, q: QueueLoads, w: QueueWaits, t: PathTable): void {
  // Imports as locals (see samplePaths).
  const netIn = NET_IN;
  const netOut = NET_OUT;
  const handler = HANDLER;
  const ebs = EBS;
  const perBroker = QUEUES_PER_BROKER;
  const ebsOnPath = EBS_ON_PATH_RHO;
  const zs = r.clientAzs;
  const p = w.waitP; // NaN where saturated
  const brokers = q.queues / perBroker;
  sharedInputWork(r, brokers, t.shared);
  for (let i = 0; i < q.queues; i++) {
    // P(W > t) = min(p, A·e^(−rt)): where A < p the law starts at A, not p (meanWait says the
    // same), and drawing from p would give negative waits for 1 − u between A and p.
    t.waitP[i] = p[i]! > 0 ? Math.min(p[i]!, w.tailA[i]!) : 0;
    t.lnA[i] = p[i]! > 0 ? Math.log(w.tailA[i]!) : 0;
    t.invRate[i] = p[i]! > 0 ? 1 / w.tailRate[i]! : 0;
    t.variancePerS[i] = q.meanS[i]! > 0 ? (q.rho[i]! * q.meanS2[i]!) / q.meanS[i]! : 0;
  }
  for (let g = 0; g < r.groups; g++) {
    const leader = r.leader[g]!;
    const base = leader * perBroker;
    const bytes = r.batchBytes[g]!;
    t.qIn[g] = base + netIn;
    t.qHandler[g] = base + handler;
    t.qOut[g] = base + netOut;
    t.inS[g] = bytes * r.inSPerByte[leader]!;
    t.outS[g] = bytes * r.outSPerByte[leader]!;
    const onPath = q.rho[base + ebs]! >= ebsOnPath;
    t.qLeaderEbs[g] = onPath ? base + ebs : -1;
    t.leaderEbsS[g] = onPath ? bytes * r.ebsSPerByte[leader]! : 0;
    const first = r.followerStart[g]!;
    let hwOpen = p[base + netOut]! >= 0 || first === r.followerStart[g + 1];
    for (let k = first; k < r.followerStart[g + 1]!; k++) {
      const f = r.followers[k]!;
      const fb = f * perBroker;
      t.qFollowerIn[k] = fb + netIn;
      const followerOnPath = q.rho[fb + ebs]! >= ebsOnPath;
      t.qFollowerEbs[k] = followerOnPath ? fb + ebs : -1;
      t.followerEbsS[k] = followerOnPath ? bytes * r.ebsSPerByte[f]! : 0;
      t.legS[k] = (k - first + 1) * t.outS[g]! + 2 * r.interBrokerOneWayS + bytes * r.inSPerByte[f]!;
      // The copy reaches the follower about S_in + S_handlers + (k+1)·S_out + ow_ib after the
      // batch reached the leader.
      const lagS = t.inS[g]! + r.handlerS[g]! + (k - first + 1) * t.outS[g]! + r.interBrokerOneWayS;
      t.couple[k] = coupling(q, t.shared, brokers, leader, f, lagS);
      hwOpen &&= p[fb + netIn]! >= 0 && p[fb + ebs]! >= 0;
    }
    t.open[g] = !(p[base + netIn]! >= 0) ? 0 : !(p[base + handler]! >= 0 && p[base + ebs]! >= 0) ? IN_OPEN : !hwOpen ? APPEND_OPEN : HW_OPEN;
    for (let z = 0; z < zs; z++) {
      const cell = g * zs + z;
      const server = r.servingBroker[cell]!;
      const out = server * perBroker + netOut;
      t.qServe[cell] = p[out]! >= 0 ? out : -1;
      t.serveS[cell] = r.hwDelayS[cell]! + bytes * r.outSPerByte[server]! + r.consumerOneWayS[cell]!;
      t.revisits[cell] = server === leader && first < r.followerStart[g + 1]! ? 1 : 0;
    }
  }
}

/**
 * Records n samples into the histograms, each standing for `count` requests (deliveries:
 * count × consumer groups); `shift` holds this call's quasi-random cells.
 */
export function samplePaths(
  r: Routes,
  q: QueueLoads,
  t: PathTable,
  v: Variability,
  shift: Int32Array,
  totalRate: number,
  n: number,
  count: number,
  publish: LatencyHistogram,
  endToEnd: LatencyHistogram,
): void {
  // Imported bindings as locals: under a transpiling loader (tsx, vitest) each use of an import
  // is a getter call, which in this loop cost more than the arithmetic.
  const qmcU = QMC_U;
  const qmcNormal = QMC_NORMAL;
  const mask = QMC_MASK;
  const stallOf = stallS;
  const fetchOf = fetchCycleWaitS;
  const jitterOf = jitterS;
  const diskOf = diskReadS;
  const accumulatorOf = accumulatorWaitS;
  const holdOf = fetchHoldS;
  const { inFlightP, inFlightMeanS, holdWindowsS: holdWindows } = v;
  const revisitOf = revisitWait;
  const acks0 = ACKS_0;
  const acks1 = ACKS_1;
  const acksAll = ACKS_ALL;
  const inOpen = IN_OPEN;
  const appendOpen = APPEND_OPEN;
  const zs = r.clientAzs;
  const groupCount = r.groups;
  // Locals, not property loads: V8 cannot keep t.lnA and the like in registers across the
  // histogram calls, and reloading them was a fifth of this loop.
  const { batchRate, clientOneWayS, acks: acksOf, handlerS, followerStart, consumerGroups, producerWaitS, producerWaitSpanS, leader: leaderOf, followers: followerOf } = r;
  const { qIn, qHandler, qOut, inS, outS, open: openOf, qFollowerIn, legS, couple, qServe, serveS, revisits, qLeaderEbs, leaderEbsS, qFollowerEbs, followerEbsS } = t;
  const { waitP, lnA, invRate, variancePerS } = t;
  const rhoOf = q.rho;
  const step = QMC_STEP;
  const tailOf = QMC_TAIL;
  const negLn = QMC_NEG_LN_TAIL;
  // Systematic sampling of streams (Madow 1949): point i sits at (i + offset)/n of the
  // cumulative batch rate, offset one uniform per call, so the groups are visited in order and each
  // gets its share of the n points to within one.
  const offset = qmcU[shift[DIM_STREAM]!]!;
  let g = 0;
  let before = 0; // batch rate of the groups ahead of g
  const sIn = shift[DIM_IN]!;
  const sHandler = shift[DIM_HANDLER]!;
  const sOut = shift[DIM_OUT]!;
  const sConsumer = shift[DIM_CONSUMER]!;
  const sServe = shift[DIM_SERVE]!;
  const sMin = shift[DIM_REVISIT_MIN]!;
  const sFill = shift[DIM_BATCH_FILL]!;
  const kFill = step[DIM_BATCH_FILL]!;
  const sAcc = shift[DIM_ACCUMULATOR]!;
  const kAcc = step[DIM_ACCUMULATOR]!;
  const sBacklog = shift[DIM_BACKLOG]!;
  const kBacklog = step[DIM_BACKLOG]!;
  const sJitter = shift[DIM_JITTER]!;
  const kJitter = step[DIM_JITTER]!;
  const sStall = shift[DIM_LEADER_STALL]!;
  const kStall = step[DIM_LEADER_STALL]!;
  const sEbs = shift[DIM_LEADER_EBS]!;
  const kEbs = step[DIM_LEADER_EBS]!;
  const sDisk = shift[DIM_DISK]!;
  const kDisk = step[DIM_DISK]!;
  const sInFlight = shift[DIM_IN_FLIGHT]!;
  const kInFlight = step[DIM_IN_FLIGHT]!;
  const sHold = shift[DIM_FETCH_HOLD]!;
  const kHold = step[DIM_FETCH_HOLD]!;
  for (let i = 0; i < n; i++) {
    const x = ((i + offset) / n) * totalRate;
    while (g < groupCount - 1 && x >= before + batchRate[g]!) before += batchRate[g++]!;
    const open = openOf[g]!;
    if (open === 0 || !(batchRate[g]! > 0)) continue;
    // The position inside the group's stretch picks the client AZ, uniform like the producers.
    const owClient = clientOneWayS[g * zs + Math.min(zs - 1, Math.floor(((x - before) / batchRate[g]!) * zs))]!;
    // Each wait inverts P(W > t) = min(p, A·e^(−rt)) in cell j: W = (ln A − ln(1 − u))/r
    // when 1 − u < p, else 0.
    let qi = qIn[g]!;
    let j = (sIn + i * step[DIM_IN]!) & mask;
    const jLeader = j;
    // A record waits in the producer's accumulator, then behind any backlog, before its batch
    // goes; its round trip carries jitter.
    const zFill = qmcNormal[(sFill + i * kFill) & mask]!;
    const accumulated = accumulatorOf(r, g, zFill, qmcU[(sAcc + i * kAcc) & mask]!);
    const backlog = producerWaitS[g]! + producerWaitSpanS[g]! * qmcU[(sBacklog + i * kBacklog) & mask]!;
    // The wait for a free in-flight slot (variability.ts inFlightWaitS), inlined: it is rare.
    const uFlight = qmcU[(sInFlight + i * kInFlight) & mask]!;
    const pFlight = inFlightP[g]!;
    const inFlight = uFlight < pFlight ? inFlightMeanS[g]! * Math.log(pFlight / uFlight) : 0;
    const client = accumulated + backlog + jitterOf(v, negLn[(sJitter + i * kJitter) & mask]!) + inFlight;
    const received = client + owClient + inS[g]! + (tailOf[j]! < waitP[qi]! ? (lnA[qi]! + negLn[j]!) * invRate[qi]! : 0);
    const acks = acksOf[g]!;
    if (acks === acks0) publish.record(received, count);
    if (open === inOpen) continue;
    qi = qHandler[g]!;
    j = (sHandler + i * step[DIM_HANDLER]!) & mask;
    const stall = stallOf(v, leaderOf[g]!, g, qmcU[(sStall + i * kStall) & mask]!);
    let appended = received + handlerS[g]! + stall + (tailOf[j]! < waitP[qi]! ? (lnA[qi]! + negLn[j]!) * invRate[qi]! : 0);
    qi = qLeaderEbs[g]!;
    if (qi >= 0) {
      j = (sEbs + i * kEbs) & mask;
      appended += leaderEbsS[g]! + (tailOf[j]! < waitP[qi]! ? (lnA[qi]! + negLn[j]!) * invRate[qi]! : 0);
    }
    if (acks === acks1) publish.record(appended + owClient, count);
    if (open === appendOpen) continue;
    const first = followerStart[g]!;
    const followers = followerStart[g + 1]! - first;
    qi = qOut[g]!;
    j = (sOut + i * step[DIM_OUT]!) & mask;
    const shared = followers > 0 ? (tailOf[j]! < waitP[qi]! ? (lnA[qi]! + negLn[j]!) * invRate[qi]! : 0) : 0;
    let slowest = 0;
    // One uniform for all followers: when it falls below a follower's κ, that follower's
    // network-in wait takes the leader's rank (shared-input.ts).
    const c = qmcU[(shift[DIM_COUPLE]! + i * step[DIM_COUPLE]!) & mask]!;
    for (let k = 0; k < followers; k++) {
      qi = qFollowerIn[first + k]!;
      j = c < couple[first + k]! ? jLeader : (shift[DIM_FOLLOWERS + k]! + i * step[DIM_FOLLOWERS + k]!) & mask;
      const slot = first + k;
      const fetch = fetchOf(v, slot, qmcU[(shift[DIM_FETCH_CYCLES + k]! + i * step[DIM_FETCH_CYCLES + k]!) & mask]!);
      const paused = stallOf(v, followerOf[slot]!, g, qmcU[(shift[DIM_FOLLOWER_STALLS + k]! + i * step[DIM_FOLLOWER_STALLS + k]!) & mask]!);
      let leg = legS[slot]! + fetch + paused + (tailOf[j]! < waitP[qi]! ? (lnA[qi]! + negLn[j]!) * invRate[qi]! : 0);
      qi = qFollowerEbs[slot]!;
      if (qi >= 0) {
        j = (shift[DIM_FOLLOWER_EBS + k]! + i * step[DIM_FOLLOWER_EBS + k]!) & mask;
        leg += followerEbsS[slot]! + (tailOf[j]! < waitP[qi]! ? (lnA[qi]! + negLn[j]!) * invRate[qi]! : 0);
      }
      if (leg > slowest) slowest = leg;
    }
    const hw = appended + shared + slowest;
    if (acks === acksAll) publish.record(hw + owClient, count);
    const groups = consumerGroups[g]!;
    if (groups === 0) continue;
    const cell = g * zs + Math.min(zs - 1, Math.floor(tailOf[(sConsumer + i * step[DIM_CONSUMER]!) & mask]! * zs));
    qi = qServe[cell]!;
    if (qi < 0) continue;
    j = (sServe + i * step[DIM_SERVE]!) & mask;
    const served =
      revisits[cell] === 1
        ? revisitOf(rhoOf[qi]!, variancePerS[qi]!, shared + followers * outS[g]!, hw - appended, qmcNormal[j]!, negLn[(sMin + i * step[DIM_REVISIT_MIN]!) & mask]!)
        : (tailOf[j]! < waitP[qi]! ? (lnA[qi]! + negLn[j]!) * invRate[qi]! : 0);
    const disk = diskOf(v, g, qmcU[(sDisk + i * kDisk) & mask]!);
    const hold = holdWindows[g] === undefined ? 0 : holdOf(v, g, qmcU[(sHold + i * kHold) & mask]!);
    endToEnd.record(hw + served + serveS[cell]! + disk + hold, count * groups);
  }
}

