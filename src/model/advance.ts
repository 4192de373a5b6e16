// Moves every level of the state linearly from the last event to `t` (DESIGN §3: between events
// every rate is constant). Appends and deletions are read from the append history, so stored
// bytes are exact; the backlogs and lags move by their drifts and are clamped where Kafka
// clamps them: a consumer cannot be further behind than the log start (the rest was deleted
// unread: loss), nor ahead of the high watermark; a follower cannot lag by more than the log.
import { advanceBucket, bucketRate } from './buckets.js';
import type { Allocation } from './allocate.js';
import type { Drift } from './drift.js';
import type { Flows } from './flows.js';
import { logStartMiB } from './retention.js';
import type { ClusterState } from './state.js';

/** Per broker, MiB deleted before a group read it, added to by `advance`. */
export interface LossSink {
  lost(broker: number, mib: number): void;
}

export function advance(state: ClusterState, flows: Flows, alloc: Allocation, drift: Drift, t: number, sink: LossSink): void {
  const dt = t - state.nowS;
  if (dt < 0) throw new Error(`cluster simulation: time went backwards (${state.nowS} → ${t})`);
  if (dt === 0) return;
  const { classes, slots, groupSlots, totals } = state;
  for (let c = 0; c < classes.length; c++) {
    const count = classes[c]!.count;
    const demand = state.produceDemand[c]!;
    totals.producedMiB += demand * count * dt;
    if (state.refused[c] === 1) {
      totals.unavailablePartitionS += count * dt;
      totals.refusedMiB += demand * count * dt;
    }
    let backlog = state.producerBacklogMiB[c]! + drift.backlog[c]! * dt;
    let failed = drift.clientLoss[c]! * dt;
    if (backlog > state.backlogCapMiB[c]!) {
      failed += backlog - state.backlogCapMiB[c]!;
      backlog = state.backlogCapMiB[c]!;
    }
    totals.clientLostMiB += failed * count;
    if (backlog < 1e-9) {
      // Cleared (to rounding): what is left, or overshot, was appended.
      state.appendLog[c]!.adjust(backlog);
      state.producerBacklogMiB[c] = 0;
    } else state.producerBacklogMiB[c] = backlog;
    const appended = state.appendLog[c]!.cumulativeAt(t);
    state.appendedMiB[c] = appended;
    const start = logStartMiB(state, c, t);
    totals.deletedMiB += (start - state.deletedMiB[c]!) * count;
    state.deletedMiB[c] = start;
    const stored = appended - start;
    let hwLag = 0;
    for (let j = 0; j < classes[c]!.replicas.length; j++) {
      const k = c * slots + j;
      let lag = state.lagMiB[k]! + drift.lag[k]! * dt;
      if (lag < 1e-9) lag = 0;
      if (lag > stored) lag = stored; // a follower behind the log start restarts from it
      state.lagMiB[k] = lag;
      if (state.inIsr[k] === 1 && lag > hwLag) hwLag = lag;
    }
    const groups = state.config.topics[classes[c]!.topic]!.consumerGroups.length;
    for (let g = 0; g < groups; g++) {
      const k = c * groupSlots + g;
      let lag = state.consumerLagMiB[k]! + drift.consumer[k]! * dt;
      if (lag < 1e-9) lag = 0;
      const readable = Math.max(0, stored - hwLag);
      let lost = drift.loss[k]! * dt;
      if (lag > readable) {
        lost += lag - readable;
        lag = readable;
      }
      if (lost > 0) {
        const f = flows.fetchOf[k]!;
        sink.lost(f < 0 ? -1 : flows.broker[f]!, lost * count);
        totals.lostMiB += lost * count;
      }
      state.consumerLagMiB[k] = lag;
    }
  }
  const res = state.resources;
  for (let r = 0; r < res.count; r++) {
    const spec = res.bucket[r]!;
    res.level[r] = advanceBucket(spec, res.level[r]!, bucketRate(spec, res.level[r]!, alloc.load[r]!), dt);
  }
  state.nowS = t;
}
