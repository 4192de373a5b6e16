// Each topic's hottest partition over the run (the report's per-topic line): the most its
// producers asked of it, the most it accepted, and its largest producer backlog. A partition
// inside a class moves with the class in proportion to its share (partitions.ts), so its figures
// are the class's per-partition ones × its share ÷ the class's mean share: exact where a class
// holds partitions of one share (a `{ hot, share }` or a uniform topic), the class's
// proportional sharing (partitions.ts) under a Zipf skew.
import type { HottestPartition } from '../partitions.js';
import type { ClusterState } from '../state.js';
import type { Observer, View } from './view.js';

export interface HottestData {
  /** Per topic: which partition, its class, share and preferred leader. */
  partitions: HottestPartition[];
  /** Per topic, MiB/s: the peak of what producers asked of the partition, and when. */
  peakDemandMiBps: Float64Array;
  peakDemandAtS: Float64Array;
  /** Per topic, MiB/s: the peak of what it accepted (appended). */
  peakAcceptedMiBps: Float64Array;
  /** Per topic, MiB: its largest producer backlog. */
  maxBacklogMiB: Float64Array;
}

export class HottestTracker implements Observer {
  private readonly data: HottestData;
  /** Per topic: the partition's share ÷ its class's mean share. */
  private readonly ratio: Float64Array;
  private readonly cls: Int32Array;

  constructor(state: ClusterState) {
    const { hottest, classes } = state;
    const n = hottest.length;
    this.cls = Int32Array.from(hottest, (h) => h.cls);
    this.ratio = Float64Array.from(hottest, (h) => {
      const mean = classes[h.cls]!.share;
      return mean > 0 ? h.share / mean : 0;
    });
    this.data = {
      partitions: hottest.map((h) => ({ ...h })),
      peakDemandMiBps: new Float64Array(n),
      peakDemandAtS: new Float64Array(n),
      peakAcceptedMiBps: new Float64Array(n),
      maxBacklogMiB: new Float64Array(n),
    };
  }

  rates(view: View): void {
    const { state } = view;
    const d = this.data;
    for (let t = 0; t < this.cls.length; t++) {
      const c = this.cls[t]!;
      const demand = state.produceDemand[c]! * this.ratio[t]!;
      if (demand > d.peakDemandMiBps[t]!) {
        d.peakDemandMiBps[t] = demand;
        d.peakDemandAtS[t] = state.nowS;
      }
      d.peakAcceptedMiBps[t] = Math.max(d.peakAcceptedMiBps[t]!, state.appendRate[c]! * this.ratio[t]!);
    }
  }

  /** The backlog moves linearly within a segment: its largest value is at an end. */
  segment(view: View, t0: number, t1: number): void {
    const { state, drift } = view;
    const d = this.data;
    for (let t = 0; t < this.cls.length; t++) {
      const c = this.cls[t]!;
      const start = state.producerBacklogMiB[c]!;
      const end = Math.min(state.backlogCapMiB[c]!, Math.max(0, start + drift.backlog[c]! * (t1 - t0)));
      d.maxBacklogMiB[t] = Math.max(d.maxBacklogMiB[t]!, Math.max(start, end) * this.ratio[t]!);
    }
  }

  finish(): HottestData {
    return this.data;
  }
}
