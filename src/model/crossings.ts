// State crossings in closed form (DESIGN §3): between events every level moves linearly, so the
// time until each threshold is a division. The earliest is the next crossing event: a credit
// bucket empties, a backlog or lag clears, a group reaches the log start (data deleted unread
// from then on), a partition reaches retention.bytes, a follower has lagged for
// replica.lag.time.max.ms, the lease of rack-aware readers on a follower out of the ISR ends, a
// reader crosses its page-cache window, a disk a threshold, the time limit of retention overtakes
// its size limit.
import { bucketRate, secondsUntilEmpty } from './buckets.js';
import type { Allocation } from './allocate.js';
import { levelTolerance, type Drift } from './drift.js';
import type { Flows } from './flows.js';
import { secondsToIsrShrink } from './isr.js';
import type { PageCache } from './page-cache.js';
import { secondsToReadLeaseEnd } from './read-replicas.js';
import { retentionCapMiB, secondsToTimeLimit } from './retention.js';
import { hwLagMiB, storedMiB, type ClusterState } from './state.js';

const EPS = 1e-9;

function sooner(next: number, gap: number, closing: number, tolerance = EPS): number {
  return gap > tolerance && closing > 0 ? Math.min(next, gap / closing) : next;
}

/** Seconds until the next crossing at the current rates, or Infinity. */
export function secondsToNextCrossing(state: ClusterState, flows: Flows, alloc: Allocation, drift: Drift, pageCache: PageCache): number {
  let next = Infinity;
  const res = state.resources;
  for (let r = 0; r < res.count; r++) {
    const spec = res.bucket[r]!;
    next = Math.min(next, secondsUntilEmpty(spec, res.level[r]!, bucketRate(spec, res.level[r]!, alloc.load[r]!)));
  }
  const { classes, slots, groupSlots } = state;
  for (let c = 0; c < classes.length; c++) {
    next = sooner(next, state.producerBacklogMiB[c]!, -drift.backlog[c]!);
    const cap = state.backlogCapMiB[c]!;
    next = sooner(next, cap - state.producerBacklogMiB[c]!, drift.backlog[c]!, 1e-9 * Math.max(1, cap));
    for (let j = 0; j < classes[c]!.replicas.length; j++) {
      const k = c * slots + j;
      next = sooner(next, state.lagMiB[k]!, -drift.lag[k]!);
    }
    const stored = storedMiB(state, c);
    // Stored bytes are a difference of large cumulative sums: compare them with its tolerance.
    const tolerance = levelTolerance(state, c);
    next = sooner(next, retentionCapMiB(state, c) - stored, drift.stored[c]!, tolerance);
    const hwLag = hwLagMiB(state, c);
    const groups = state.config.topics[classes[c]!.topic]!.consumerGroups.length;
    for (let g = 0; g < groups; g++) {
      const k = c * groupSlots + g;
      next = sooner(next, state.consumerLagMiB[k]!, -drift.consumer[k]!);
      next = sooner(next, stored - hwLag - state.consumerLagMiB[k]!, drift.consumer[k]! + drift.hwLag[c]! - drift.stored[c]!, tolerance);
    }
  }
  next = Math.min(next, secondsToIsrShrink(state, drift));
  next = Math.min(next, secondsToReadLeaseEnd(state));
  next = Math.min(next, secondsToTimeLimit(state));
  next = Math.min(next, pageCache.secondsToCrossing(state, flows, drift));
  return Math.min(next, state.disks.nextCrossingS(state.alive));
}
