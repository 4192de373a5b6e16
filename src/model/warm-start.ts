// A warm start (DESIGN §3.1): every partition already holds one retention period of data,
// appended at the (unthrottled) demand of that period, so the run is in steady state from t = 0.
// The history before 0 goes into each class's append log, from which retention then deletes.
import { mibToGib } from '../units.js';
import { retentionCapMiB } from './retention.js';
import type { ClusterState } from './state.js';
import type { TopicLoad } from './topic-load.js';

export function initialiseWarmStart(state: ClusterState, load: TopicLoad): void {
  for (let c = 0; c < state.classes.length; c++) {
    const cls = state.classes[c]!;
    const rates = load.rates[cls.topic]!;
    const log = state.appendLog[c]!;
    for (let i = 0; i < rates.timesS.length && rates.timesS[i]! < 0; i++) log.record(rates.timesS[i]!, rates.rateMiBps[i]! * cls.share);
    const appended = log.cumulativeAt(0);
    const retentionS = state.config.topics[cls.topic]!.retentionS;
    const deleted = Math.max(0, log.cumulativeAt(-retentionS), appended - retentionCapMiB(state, c));
    state.appendedMiB[c] = appended;
    state.deletedMiB[c] = deleted;
    state.totals.initialStoredMiB += (appended - deleted) * cls.count;
  }
}

/** Per broker, GiB a warm start puts on its disk at t = 0: every replica holds its partition (compacted where the topic is). */
export function warmStartDiskGiB(state: ClusterState): Float64Array {
  const used = new Float64Array(state.config.brokers);
  for (let c = 0; c < state.classes.length; c++) {
    const cls = state.classes[c]!;
    const stored = (state.appendedMiB[c]! - state.deletedMiB[c]!) * state.diskFraction[c]! * cls.count;
    for (const r of cls.replicas) used[r]! += mibToGib(stored);
  }
  return used;
}
