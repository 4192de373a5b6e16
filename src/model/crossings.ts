// State crossings in closed form (DESIGN §3): between events every level moves linearly, so the
// time until each threshold is a division. The earliest of them is the next crossing event:
// a credit bucket empties, a backlog or lag clears, a group's lag reaches the log start (data
// deleted unread from then on), a partition reaches its size retention, a disk a threshold.
import { bucketRate, secondsUntilEmpty } from './buckets.js';
import type { ClusterSimulation } from './cluster-sim.js';
import { FETCH } from './network.js';

const EPS = 1e-9;

/** Seconds until the next crossing at the current rates, or Infinity. */
export function secondsToNextCrossing(s: ClusterSimulation): number {
  let next = Infinity;
  const load = s.alloc.load;
  for (let r = 0; r < s.level.length; r++) {
    const spec = s.bucketSpec[r]!;
    next = Math.min(next, secondsUntilEmpty(spec, s.level[r]!, bucketRate(spec, s.level[r]!, load[r]!)));
  }
  const f = s.flows;
  const rate = s.alloc.rate;
  for (let i = 0; i < f.net.flowCount; i++) {
    const drift = s.baseDemand[i]! - rate[i]!;
    if (s.backlog[i]! > 0 && drift < 0) next = Math.min(next, s.backlog[i]! / -drift);
    if (f.kind[i] === FETCH) {
      const c = f.klass[i]!;
      const gap = s.stored[c]! * f.fraction[i]! - s.backlog[i]!;
      const closing = drift - (s.appendRate[c]! - s.deleteRate[c]!) * f.fraction[i]!;
      if (gap > EPS && closing > 0) next = Math.min(next, gap / closing);
    }
  }
  for (let c = 0; c < s.classes.length; c++) {
    const cap = s.retentionCapMiB(c);
    const growth = s.appendRate[c]! - s.deleteRate[c]!;
    if (cap < Infinity && growth > 0 && s.stored[c]! < cap - EPS) next = Math.min(next, (cap - s.stored[c]!) / growth);
  }
  return Math.min(next, s.disks.nextCrossingS(s.alive));
}
