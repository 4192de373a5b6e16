// The largest producer backlog, follower lag and consumer lag, for the cluster and per broker.
// Levels move linearly between events, so their maxima over a segment are at its ends.
import { createBrokerRates, type BrokerRates, type Observer, type View } from './view.js';

export interface LagData {
  /** Cluster totals by kind: 0 producer backlog, 1 follower lag, 2 consumer lag. */
  maxMiB: Float64Array;
  /** Per broker × 3, as above. */
  brokerMaxMiB: Float64Array;
  /** Per broker: MiB deleted before a group read it, attributed to the broker serving the group. */
  lostMiB: Float64Array;
}

export class LagTracker implements Observer {
  private perBroker: BrokerRates;
  private readonly data: LagData;

  constructor(brokers: number) {
    this.perBroker = createBrokerRates(brokers);
    this.data = { maxMiB: new Float64Array(3), brokerMaxMiB: new Float64Array(brokers * 3), lostMiB: new Float64Array(brokers) };
  }

  rates(view: View): void {
    this.perBroker = view.brokers;
  }

  segment(_view: View, t0: number, t1: number): void {
    const dt = t1 - t0;
    const p = this.perBroker;
    const totals0 = [0, 0, 0];
    const totals1 = [0, 0, 0];
    for (let k = 0; k < p.lagMiB.length; k++) {
      const start = p.lagMiB[k]!;
      const end = Math.max(0, start + p.lagDriftMiBps[k]! * dt);
      this.data.brokerMaxMiB[k] = Math.max(this.data.brokerMaxMiB[k]!, start, end);
      totals0[k % 3]! += start;
      totals1[k % 3]! += end;
    }
    for (let kind = 0; kind < 3; kind++) this.data.maxMiB[kind] = Math.max(this.data.maxMiB[kind]!, totals0[kind]!, totals1[kind]!);
  }

  lost(broker: number, mib: number): void {
    if (broker >= 0) this.data.lostMiB[broker]! += mib;
  }

  finish(): LagData {
    return this.data;
  }
}
