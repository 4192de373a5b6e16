// Where rack-aware consumers read (KIP-392, with KAFKA-14372 since Kafka 3.4): a consumer fetches
// from the leader, which answers with a preferred read replica — the in-sync replica in the
// consumer's AZ — and the consumer fetches from that replica until its choice expires,
// metadata.max.age.ms after the leader made it, or the replica goes offline. Only then does it
// ask the leader again. Kafka's asymmetry follows:
// - reads move onto a follower as soon as it is in the ISR (the leader's next answer names it);
// - reads stay on a follower that leaves the ISR until the lease the leader gave them ends (the
//   follower itself never redirects a consumer, and nothing tells the consumer of the ISR change).
// A follower that falls behind because of the reads it serves therefore leaves the ISR after
// replica.lag.time.max.ms but keeps the reads for the rest of the lease; a model that moved them
// at once let it catch up and rejoin every replica.lag.time.max.ms instead of every lease.
// The leases of a follower's consumers run from the instant reads moved onto it and renew every
// lease while it stays in the ISR (the consumer asks again and the leader names it again).
import type { ClusterState } from './state.js';

/**
 * Apache Kafka consumer default metadata.max.age.ms = 300000 (ConsumerConfig): the lifetime of a
 * preferred read replica (KAFKA-8365, Fetcher/AbstractFetch: expiry = now + metadataExpireMs).
 */
export const READ_REPLICA_LEASE_S = 300;
/** Lease ends closer than this to now have come (crossings land on them to rounding). */
const LEASE_EPS_S = 1e-6;

function leaseS(state: ClusterState): number {
  return state.config.readReplicaLeaseS ?? READ_REPLICA_LEASE_S;
}

/** Whether the rack-aware consumers of replica j's AZ may read from it: the leader, or a follower holding their lease. */
export function servesReads(state: ClusterState, c: number, j: number): boolean {
  return j === state.leaderSlot[c] || state.readReplica[c * state.slots + j] === 1;
}

/**
 * Applies the lease rules at `nowS`, after the ISR rules; returns whether any follower started or
 * stopped serving reads (the flows must then be rebuilt).
 */
export function updateReadReplicas(state: ClusterState): boolean {
  const { classes, slots, nowS } = state;
  const lease = leaseS(state);
  let changed = false;
  for (let c = 0; c < classes.length; c++) {
    const replicas = classes[c]!.replicas;
    for (let j = 0; j < replicas.length; j++) {
      const k = c * slots + j;
      if (j === state.leaderSlot[c] || state.alive[replicas[j]!] === 0) {
        // The leader serves its own AZ whatever this flag says; an offline follower loses its
        // readers at once (the consumer sees it offline in its metadata and asks the leader).
        if (state.readReplica[k] === 1 && j !== state.leaderSlot[c]) changed = true;
        state.readReplica[k] = 0;
        state.readUntilS[k] = Infinity;
      } else if (state.inIsr[k] === 1) {
        state.readUntilS[k] = Infinity;
        if (state.readReplica[k] === 0) {
          state.readReplica[k] = 1;
          state.readLeaseStartS[k] = nowS;
          changed = true;
        }
      } else if (state.readReplica[k] === 1) {
        if (state.readUntilS[k] === Infinity) {
          // Out of the ISR while serving: the reads stay until the lease running now ends.
          const start = state.readLeaseStartS[k]!;
          state.readUntilS[k] = start + Math.max(0, Math.ceil((nowS - start) / lease - 1e-12)) * lease;
        }
        if (nowS >= state.readUntilS[k]! - LEASE_EPS_S) {
          state.readReplica[k] = 0;
          state.readUntilS[k] = Infinity;
          changed = true;
        }
      }
    }
  }
  return changed;
}

/** Seconds until the next lease ends on a follower out of the ISR that still serves reads, or Infinity. */
export function secondsToReadLeaseEnd(state: ClusterState): number {
  let next = Infinity;
  const until = state.readUntilS;
  for (let k = 0; k < until.length; k++) {
    if (until[k]! < Infinity) next = Math.min(next, Math.max(0, until[k]! - state.nowS));
  }
  return next;
}
