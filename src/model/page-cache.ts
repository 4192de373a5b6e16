// Reads beyond the page cache (DESIGN §3.3): a broker's page cache holds the most recent bytes
// written to it, `pageCacheGiB` in all, so of one partition it holds the newest
// pageCache × (partition write rate ÷ broker write rate). A reader further behind the leader's
// end than that reads from EBS. The window is measured against write demand, which only
// changes at workload events, so the threshold is constant between events and the switch is a
// closed-form crossing of the reader's distance behind the log end.
//
// The switch can hold a reader at the window's edge: reading from disk loads the leader's EBS,
// which slows the appends that move the window, so the reader gains on the log end and re-enters
// the cache, where it reads faster, falls behind and leaves it again. At the edge the reader is
// then partly served from disk: the share that keeps it exactly at the edge (the sliding mode of
// a switched system, Filippov), found by bisection over the allocation — instead of an endless
// switching at the resolution of the clock.
import { gibToMib } from '../units.js';
import type { Drift } from './drift.js';
import { FETCH, type Flows } from './flows.js';
import { hwLagMiB, type ClusterState } from './state.js';

/** Halvings of the disk share of a reader held at its window's edge: 2⁻⁴⁰ of the rates. */
const BISECTION_STEPS = 40;

/**
 * Switches of one reader closer together than this (s) are chatter, and after this many of
 * them in a row the reader is held at the edge with the share of that time it spent on disk.
 * The bisection of `settle` finds the share of one reader against the others as they stand;
 * when the edge holds two readers, or a reader and a producer backlog at its bound, each
 * undoes the other, and the time average over their cycle is the share of the sliding motion.
 */
const CHATTER_WINDOW_S = 1;
const HOLD_AFTER_SWITCHES = 8;

/**
 * The edge of a window is a band (MiB) rather than a line: distances behind the log end are
 * differences of large cumulative sums. A crossing is scheduled to the band's far side (± one
 * tolerance), where the side is unambiguous; the side is decided by position beyond half a
 * tolerance and by direction within it; and a reader anywhere in the band is checked for
 * being held at the edge.
 */
function tolerance(threshold: number): number {
  return 1e-9 * Math.max(1, threshold);
}

/** Per broker, MiB/s written to it at demand, as leader or follower. */
export function brokerWriteDemand(state: ClusterState, out: Float64Array): void {
  out.fill(0);
  for (let c = 0; c < state.classes.length; c++) {
    const cls = state.classes[c]!;
    const rate = state.produceDemand[c]! * cls.count;
    for (const r of cls.replicas) out[r]! += rate;
  }
}

/** MiB of one partition of class c that broker b's page cache holds. */
function cachedMiB(state: ClusterState, c: number, b: number, writeDemand: Float64Array): number {
  const write = writeDemand[b]!;
  if (write <= 0) return Infinity;
  return (gibToMib(state.specs[b]!.pageCacheGiB) * state.produceDemand[c]!) / write;
}

/** The smallest cached window among a fetch flow's servers. */
function thresholdMiB(state: ClusterState, flows: Flows, f: number, writeDemand: Float64Array): number {
  const c = flows.klass[f]!;
  const net = flows.net;
  let min = Infinity;
  for (let u = net.useStart[f]!; u < net.useStart[f + 1]!; u++) {
    if (flows.useIsRead[u] !== 1) continue;
    min = Math.min(min, cachedMiB(state, c, state.resources.owner[net.useResource[u]!]!, writeDemand));
  }
  return min;
}

/**
 * Which readers read from disk, switched at `update` (once per allocation) and the time to the
 * next switch. The thresholds and high-watermark lags of one allocation are kept between the
 * two calls, which run at the same instant.
 */
export class PageCache {
  private threshold = new Float64Array(0);
  private hwLag = new Float64Array(0);
  /** Per class × group: 1 while the reader is held at its window's edge. */
  private sliding = new Uint8Array(0);
  /** Per class × group: 1 while it is held at the time-average share of its chatter. */
  private held = new Uint8Array(0);
  /** Per class × group: the chatter being watched — last switch, first switch, switches, time on disk. */
  private lastSwitchS = new Float64Array(0);
  private firstSwitchS = new Float64Array(0);
  private switches = new Uint16Array(0);
  private diskS = new Float64Array(0);

  /**
   * Sets which readers read from disk at `nowS`. At a crossing the distance equals the threshold
   * to rounding: the side is then the one the reader is moving to.
   */
  update(state: ClusterState, flows: Flows, drift: Drift, writeDemand: Float64Array, onChange: (c: number, group: number, fromDisk: boolean) => void): void {
    const net = flows.net;
    if (this.threshold.length < net.flowCount) this.threshold = new Float64Array(net.flowCount);
    if (this.hwLag.length < state.classes.length) this.hwLag = new Float64Array(state.classes.length);
    const readers = state.diskShare.length;
    if (this.sliding.length < readers) {
      this.sliding = new Uint8Array(readers);
      this.held = new Uint8Array(readers);
      this.lastSwitchS = new Float64Array(readers).fill(-Infinity);
      this.firstSwitchS = new Float64Array(readers);
      this.switches = new Uint16Array(readers);
      this.diskS = new Float64Array(readers);
    }
    for (let c = 0; c < state.classes.length; c++) this.hwLag[c] = hwLagMiB(state, c);
    for (let f = 0; f < net.flowCount; f++) {
      if (flows.kind[f] !== FETCH) continue;
      const c = flows.klass[f]!;
      const k = c * state.groupSlots + flows.slot[f]!;
      const behind = state.consumerLagMiB[k]! + this.hwLag[c]!;
      const threshold = thresholdMiB(state, flows, f, writeDemand);
      this.threshold[f] = threshold;
      const moving = drift.consumer[k]! + drift.hwLag[c]!;
      const edge = this.atEdge(behind, threshold);
      const half = tolerance(threshold) / 2;
      // A reader held at the edge stays partly on disk until `settle` finds otherwise.
      const onDisk = behind > threshold + half || (Math.abs(behind - threshold) <= half && (moving > 0 || this.sliding[k] === 1)) ? 1 : 0;
      if (!edge) {
        this.sliding[k] = 0;
        this.held[k] = 0;
      }
      if (this.sliding[k] === 0) state.diskShare[k] = onDisk;
      this.setSide(state, c, flows.slot[f]!, k, onDisk, onChange);
    }
  }

  /** Within the band, with room for a crossing that lands a rounding beyond its far side. */
  private atEdge(behind: number, threshold: number): boolean {
    return Math.abs(behind - threshold) <= 1.5 * tolerance(threshold);
  }

  /**
   * After an allocation: a reader at its window's edge whose side sends it back across (on disk
   * but gaining on the log end, in the cache but falling behind) is tried on the other side; if
   * that sends it back too, it is held at the edge with the disk share that keeps it there.
   * `reallocate` recomputes demands, the allocation and the drifts from `state.diskShare`.
   * Readers are settled one at a time, each against the others as they stand.
   */
  settle(state: ClusterState, flows: Flows, drift: Drift, reallocate: () => void, onChange: (c: number, group: number, fromDisk: boolean) => void): void {
    const net = flows.net;
    for (let f = 0; f < net.flowCount; f++) {
      if (flows.kind[f] !== FETCH) continue;
      const c = flows.klass[f]!;
      const k = c * state.groupSlots + flows.slot[f]!;
      const behind = state.consumerLagMiB[k]! + this.hwLag[c]!;
      if (!this.atEdge(behind, this.threshold[f]!) || this.held[k] === 1) continue;
      const moving = (): number => drift.consumer[k]! + drift.hwLag[c]!;
      const consistent = (share: number, m: number): boolean => (share >= 1 ? m >= 0 : share <= 0 ? m <= 0 : false);
      const share = state.diskShare[k]!;
      if (consistent(share, moving())) {
        this.sliding[k] = 0;
        continue;
      }
      // In the cache the reader falls behind (moving > 0) and on disk it gains (moving < 0): find
      // the share in between where it does neither.
      const side = (value: number): number => {
        state.diskShare[k] = value;
        reallocate();
        return moving();
      };
      const other = share >= 1 ? 0 : 1;
      if (consistent(other, side(other))) {
        this.sliding[k] = 0;
        this.setSide(state, c, flows.slot[f]!, k, other, onChange);
        if (this.held[k] === 1) reallocate();
        continue;
      }
      if (side(0) <= 0 || side(1) >= 0) {
        // No sign change after all (the allocation moved with the other side): stay where the
        // reader was; the crossing logic takes it from there.
        side(share >= 1 ? 1 : 0);
        continue;
      }
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < BISECTION_STEPS; i++) {
        const mid = (lo + hi) / 2;
        if (side(mid) > 0) lo = mid;
        else hi = mid;
      }
      side(hi);
      this.sliding[k] = 1;
      this.setSide(state, c, flows.slot[f]!, k, 1, onChange);
    }
    this.pin(state, flows, drift);
  }

  /**
   * A reader held at the edge stays on it: its distance behind the log end moves with the
   * window (what its share leaves over, a rounding for a bisected share, goes unrecorded).
   */
  private pin(state: ClusterState, flows: Flows, drift: Drift): void {
    for (let f = 0; f < flows.net.flowCount; f++) {
      if (flows.kind[f] !== FETCH) continue;
      const c = flows.klass[f]!;
      const k = c * state.groupSlots + flows.slot[f]!;
      if (this.sliding[k] === 1) drift.consumer[k] = -drift.hwLag[c]!;
    }
  }

  /** Sets reader k's side; a run of rapid switches holds it at the share of time it spent on disk. */
  private setSide(state: ClusterState, c: number, group: number, k: number, onDisk: number, onChange: (c: number, group: number, fromDisk: boolean) => void): void {
    if (state.readsFromDisk[k] === onDisk) return;
    onChange(c, group, onDisk === 1);
    state.readsFromDisk[k] = onDisk;
    const now = state.nowS;
    if (now - this.lastSwitchS[k]! <= CHATTER_WINDOW_S) {
      if (onDisk === 0) this.diskS[k]! += now - this.lastSwitchS[k]!;
      this.switches[k]!++;
    } else {
      this.switches[k] = 1;
      this.firstSwitchS[k] = now;
      this.diskS[k] = 0;
    }
    this.lastSwitchS[k] = now;
    const spanS = now - this.firstSwitchS[k]!;
    if (this.switches[k]! >= HOLD_AFTER_SWITCHES && spanS > 0) {
      state.diskShare[k] = this.diskS[k]! / spanS;
      if (onDisk === 0) onChange(c, group, true);
      state.readsFromDisk[k] = 1;
      this.sliding[k] = 1;
      this.held[k] = 1;
      this.switches[k] = 0;
      this.lastSwitchS[k] = -Infinity;
    }
  }

  /** Seconds until some reader crosses its page-cache window at the current drifts, or Infinity. */
  secondsToCrossing(state: ClusterState, flows: Flows, drift: Drift): number {
    let next = Infinity;
    for (let c = 0; c < state.classes.length; c++) this.hwLag[c] = hwLagMiB(state, c);
    for (let f = 0; f < flows.net.flowCount; f++) {
      if (flows.kind[f] !== FETCH) continue;
      const c = flows.klass[f]!;
      const k = c * state.groupSlots + flows.slot[f]!;
      // A reader held at the edge leaves it only when the rates change: at the next event.
      if (this.sliding[k] === 1) continue;
      const threshold = this.threshold[f]!;
      const behind = state.consumerLagMiB[k]! + this.hwLag[c]!;
      const moving = drift.consumer[k]! + drift.hwLag[c]!;
      // Only a crossing to the other side counts, taken at the band's far side.
      if (state.readsFromDisk[k] === 1) {
        const gap = behind - (threshold - tolerance(threshold));
        if (gap > 0 && moving < 0) next = Math.min(next, gap / -moving);
      } else {
        const gap = threshold + tolerance(threshold) - behind;
        if (gap > 0 && moving > 0) next = Math.min(next, gap / moving);
      }
    }
    return next;
  }
}
