// The usage meter for the bill (DESIGN §3.7): quantities integrated over the timeline — the
// hours of each broker that exists (a stopped broker is still billed), GiB-seconds of the
// storage size in force, and client traffic that crosses an AZ — in plain numbers.
import { PRODUCE, FETCH } from '../flows.js';
import { storedMiB } from '../state.js';
import type { Observer, View } from './view.js';

export interface UsageData {
  /** Broker-seconds per broker type name. */
  brokerSeconds: Record<string, number>;
  storageGiBSeconds: number;
  crossAzProducedMiB: number;
  crossAzFetchedMiB: number;
  producedIntoLeadersMiB: number;
  fetchedMiB: number;
  replicatedMiB: number;
  /** ∫ bytes stored (one copy: the leaders' logs) dt, for storage billed on bytes retained. */
  storedMiBSeconds: number;
}

export class UsageMeter implements Observer {
  private readonly data: UsageData = {
    brokerSeconds: Object.create(null) as Record<string, number>,
    storageGiBSeconds: 0,
    crossAzProducedMiB: 0,
    crossAzFetchedMiB: 0,
    producedIntoLeadersMiB: 0,
    fetchedMiB: 0,
    replicatedMiB: 0,
    storedMiBSeconds: 0,
  };

  constructor(private readonly brokerTypes: readonly string[]) {}

  rates(): void {}

  segment(view: View, t0: number, t1: number): void {
    const dt = t1 - t0;
    const { state, flows, alloc, drift } = view;
    const d = this.data;
    // Stored bytes move linearly within a segment (appends and deletions at constant rates):
    // the exact integral is the level at t0 plus half the drift over the segment. Compacted
    // topics store their share of it (state.diskFraction).
    for (let c = 0; c < state.classes.length; c++) {
      d.storedMiBSeconds += state.classes[c]!.count * state.diskFraction[c]! * (storedMiB(state, c) + (drift.stored[c]! * dt) / 2) * dt;
    }
    for (let b = 0; b < this.brokerTypes.length; b++) {
      const type = this.brokerTypes[b]!;
      d.brokerSeconds[type] = (d.brokerSeconds[type] ?? 0) + dt;
      d.storageGiBSeconds += state.disks.sizeGiB[b]! * dt;
    }
    const net = flows.net;
    for (let f = 0; f < net.flowCount; f++) {
      const moved = alloc.rate[f]! * net.multiplicity[f]! * dt;
      if (moved === 0) continue;
      const kind = flows.kind[f]!;
      if (kind === PRODUCE) {
        d.producedIntoLeadersMiB += moved;
        d.crossAzProducedMiB += moved * flows.crossAzFraction[f]!;
      } else if (kind === FETCH) {
        d.fetchedMiB += moved;
        d.crossAzFetchedMiB += moved * flows.crossAzFraction[f]!;
      } else {
        d.replicatedMiB += moved;
      }
    }
  }

  finish(): UsageData {
    return this.data;
  }
}
