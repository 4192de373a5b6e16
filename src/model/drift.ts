// What the rates of one allocation mean for the levels of the state: how fast each producer
// backlog, replica lag, high watermark and consumer lag moves until the next event. Advance,
// crossings, disks and observers all read the same figures.
import type { Allocation } from './allocate.js';
import type { Flows } from './flows.js';
import { hwLagMiB, type ClusterState } from './state.js';

export interface Drift {
  /** Per class: d(producer backlog)/dt. */
  readonly backlog: Float64Array;
  /** Per class: MiB/s failing at the client while the backlog is at its bound. */
  readonly clientLoss: Float64Array;
  /** Per class × slot: d(lag)/dt (a replica on a stopped broker falls behind at the append rate). */
  readonly lag: Float64Array;
  /** Per class: d(high-watermark lag)/dt. */
  readonly hwLag: Float64Array;
  /** Per class × group: d(consumer lag behind the high watermark)/dt. */
  readonly consumer: Float64Array;
  /** Per class × group: MiB/s deleted unread while a group sits at the log start (its lag then follows the log). */
  readonly loss: Float64Array;
  /** Per class: d(stored)/dt = append − delete. */
  readonly stored: Float64Array;
}

export function createDrift(state: ClusterState): Drift {
  const n = state.classes.length;
  return {
    backlog: new Float64Array(n),
    clientLoss: new Float64Array(n),
    lag: new Float64Array(n * state.slots),
    hwLag: new Float64Array(n),
    consumer: new Float64Array(n * state.groupSlots),
    loss: new Float64Array(n * state.groupSlots),
    stored: new Float64Array(n),
  };
}

/**
 * A group at the log start cannot fall further behind than the log: its lag follows the log's
 * size (stored − high-watermark lag), and what it would have lost more is deleted unread.
 * Called once the deletion rates are known (drift.stored).
 */
export function settleLogStart(state: ClusterState, out: Drift): void {
  const { classes, groupSlots } = state;
  for (let c = 0; c < classes.length; c++) {
    const readable = state.appendedMiB[c]! - state.deletedMiB[c]! - hwLagMiB(state, c);
    const follow = out.stored[c]! - out.hwLag[c]!;
    const groups = state.config.topics[classes[c]!.topic]!.consumerGroups.length;
    for (let g = 0; g < groups; g++) {
      const k = c * groupSlots + g;
      out.loss[k] = 0;
      const atStart = readable - state.consumerLagMiB[k]! <= levelTolerance(state, c);
      if (atStart && out.consumer[k]! > follow) {
        out.loss[k] = out.consumer[k]! - follow;
        out.consumer[k] = follow;
      }
    }
  }
}

/**
 * Levels of class c closer than this (MiB) are equal: stored bytes are differences of cumulative
 * appends and deletions, which hold about 16 significant digits of numbers that reach 10⁸ MiB.
 */
export function levelTolerance(state: ClusterState, c: number): number {
  return 1e-9 + 1e-12 * state.appendedMiB[c]!;
}

/** The producers' backlog of class c is at its bound (to rounding). */
export function atBacklogCap(state: ClusterState, c: number): boolean {
  const cap = state.backlogCapMiB[c]!;
  return state.producerBacklogMiB[c]! >= cap - 1e-9 * Math.max(1, cap);
}

/** A lag at or below the level tolerance counts as caught up: rounding, not data. */
export function caughtUp(state: ClusterState, c: number, lagMiB: number): boolean {
  return lagMiB <= levelTolerance(state, c);
}

export function computeDrift(state: ClusterState, flows: Flows, alloc: Allocation, out: Drift): void {
  const { classes, slots, groupSlots } = state;
  const rate = alloc.rate;
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c]!;
    const p = flows.produceOf[c]!;
    const append = p < 0 ? 0 : rate[p]!;
    state.appendRate[c] = append;
    out.backlog[c] = state.produceDemand[c]! - append;
    if (state.producerBacklogMiB[c]! <= 0 && out.backlog[c]! < 0) out.backlog[c] = 0;
    out.clientLoss[c] = 0;
    if (out.backlog[c]! > 0 && atBacklogCap(state, c)) {
      // A full backlog stays full: what producers add beyond it fails at the client.
      out.clientLoss[c] = out.backlog[c]!;
      out.backlog[c] = 0;
    }
    out.stored[c] = append - state.deleteRate[c]!;
    let hwLag = 0;
    let hwDrift = 0;
    for (let j = 0; j < cls.replicas.length; j++) {
      const k = c * slots + j;
      const f = flows.replicateOf[k]!;
      let d = j === state.leaderSlot[c] ? 0 : f < 0 ? append : append - rate[f]!;
      if (d < 0 && caughtUp(state, c, state.lagMiB[k]!)) d = 0;
      out.lag[k] = d;
      if (state.inIsr[k] !== 1) continue;
      const lag = caughtUp(state, c, state.lagMiB[k]!) ? 0 : state.lagMiB[k]!;
      if (lag > hwLag || (lag === hwLag && d > hwDrift)) {
        hwLag = lag;
        hwDrift = lag === 0 ? Math.max(0, d) : d;
      }
    }
    out.hwLag[c] = hwDrift;
    const topic = state.config.topics[cls.topic]!;
    for (let g = 0; g < topic.consumerGroups.length; g++) {
      const k = c * groupSlots + g;
      const f = flows.fetchOf[k]!;
      let d = append - hwDrift - (f < 0 ? 0 : rate[f]!);
      if (d < 0 && state.consumerLagMiB[k]! <= 0) d = 0;
      out.consumer[k] = d;
    }
  }
}
