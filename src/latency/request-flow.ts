// The produce path of a request-level run, as events on the engine (DESIGN §3.4):
//
//   client ─RTT/2─▶ leader network in ─▶ request handlers ─▶ append ─┬─▶ (acks=1 response)
//     ┌──────────────────────────────────────────────────────────────┘
//     └▶ per follower: leader network out ─▶ one-way ─▶ follower network in ─▶ append
//        ─▶ one-way (its next fetch tells the leader) ─▶ HW = last follower ─▶ (acks=all response)
//   HW ─▶ serving broker's network out ─▶ one-way ─▶ consumer (end-to-end)
//
// Every queue visit is one call on ResourceQueues, which needs each queue's arrivals in time
// order. An event is scheduled only where that order is not already given: at the arrival at
// the leader's network in (which also receives replication), at the append (the handler pool
// has several servers, so requests leave it out of order), at each follower's network in, and
// at the consumer fetch. The handler pool needs no event of its own: it is fed only by its
// broker's network in, a single FIFO server whose departures are in arrival order. Appends
// wait on EBS only where the volume cannot keep up (queue-loads.ts, EBS_ON_PATH_RHO; the page
// cache absorbs writes otherwise), and only
// then get events of their own.
//
// Requests live in typed arrays indexed by a slot from a free list; an event's target packs the
// slot (or the producer stream), the follower index and the event kind.
import type { EventHandler, LatencyHistogram, Rng, Simulator } from '../engine/index.js';
import { EBS, EBS_ON_PATH_RHO, HANDLER, NET_IN, NET_OUT, QUEUES_PER_BROKER } from './queue-loads.js';
import type { ResourceQueues } from './resource-queues.js';
import { QMC_MASK, QMC_NEG_LN_TAIL, QMC_NORMAL } from './quasi-random.js';
import { accumulatorWaitS, ACKS_0, ACKS_1, ACKS_ALL, type Routes } from './routes.js';
import { diskReadS, fetchCycleWaitS, fetchHoldS, inFlightWaitS, jitterS, stallS, type Variability } from './variability.js';

// Imported bindings the hot paths use, as module locals: under a transpiling loader (tsx,
// vitest) each use of an import is a getter call.
const NORMAL = QMC_NORMAL;
const NEG_LN = QMC_NEG_LN_TAIL;
const MASK = QMC_MASK;
const stallOf = stallS;
const fetchOf = fetchCycleWaitS;
const jitterOf = jitterS;
const diskOf = diskReadS;
const accumulatorOf = accumulatorWaitS;

const ARRIVE = 0;
const LEADER_EBS = 1;
const REPLICATE = 2;
const FOLLOWER_IN = 3;
const FOLLOWER_EBS = 4;
const FETCH = 5;
const KIND_BITS = 3;
const FOLLOWER_BITS = 3;
const SLOT_SHIFT = KIND_BITS + FOLLOWER_BITS;
const KIND_MASK = (1 << KIND_BITS) - 1;
const FOLLOWER_MASK = (1 << FOLLOWER_BITS) - 1;
/** Slots must fit in the 32-bit event target beside kind and follower index. */
export const MAX_IN_FLIGHT = 2 ** (31 - SLOT_SHIFT);

export interface FlowLimits {
  /** Producers send while their send time is below this. */
  sendUntilS: number;
  /** Steps after this are not simulated; their requests count as unfinished. */
  horizonS: number;
  warmupS: number;
  maxRequests: number;
}

export class RequestFlow implements EventHandler {
  kind = -1;
  requests = 0;
  unfinished = 0;
  private readonly streams: number;
  private readonly streamSendS: Float64Array;
  private readonly streamGapS: Float64Array;
  private readonly ebsSaturated: Uint8Array;
  private sendS: Float64Array = new Float64Array(1024);
  /** Per slot: the record's time in the producer before the send (accumulator, backlog, jitter). */
  private clientS: Float64Array = new Float64Array(1024);
  private stream: Int32Array = new Int32Array(1024);
  private group: Int32Array = new Int32Array(1024);
  private pending: Int32Array = new Int32Array(1024);
  private hwS: Float64Array = new Float64Array(1024);
  private consumerAz: Int32Array = new Int32Array(1024);
  private freeSlots: Int32Array = Int32Array.from({ length: 1024 }, (_, i) => 1023 - i);
  private freeCount = 1024;

  constructor(
    private readonly r: Routes,
    private readonly v: Variability,
    private readonly queues: ResourceQueues,
    ebsRho: (broker: number) => number,
    private readonly rng: Rng,
    private readonly limits: FlowLimits,
    private readonly publish: LatencyHistogram,
    private readonly endToEnd: LatencyHistogram,
  ) {
    // Producer streams: one per (group, client AZ). The group's producer-partition batch
    // streams are many independent renewal processes; their superposition is close to Poisson
    // (Palm–Khintchine theorem; Cinlar 1972), so each stream draws exponential gaps.
    this.streams = r.groups * r.clientAzs;
    this.streamSendS = new Float64Array(this.streams);
    this.streamGapS = new Float64Array(this.streams);
    for (let i = 0; i < this.streams; i++) this.streamGapS[i] = r.clientAzs / r.batchRate[Math.floor(i / r.clientAzs)]!;
    this.ebsSaturated = new Uint8Array(r.inSPerByte.length);
    for (let b = 0; b < this.ebsSaturated.length; b++) this.ebsSaturated[b] = ebsRho(b) >= EBS_ON_PATH_RHO ? 1 : 0;
  }

  /** Schedules every stream's first send. */
  start(sim: Simulator): void {
    for (let i = 0; i < this.streams; i++) {
      if (!(this.streamGapS[i]! < Infinity)) continue;
      this.streamSendS[i] = this.expGap(i);
      this.scheduleArrival(sim, i);
    }
  }

  handle(target: number, sim: Simulator): void {
    const slot = target >>> SLOT_SHIFT;
    const k = (target >>> KIND_BITS) & FOLLOWER_MASK;
    switch (target & KIND_MASK) {
      case ARRIVE:
        return this.arrive(sim, slot);
      case LEADER_EBS:
        return this.leaderEbs(sim, slot);
      case REPLICATE:
        return this.replicate(sim, slot);
      case FOLLOWER_IN:
        return this.followerIn(sim, slot, k);
      case FOLLOWER_EBS:
        return this.followerEbs(sim, slot, k);
      case FETCH:
        return this.fetch(sim, slot);
    }
  }

  // A batch reaches its leader (stream is the producer stream it came from).
  private arrive(sim: Simulator, stream: number): void {
    // Other streams' next sends were already queued when the limit was reached.
    if (this.requests >= this.limits.maxRequests) return;
    const r = this.r;
    const g = Math.floor(stream / r.clientAzs);
    const slot = this.allocate();
    const send = this.streamSendS[stream]!;
    this.sendS[slot] = send;
    // The producer-side waits are added rather than simulated: the record's time in the
    // accumulator, the group's backlog wait and the round trip's jitter (variability.ts).
    const rng = this.rng;
    // The normal and exponential draws are read from the estimate's tables (quasi-random.ts):
    // the same laws to the grid's resolution, at the cost of a lookup.
    // One 32-bit draw gives both table cells (12 bits each).
    const cells = (rng.next() * 4294967296) >>> 0;
    const fill = accumulatorOf(r, g, NORMAL[cells & MASK]!, rng.next());
    const jitter = jitterOf(this.v, NEG_LN[(cells >>> 12) & MASK]!);
    const span = r.producerWaitSpanS[g]!;
    const backlog = r.producerWaitS[g]! + (span !== 0 ? span * rng.next() : 0);
    const inFlight = this.v.inFlightP[g]! > 0 ? inFlightWaitS(this.v, g, rng.next()) : 0;
    this.clientS[slot] = fill + backlog + jitter + inFlight;
    this.stream[slot] = stream;
    this.group[slot] = g;
    this.requests++;
    const next = send + this.expGap(stream);
    if (next < this.limits.sendUntilS && this.requests < this.limits.maxRequests) {
      this.streamSendS[stream] = next;
      this.scheduleArrival(sim, stream);
    }
    const leader = r.leader[g]!;
    const base = leader * QUEUES_PER_BROKER;
    const received = this.queues.serve(base + NET_IN, sim.now, r.batchBytes[g]! * r.inSPerByte[leader]!);
    if (r.acks[g] === ACKS_0) this.record(this.publish, slot, received - send, 1);
    // A pause of the leader (or a segment roll) holds the append (variability.ts).
    this.hwS[slot] = this.queues.serve(base + HANDLER, received, r.handlerS[g]!) + stallOf(this.v, leader, g, rng.next());
    if (this.ebsSaturated[leader] === 1) this.later(sim, slot, this.hwS[slot]!, LEADER_EBS, 0);
    else this.appended(sim, slot);
  }

  private leaderEbs(sim: Simulator, slot: number): void {
    const g = this.group[slot]!;
    const leader = this.r.leader[g]!;
    this.hwS[slot] = this.queues.serve(leader * QUEUES_PER_BROKER + EBS, sim.now, this.r.batchBytes[g]! * this.r.ebsSPerByte[leader]!);
    this.appended(sim, slot);
  }

  // The leader has appended the batch at hwS[slot].
  private appended(sim: Simulator, slot: number): void {
    const r = this.r;
    const g = this.group[slot]!;
    const at = this.hwS[slot]!;
    if (r.acks[g] === ACKS_1) this.record(this.publish, slot, at + r.clientOneWayS[this.stream[slot]!]! - this.sendS[slot]!, 1);
    const followers = r.followerStart[g + 1]! - r.followerStart[g]!;
    if (followers === 0) return this.highWatermark(sim, slot);
    this.pending[slot] = followers;
    this.later(sim, slot, at, REPLICATE, 0);
  }

  // The leader sends the batch to every follower, back to back on its network out.
  private replicate(sim: Simulator, slot: number): void {
    const r = this.r;
    const g = this.group[slot]!;
    const leader = r.leader[g]!;
    const outS = r.batchBytes[g]! * r.outSPerByte[leader]!;
    const first = r.followerStart[g]!;
    const now = sim.now;
    for (let k = first; k < r.followerStart[g + 1]!; k++) {
      const sent = this.queues.serve(leader * QUEUES_PER_BROKER + NET_OUT, now, outS);
      // The copy leaves with the follower's next fetch: at once if it is parked at the leader,
      // after the cycle in progress otherwise (variability.ts).
      this.later(sim, slot, sent + fetchOf(this.v, k, this.rng.next()) + r.interBrokerOneWayS, FOLLOWER_IN, k - first);
    }
  }

  private followerIn(sim: Simulator, slot: number, k: number): void {
    const r = this.r;
    const g = this.group[slot]!;
    const f = r.followers[r.followerStart[g]! + k]!;
    const received = this.queues.serve(f * QUEUES_PER_BROKER + NET_IN, sim.now, r.batchBytes[g]! * r.inSPerByte[f]!) + stallOf(this.v, f, g, this.rng.next());
    if (this.ebsSaturated[f] === 1) this.later(sim, slot, received, FOLLOWER_EBS, k);
    else this.acked(sim, slot, received + r.interBrokerOneWayS);
  }

  private followerEbs(sim: Simulator, slot: number, k: number): void {
    const r = this.r;
    const g = this.group[slot]!;
    const f = r.followers[r.followerStart[g]! + k]!;
    const appended = this.queues.serve(f * QUEUES_PER_BROKER + EBS, sim.now, r.batchBytes[g]! * r.ebsSPerByte[f]!);
    this.acked(sim, slot, appended + r.interBrokerOneWayS);
  }

  // A follower has the batch; its next fetch carries the new offset to the leader at `at`
  // (Infinity for a follower whose step fell after the horizon). The HW moves when the last
  // in-sync follower has reported.
  private acked(sim: Simulator, slot: number, at: number): void {
    if (at > this.hwS[slot]!) this.hwS[slot] = at;
    if (--this.pending[slot]! > 0) return;
    if (this.hwS[slot]! <= this.limits.horizonS) this.highWatermark(sim, slot);
    else this.drop(slot);
  }

  // The HW has reached the batch at hwS[slot].
  private highWatermark(sim: Simulator, slot: number): void {
    const r = this.r;
    const stream = this.stream[slot]!;
    const g = this.group[slot]!;
    const hw = this.hwS[slot]!;
    if (r.acks[g] === ACKS_ALL) this.record(this.publish, slot, hw + r.clientOneWayS[stream]! - this.sendS[slot]!, 1);
    if (r.consumerGroups[g]! === 0) return this.release(slot);
    // One consumer fetch per batch stands for all groups (the others are background load);
    // its consumer sits in an AZ drawn uniformly, as consumers are spread evenly.
    const z = Math.floor(this.rng.next() * r.clientAzs);
    this.consumerAz[slot] = z;
    this.later(sim, slot, hw + r.hwDelayS[g * r.clientAzs + z]!, FETCH, 0);
  }

  private fetch(sim: Simulator, slot: number): void {
    const r = this.r;
    const g = this.group[slot]!;
    const i = g * r.clientAzs + this.consumerAz[slot]!;
    const server = r.servingBroker[i]!;
    const sent = this.queues.serve(server * QUEUES_PER_BROKER + NET_OUT, sim.now, r.batchBytes[g]! * r.outSPerByte[server]!);
    const hold = this.v.holdWindowsS[g] !== undefined ? fetchHoldS(this.v, g, this.rng.next()) : 0;
    const delivered = sent + r.consumerOneWayS[i]! + (this.v.diskP[g]! > 0 ? diskOf(this.v, g, this.rng.next()) : 0) + hold;
    if (delivered <= this.limits.horizonS) {
      this.record(this.endToEnd, slot, delivered - this.sendS[slot]!, r.consumerGroups[g]!);
      this.release(slot);
    } else this.drop(slot);
  }

  // Schedules a step of request `slot`, or gives up on the request when the step falls after
  // the horizon (behind a saturated queue). A follower's lost step still counts down the
  // followers the slot waits for, so the slot is freed once, when the last one reports.
  private later(sim: Simulator, slot: number, at: number, kind: number, k: number): void {
    if (at <= this.limits.horizonS) sim.schedule(at, this.kind, (slot << SLOT_SHIFT) | (k << KIND_BITS) | kind);
    else if (kind === FOLLOWER_IN || kind === FOLLOWER_EBS) this.acked(sim, slot, Infinity);
    else this.drop(slot);
  }

  // Latencies completing after the horizon are not recorded: the request is dropped later.
  private record(h: LatencyHistogram, slot: number, latencyS: number, weight: number): void {
    const send = this.sendS[slot]!;
    if (send >= this.limits.warmupS && send + latencyS <= this.limits.horizonS && weight > 0) h.record(latencyS + this.clientS[slot]!, weight);
  }

  private drop(slot: number): void {
    if (this.sendS[slot]! >= this.limits.warmupS) this.unfinished++;
    this.release(slot);
  }

  private scheduleArrival(sim: Simulator, stream: number): void {
    const at = this.streamSendS[stream]! + this.r.clientOneWayS[stream]!;
    sim.schedule(at, this.kind, (stream << SLOT_SHIFT) | ARRIVE);
  }

  private expGap(stream: number): number {
    return -this.streamGapS[stream]! * Math.log(1 - this.rng.next());
  }

  private allocate(): number {
    if (this.freeCount === 0) this.grow();
    return this.freeSlots[--this.freeCount]!;
  }

  private release(slot: number): void {
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const n = this.sendS.length;
    if (2 * n > MAX_IN_FLIGHT) throw new Error(`request-level: more than ${MAX_IN_FLIGHT} requests in flight`);
    this.sendS = grownF64(this.sendS);
    this.clientS = grownF64(this.clientS);
    this.hwS = grownF64(this.hwS);
    this.stream = grownI32(this.stream);
    this.group = grownI32(this.group);
    this.pending = grownI32(this.pending);
    this.consumerAz = grownI32(this.consumerAz);
    this.freeSlots = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) this.freeSlots[i] = 2 * n - 1 - i;
    this.freeCount = n;
  }
}

function grownF64(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

function grownI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
