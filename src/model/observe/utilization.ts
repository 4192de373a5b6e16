// Utilisation integrals per resource against its sustained capacity (mean, maximum and when),
// time with each credit bucket empty, time above the CPU guidance, bytes throttled, and the
// start and end of every stretch during which a resource limits some flow. Exact: rates are
// constant between events, so every integral is a sum of rate × duration.
import { CAPPED } from '../allocate.js';
import { isEmpty } from '../buckets.js';
import { PRODUCE } from '../flows.js';
import { CPU, EBS } from '../resources.js';
import type { Timeline } from './timeline.js';
import type { Observer, View } from './view.js';

export interface ThrottleStart {
  timeS: number;
  broker: number;
  resource: number;
  flowKind: number;
  bucketEmpty: boolean;
  volumeBound: boolean;
}

export interface UtilizationData {
  /** Per resource. */
  utilIntegral: Float64Array;
  utilMax: Float64Array;
  utilMaxAtS: Float64Array;
  bucketEmptyS: Float64Array;
  throttledS: Float64Array;
  /** Seconds each resource carried more than its sustained capacity (on credits, or up to an Express maximum). */
  aboveSustainedS: Float64Array;
  /** Per broker. */
  cpuAboveGuidanceS: Float64Array;
  throttledMiB: Float64Array;
  firstThrottle: ThrottleStart | null;
  /** When a credit bucket last became empty (the latency layer takes a snapshot then), or −1. */
  lastBucketEmptyS: number;
}

export class UtilizationMeter implements Observer {
  private readonly data: UtilizationData;
  private readonly util: Float64Array;
  private readonly empty: Uint8Array;
  private readonly binding: Uint8Array;
  private readonly bindingSinceS: Float64Array;
  /** Per resource: MiB/s of demand it holds back now. */
  private readonly short: Float64Array;
  /** Per resource: the first flow kind it limits now, or −1. */
  private readonly limitedKind: Int32Array;

  constructor(
    resourceCount: number,
    brokers: number,
    private readonly cpuGuidance: number,
    private readonly timeline: Timeline,
  ) {
    this.data = {
      utilIntegral: new Float64Array(resourceCount),
      utilMax: new Float64Array(resourceCount),
      utilMaxAtS: new Float64Array(resourceCount),
      bucketEmptyS: new Float64Array(resourceCount),
      throttledS: new Float64Array(resourceCount),
      aboveSustainedS: new Float64Array(resourceCount),
      cpuAboveGuidanceS: new Float64Array(brokers),
      throttledMiB: new Float64Array(brokers),
      firstThrottle: null,
      lastBucketEmptyS: -1,
    };
    this.util = new Float64Array(resourceCount);
    this.empty = new Uint8Array(resourceCount);
    this.binding = new Uint8Array(resourceCount);
    this.bindingSinceS = new Float64Array(resourceCount);
    this.short = new Float64Array(resourceCount);
    this.limitedKind = new Int32Array(resourceCount);
  }

  rates(view: View): void {
    const { state, flows, alloc } = view;
    const now = state.nowS;
    const res = state.resources;
    const net = flows.net;
    this.short.fill(0);
    const limitedKind = this.limitedKind;
    limitedKind.fill(-1);
    for (let f = 0; f < net.flowCount; f++) {
      const r = alloc.limitedBy[f]!;
      if (r < 0 || r === CAPPED || flows.tiedTo[f]! >= 0) continue;
      // Held back: what producers want beyond what they get; for replication and reads, what
      // the leader appends beyond what they move (a lag draining faster than that holds back nothing).
      const c = flows.klass[f]!;
      const wanted = flows.kind[f] === PRODUCE ? state.produceDemand[c]! : state.appendRate[c]!;
      const short = wanted - alloc.rate[f]!;
      if (short > 0) this.short[r]! += short * net.multiplicity[f]!;
      if (limitedKind[r] === -1 || flows.kind[f]! < limitedKind[r]!) limitedKind[r] = flows.kind[f]!;
    }
    for (let r = 0; r < res.count; r++) {
      this.util[r] = alloc.load[r]! / res.sustained[r]!;
      const spec = res.bucket[r]!;
      const empty = spec.size > 0 && isEmpty(spec, res.level[r]!) && alloc.load[r]! >= spec.baseline * (1 - 1e-9) ? 1 : 0;
      const broker = res.owner[r]!;
      const kind = res.kind[r]! as 0 | 1 | 2 | 3;
      if (empty === 1 && this.empty[r] === 0) {
        this.timeline.push({ kind: 'bucket-empty', timeS: now, broker, resource: kind });
        this.data.lastBucketEmptyS = now;
      } else if (empty === 0 && this.empty[r] === 1) {
        this.timeline.push({ kind: 'bucket-refilling', timeS: now, broker, resource: kind });
      }
      this.empty[r] = empty;
      const binding = alloc.saturated[r] === 1 && limitedKind[r]! >= 0 ? 1 : 0;
      if (binding === 1 && this.binding[r] === 0) {
        const bucketEmpty = spec.size > 0 && spec.burst > spec.baseline && isEmpty(spec, res.level[r]!);
        const volumeBound = kind === EBS && res.capacity[r]! >= res.ceiling[r]! - 1e-9;
        const start = { timeS: now, broker, resource: kind, flowKind: limitedKind[r]!, bucketEmpty, volumeBound };
        this.timeline.push({ kind: 'throttling-started', ...start });
        if (this.data.firstThrottle === null) this.data.firstThrottle = start;
        this.bindingSinceS[r] = now;
      } else if (binding === 0 && this.binding[r] === 1) {
        this.timeline.push({ kind: 'throttling-ended', timeS: now, broker, resource: kind, durationS: now - this.bindingSinceS[r]! });
      }
      this.binding[r] = binding;
    }
  }

  segment(view: View, t0: number, t1: number): void {
    const dt = t1 - t0;
    const res = view.state.resources;
    const d = this.data;
    for (let r = 0; r < res.count; r++) {
      d.utilIntegral[r]! += this.util[r]! * dt;
      if (this.util[r]! > d.utilMax[r]! + 1e-12) {
        d.utilMax[r] = this.util[r]!;
        d.utilMaxAtS[r] = t0;
      }
      if (this.empty[r] === 1) d.bucketEmptyS[r]! += dt;
      if (this.binding[r] === 1) d.throttledS[r]! += dt;
      if (this.util[r]! > 1 + 1e-9) d.aboveSustainedS[r]! += dt;
      d.throttledMiB[res.owner[r]!]! += this.short[r]! * dt;
      if (res.kind[r] === CPU && this.util[r]! > this.cpuGuidance) d.cpuAboveGuidanceS[res.owner[r]!]! += dt;
    }
  }

  finish(): UtilizationData {
    return this.data;
  }
}
