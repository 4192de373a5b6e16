// Retention (DESIGN §3.3) from the append history, not from rates integrated over time: the log
// start of a partition is D(t) = max(A(t − retention.ms), A(t) − retention.bytes), with A the
// cumulative appends. Computing D from A at every event makes stored bytes exact at any instant
// (no drift from rounding the time a deletion rate changes), and the deletion rate that holds
// between events — needed only to draw the state linearly in between — changes exactly when an
// append-rate change is one retention old, which `nextRetentionStepS` gives the scheduler.
import { gibToMib } from '../units.js';
import { levelTolerance, type Drift } from './drift.js';
import type { ClusterState } from './state.js';

/** Closer than this to a recorded change, a retention step takes the new rate (seconds). */
const STEP_TOLERANCE_S = 1e-6;

export function retentionCapMiB(state: ClusterState, c: number): number {
  const gib = state.config.topics[state.classes[c]!.topic]!.retentionGiBPerPartition;
  return gib === null ? Infinity : gibToMib(gib);
}

/** The log start of class c at `timeS`, per partition, MiB (never moving backwards). */
export function logStartMiB(state: ClusterState, c: number, timeS: number): number {
  const log = state.appendLog[c]!;
  const retentionS = state.config.topics[state.classes[c]!.topic]!.retentionS;
  const byTime = log.cumulativeAt(timeS - retentionS);
  const bySize = log.cumulativeAt(timeS) - retentionCapMiB(state, c);
  return Math.max(state.deletedMiB[c]!, byTime, bySize);
}

/**
 * Deletion rates from the history at `nowS` (after the append rates are known); updates
 * drift.stored. Whichever of the two limits sets the log start now sets its pace: time
 * (the append rate one retention ago) or size (today's append rate).
 */
export function updateDeleteRates(state: ClusterState, drift: Drift): void {
  const now = state.nowS;
  for (let c = 0; c < state.classes.length; c++) {
    const log = state.appendLog[c]!;
    const retentionS = state.config.topics[state.classes[c]!.topic]!.retentionS;
    const byTimeRate = log.rateAfter(now - retentionS, STEP_TOLERANCE_S);
    const append = state.appendRate[c]!;
    const gap = sizeLead(state, c);
    const tolerance = levelTolerance(state, c);
    let rate = gap > tolerance ? append : gap < -tolerance ? byTimeRate : Math.max(byTimeRate, append);
    if (state.appendedMiB[c]! - state.deletedMiB[c]! <= 0 && rate > append) rate = append;
    state.deleteRate[c] = rate;
    drift.stored[c] = append - rate;
  }
}

/** How far the size limit's log start is ahead of the time limit's (MiB; −∞ without a size limit). */
function sizeLead(state: ClusterState, c: number): number {
  const cap = retentionCapMiB(state, c);
  if (cap === Infinity) return -Infinity;
  const retentionS = state.config.topics[state.classes[c]!.topic]!.retentionS;
  return state.appendedMiB[c]! - cap - state.appendLog[c]!.cumulativeAt(state.nowS - retentionS);
}

/** Seconds until the time limit overtakes the size limit on some class (Infinity if none). */
export function secondsToTimeLimit(state: ClusterState): number {
  let next = Infinity;
  for (let c = 0; c < state.classes.length; c++) {
    const gap = sizeLead(state, c);
    if (!(gap > levelTolerance(state, c))) continue;
    const retentionS = state.config.topics[state.classes[c]!.topic]!.retentionS;
    const closing = state.appendLog[c]!.rateAfter(state.nowS - retentionS, STEP_TOLERANCE_S) - state.appendRate[c]!;
    if (closing > 0) next = Math.min(next, gap / closing);
  }
  return next;
}

/** The next instant after `nowS` when some class's time-based deletion rate changes, or Infinity. */
export function nextRetentionStepS(state: ClusterState): number {
  const now = state.nowS;
  let next = Infinity;
  for (let c = 0; c < state.classes.length; c++) {
    const retentionS = state.config.topics[state.classes[c]!.topic]!.retentionS;
    const change = state.appendLog[c]!.nextChangeAfter(now - retentionS + STEP_TOLERANCE_S);
    if (change + retentionS < next) next = change + retentionS;
  }
  return next;
}

/** Forgets history no reader needs: older than one retention and the longest replay rewind. */
export function trimHistory(state: ClusterState, maxRewindS: number): void {
  for (let c = 0; c < state.classes.length; c++) {
    const retentionS = state.config.topics[state.classes[c]!.topic]!.retentionS;
    state.appendLog[c]!.trimBefore(state.nowS - Math.max(retentionS, maxRewindS) - 1);
  }
}
