// What observers see after each allocation: the state, the flows, their rates and the drifts
// of every level. Observers keep their own figures and hand back plain data at the end — no
// reference to the simulation — so results cross worker threads by structuredClone.
import type { Allocation } from '../allocate.js';
import type { Drift } from '../drift.js';
import type { Flows } from '../flows.js';
import type { ClusterState } from '../state.js';

export interface View {
  readonly state: ClusterState;
  readonly flows: Flows;
  readonly alloc: Allocation;
  readonly drift: Drift;
  /** Per-broker totals of the allocation (filled once per allocation by the loop). */
  readonly brokers: BrokerRates;
}

export interface Observer {
  /** After every allocation, at `view.state.nowS`: the rates that hold until the next event. */
  rates(view: View): void;
  /** The segment [t0, t1) under those rates, before the state moves to t1. */
  segment(view: View, t0: number, t1: number): void;
}

/** Like an observer, for layers above the model (latency): told whether the allocation is new. */
export interface RateListener {
  /** After every allocation (`full`) or deletion-only update. */
  rates(view: View, full: boolean): void;
  segment(view: View, t0: number, t1: number): void;
}

/** Per-broker totals of one allocation: bytes in and out, replication, and lag by kind. */
export interface BrokerRates {
  bytesInMiBps: Float64Array;
  bytesOutMiBps: Float64Array;
  replicationInMiBps: Float64Array;
  replicationOutMiBps: Float64Array;
  /** Per broker × 3 (producer backlog on its leaders, follower lag it carries, consumer lag it serves): level and drift. */
  lagMiB: Float64Array;
  lagDriftMiBps: Float64Array;
  /** Partitions it leads whose ISR is below the replication factor. */
  underReplicated: Float64Array;
}

export function createBrokerRates(brokers: number): BrokerRates {
  return {
    bytesInMiBps: new Float64Array(brokers),
    bytesOutMiBps: new Float64Array(brokers),
    replicationInMiBps: new Float64Array(brokers),
    replicationOutMiBps: new Float64Array(brokers),
    lagMiB: new Float64Array(brokers * 3),
    lagDriftMiBps: new Float64Array(brokers * 3),
    underReplicated: new Float64Array(brokers),
  };
}
