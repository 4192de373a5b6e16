// Two network-in queues that take copies of the same batches are busy together: in a
// 3-broker cluster with RF 3 every batch crosses every broker's network in within a
// millisecond, so a batch that waited at its leader tends to wait at its followers too (its
// leader and follower waits correlate at 0.42 in a request-level run at ρ = 0.8, and the p99
// of their sum is 23 % above that of independent waits). The estimate couples a follower's
// network-in wait to the leader's by a Fréchet mixture copula: with probability κ the
// follower's wait takes the leader's rank, otherwise an independent one, so Spearman's rank
// correlation is κ (Nelsen 2006, An Introduction to Copulas, §2.2 and ex. 5.13).
//
// κ is the share of each queue's work the two have in common (the geometric mean of the two
// shares), discounted for the lag between the copies' arrivals as the index of dispersion is
// in revisit.ts: correlated input matters over the queue's relaxation time L = v/(1 − ρ)², and
// input shifted by a lag σ still overlaps for a share (1 − σ/L)⁺ of it (Fendick & Whitt 1989).
import { NET_IN, QUEUES_PER_BROKER, type QueueLoads } from './queue-loads.js';
import type { Routes } from './routes.js';

/**
 * Fills shared[a·brokers + b] with the work a second (seconds of service) that broker b's
 * network in does for batches that also cross broker a's network in.
 */
export function sharedInputWork(r: Routes, brokers: number, shared: Float64Array): void {
  for (let i = 0; i < shared.length; i++) shared[i] = 0;
  for (let g = 0; g < r.groups; g++) {
    const rate = r.batchRate[g]!;
    if (!(rate > 0)) continue;
    const first = r.followerStart[g]!;
    const last = r.followerStart[g + 1]!;
    // The replicas are the leader and the followers; every pair of them shares the batch.
    for (let x = first - 1; x < last; x++) {
      const a = x < first ? r.leader[g]! : r.followers[x]!;
      for (let y = first - 1; y < last; y++) {
        const b = y < first ? r.leader[g]! : r.followers[y]!;
        if (a !== b) shared[a * brokers + b]! += rate * r.batchBytes[g]! * r.inSPerByte[b]!;
      }
    }
  }
}

/** κ for a batch's wait at `follower`'s network in given its wait at `leader`'s, `lagS` later. */
export function coupling(q: QueueLoads, shared: Float64Array, brokers: number, leader: number, follower: number, lagS: number): number {
  const iLeader = leader * QUEUES_PER_BROKER + NET_IN;
  const iFollower = follower * QUEUES_PER_BROKER + NET_IN;
  const rhoL = q.rho[iLeader]!;
  const rhoF = q.rho[iFollower]!;
  if (!(rhoL > 0 && rhoF > 0 && rhoF < 1)) return 0;
  // Shares of each queue's busy time: ρ is its work a second.
  const share = Math.sqrt((shared[follower * brokers + leader]! / rhoL) * (shared[leader * brokers + follower]! / rhoF));
  const relaxationS = (rhoF * q.meanS2[iFollower]!) / q.meanS[iFollower]! / ((1 - rhoF) * (1 - rhoF));
  return Math.min(1, share) * Math.max(0, 1 - lagS / relaxationS);
}
