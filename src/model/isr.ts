// The in-sync replica set (Kafka's ReplicaManager/Partition.maybeShrinkIsr, DESIGN §3.3): a
// follower that has not caught up with the leader for `replica.lag.time.max.ms` leaves the ISR;
// one that catches up rejoins it. A stopped broker leaves every ISR at once (the controller
// fences it) and its leaderships move to the first running in-sync replica in preferred order;
// a partition with none is offline (MSK keeps unclean.leader.election.enable = false).
// Fluid approximation: the new leader takes over the log as it stands, so the tail an acks=1
// leader had not replicated yet is not counted as lost here (the faults issue counts it).
import { caughtUp, type Drift } from './drift.js';
import type { ClusterState } from './state.js';

export interface IsrChange {
  /** Partitions whose ISR shrank or grew, per topic. */
  shrunk: Map<number, number>;
  expanded: Map<number, number>;
  changed: boolean;
}

/**
 * Applies the ISR rules at `nowS`; returns what changed (the flows must then be rebuilt).
 * `drift` holds the rates that brought the state here. A follower is caught up when its lag is
 * within the level tolerance and not growing: Kafka's lastCaughtUpTime moves only when a fetch
 * reaches the log end, so one that keeps falling behind by a little, however little, is not
 * caught up, keeps its lag timer, and leaves the ISR when the timer runs out.
 */
export function updateIsr(state: ClusterState, drift: Drift): IsrChange {
  const { classes, slots, nowS } = state;
  const maxLagS = state.config.replicaLagTimeMaxS;
  const out: IsrChange = { shrunk: new Map(), expanded: new Map(), changed: false };
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c]!;
    for (let j = 0; j < cls.replicas.length; j++) {
      if (j === state.leaderSlot[c] || state.alive[cls.replicas[j]!] === 0) continue;
      const k = c * slots + j;
      const upToDate = caughtUp(state, c, state.lagMiB[k]!) && drift.lag[k]! <= 0;
      if (upToDate) {
        state.lagMiB[k] = 0;
        state.lagSinceS[k] = -Infinity;
      } else if (state.lagSinceS[k] === -Infinity) {
        state.lagSinceS[k] = nowS;
      }
      if (state.inIsr[k] === 1 && !upToDate && nowS >= state.lagSinceS[k]! + maxLagS - 1e-6) {
        state.inIsr[k] = 0;
        bump(out.shrunk, cls.topic, cls.count);
        out.changed = true;
      } else if (state.inIsr[k] === 0 && upToDate) {
        state.inIsr[k] = 1;
        bump(out.expanded, cls.topic, cls.count);
        out.changed = true;
      }
    }
  }
  return out;
}

/**
 * After an allocation: a caught-up follower whose lag starts to grow starts its ISR timer now;
 * one within the tolerance whose lag no longer grows is caught up (its timer stops).
 */
export function startLagTimers(state: ClusterState, drift: Drift): void {
  const { classes, slots, nowS } = state;
  for (let c = 0; c < classes.length; c++) {
    for (let j = 0; j < classes[c]!.replicas.length; j++) {
      const k = c * slots + j;
      if (j === state.leaderSlot[c] || state.alive[classes[c]!.replicas[j]!] === 0) continue;
      if (drift.lag[k]! > 0) {
        if (state.lagSinceS[k] === -Infinity) state.lagSinceS[k] = nowS;
      } else if (caughtUp(state, c, state.lagMiB[k]!)) {
        state.lagMiB[k] = 0;
        state.lagSinceS[k] = -Infinity;
      }
    }
  }
}

/** Seconds until the next follower in the ISR has lagged for replica.lag.time.max.ms, or Infinity. */
export function secondsToIsrShrink(state: ClusterState, drift: Drift): number {
  const { classes, slots, nowS } = state;
  const maxLagS = state.config.replicaLagTimeMaxS;
  let next = Infinity;
  for (let c = 0; c < classes.length; c++) {
    for (let j = 0; j < classes[c]!.replicas.length; j++) {
      const k = c * slots + j;
      if (state.inIsr[k] !== 1 || j === state.leaderSlot[c] || state.lagSinceS[k] === -Infinity) continue;
      if (state.lagMiB[k]! <= 0 && drift.lag[k]! <= 0) continue;
      next = Math.min(next, Math.max(0, state.lagSinceS[k]! + maxLagS - nowS));
    }
  }
  return next;
}

/** Stops broker b: it leaves every ISR and its leaderships move. Returns partitions led before. */
export function stopBroker(state: ClusterState, b: number): { movedLeaders: number; offline: number } {
  state.alive[b] = 0;
  let movedLeaders = 0;
  let offline = 0;
  const { classes, slots } = state;
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c]!;
    const j = cls.replicas.indexOf(b);
    if (j < 0) continue;
    const k = c * slots + j;
    state.inIsr[k] = 0;
    state.lagSinceS[k] = -Infinity;
    if (state.leaderSlot[c] !== j) continue;
    const next = electLeader(state, c);
    state.leaderSlot[c] = next;
    if (next < 0) offline += cls.count;
    else {
      movedLeaders += cls.count;
      state.lagMiB[c * slots + next] = 0;
    }
  }
  return { movedLeaders, offline };
}

/** Starts broker b again: its replicas catch up as followers and rejoin the ISR when they have. */
export function startBroker(state: ClusterState, b: number): void {
  state.alive[b] = 1;
  const { classes, slots } = state;
  for (let c = 0; c < classes.length; c++) {
    const j = classes[c]!.replicas.indexOf(b);
    if (j < 0) continue;
    if (state.leaderSlot[c]! < 0) {
      // An offline partition comes back with its last leader (clean election: it was in the ISR).
      state.leaderSlot[c] = j;
      state.inIsr[c * slots + j] = 1;
      state.lagMiB[c * slots + j] = 0;
    }
  }
}

function electLeader(state: ClusterState, c: number): number {
  const cls = state.classes[c]!;
  for (let j = 0; j < cls.replicas.length; j++) {
    if (state.alive[cls.replicas[j]!] === 1 && state.inIsr[c * state.slots + j] === 1) return j;
  }
  return -1;
}

function bump(map: Map<number, number>, topic: number, count: number): void {
  map.set(topic, (map.get(topic) ?? 0) + count);
}
