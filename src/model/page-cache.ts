// Reads beyond the page cache (DESIGN §3.3): a broker's page cache holds the most recent bytes
// written to it, `pageCacheGiB` in all, so of one partition it holds the newest
// pageCache × (partition write rate ÷ broker write rate). A reader further behind the leader's
// end than that reads from EBS. The window is measured against write demand, which only
// changes at workload events, so the threshold is constant between events and the switch is a
// closed-form crossing of the reader's distance behind the log end.
import { gibToMib } from '../units.js';
import type { Drift } from './drift.js';
import { FETCH, type Flows } from './flows.js';
import { hwLagMiB, type ClusterState } from './state.js';

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

  /**
   * Sets which readers read from disk at `nowS`. At a crossing the distance equals the threshold
   * to rounding: the side is then the one the reader is moving to.
   */
  update(state: ClusterState, flows: Flows, drift: Drift, writeDemand: Float64Array, onChange: (c: number, group: number, fromDisk: boolean) => void): void {
    const net = flows.net;
    if (this.threshold.length < net.flowCount) this.threshold = new Float64Array(net.flowCount);
    if (this.hwLag.length < state.classes.length) this.hwLag = new Float64Array(state.classes.length);
    for (let c = 0; c < state.classes.length; c++) this.hwLag[c] = hwLagMiB(state, c);
    for (let f = 0; f < net.flowCount; f++) {
      if (flows.kind[f] !== FETCH) continue;
      const c = flows.klass[f]!;
      const k = c * state.groupSlots + flows.slot[f]!;
      const behind = state.consumerLagMiB[k]! + this.hwLag[c]!;
      const threshold = thresholdMiB(state, flows, f, writeDemand);
      this.threshold[f] = threshold;
      const tolerance = 1e-9 * Math.max(1, threshold);
      const moving = drift.consumer[k]! + drift.hwLag[c]!;
      const onDisk = behind > threshold + tolerance || (Math.abs(behind - threshold) <= tolerance && moving > 0) ? 1 : 0;
      if (onDisk !== state.readsFromDisk[k]) onChange(c, flows.slot[f]!, onDisk === 1);
      state.readsFromDisk[k] = onDisk;
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
      const gap = this.threshold[f]! - (state.consumerLagMiB[k]! + this.hwLag[c]!);
      const moving = drift.consumer[k]! + drift.hwLag[c]!;
      if (gap > 0 && moving > 0) next = Math.min(next, gap / moving);
      else if (gap < 0 && moving < 0) next = Math.min(next, gap / moving);
    }
    return next;
  }
}
