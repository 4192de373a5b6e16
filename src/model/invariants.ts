// Invariants of the state (STYLE habit 3), checked after every event when `verify` is on (tests
// and the property suite turn it on) and, for conservation, at the end of every run. A failure
// names the seed that replays it.
import type { Allocation } from './allocate.js';
import type { Flows } from './flows.js';
import { totalProducerBacklogMiB, totalStoredMiB, type ClusterState } from './state.js';

export class InvariantError extends Error {
  constructor(message: string, seed: number) {
    super(`invariant: ${message} (replay with seed ${seed})`);
    this.name = 'InvariantError';
  }
}

/** Bytes in = stored + deleted + waiting in producers, to 1e-9 relative. */
export function checkConservation(state: ClusterState): void {
  const t = state.totals;
  const inflow = t.initialStoredMiB + t.producedMiB;
  const outflow = totalStoredMiB(state) + t.deletedMiB + totalProducerBacklogMiB(state) + t.clientLostMiB;
  if (Math.abs(inflow - outflow) > 1e-9 * Math.max(1, inflow)) {
    throw new InvariantError(`bytes not conserved at t = ${state.nowS} s: in ${inflow} MiB, accounted ${outflow} MiB`, state.config.seed);
  }
}

export function checkState(state: ClusterState, flows: Flows, alloc: Allocation): void {
  const seed = state.config.seed;
  checkConservation(state);
  const { classes, slots, groupSlots } = state;
  for (let c = 0; c < classes.length; c++) {
    if (!(state.producerBacklogMiB[c]! >= 0)) throw new InvariantError(`producer backlog of class ${c} is ${state.producerBacklogMiB[c]}`, seed);
    const stored = state.appendedMiB[c]! - state.deletedMiB[c]!;
    if (!(stored >= -1e-9 * Math.max(1, state.appendedMiB[c]!))) throw new InvariantError(`class ${c} stores ${stored} MiB`, seed);
    for (let j = 0; j < classes[c]!.replicas.length; j++) {
      const k = c * slots + j;
      const lag = state.lagMiB[k]!;
      // A follower never holds more than its leader: its lag is ≥ 0.
      if (!(lag >= 0)) throw new InvariantError(`replica ${j} of class ${c} lags by ${lag} MiB`, seed);
      // Rack-aware readers stay on a running follower out of the ISR no longer than their lease.
      const stale = state.readReplica[k] === 1 && state.inIsr[k] === 0 && state.alive[classes[c]!.replicas[j]!] === 1;
      if (stale && !(state.nowS <= state.readUntilS[k]! + 1e-6)) {
        throw new InvariantError(`replica ${j} of class ${c} serves reads out of the ISR at ${state.nowS} s, past its lease end ${state.readUntilS[k]} s`, seed);
      }
    }
    const groups = state.config.topics[classes[c]!.topic]!.consumerGroups.length;
    for (let g = 0; g < groups; g++) {
      // A group never reads past the high watermark: its lag behind it is ≥ 0.
      const lag = state.consumerLagMiB[c * groupSlots + g]!;
      if (!(lag >= 0)) throw new InvariantError(`group ${g} of class ${c} is ${lag} MiB behind the high watermark`, seed);
    }
  }
  const res = state.resources;
  for (let r = 0; r < res.count; r++) {
    if (alloc.load[r]! > res.capacity[r]! * (1 + 1e-9) + 1e-9) throw new InvariantError(`resource ${r} loaded to ${alloc.load[r]} beyond ${res.capacity[r]}`, seed);
  }
  for (let f = 0; f < flows.net.flowCount; f++) {
    const over = flows.tiedTo[f]! < 0 && alloc.rate[f]! > flows.net.demand[f]! * (1 + 1e-9) + 1e-12;
    if (!(alloc.rate[f]! >= 0) || over) {
      throw new InvariantError(`flow ${f} runs at ${alloc.rate[f]} MiB/s against a demand of ${flows.net.demand[f]}`, seed);
    }
  }
}
