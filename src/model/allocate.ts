// Max-min fair allocation of byte rates over shared broker resources (DESIGN §3.3): "when demand
// exceeds a capacity, flows through that resource are scaled down max-min fairly".
//
// Exact progressive filling (Bertsekas & Gallager, Data Networks, §6.5.2): every unfrozen flow's
// rate rises together; when a flow reaches its demand it freezes, and when a resource saturates
// every flow through it freezes. Each round freezes at least one flow, so the loop ends within
// one round per flow — no iteration cap, no tolerance on convergence.
//
// A flow may load a resource by a coefficient (CPU core-seconds per MiB), may stand for
// `multiplicity` identical flows (partitions of one class), and may be capped by other flows: a
// follower that is caught up cannot replicate faster than the leader appends, and a consumer at
// the high watermark cannot read faster than it advances. A capped flow rises with the others
// and freezes, at the same level, when any flow capping it freezes — which makes its rate the
// minimum of theirs, exactly, in the same pass.
//
// Storage is compressed-sparse-row over typed arrays so the allocator allocates nothing per call.

export interface FlowNetwork {
  readonly flowCount: number;
  readonly resourceCount: number;
  /** Demand per flow in MiB/s; Infinity means "as fast as the resources allow". */
  readonly demand: Float64Array;
  readonly multiplicity: Float64Array;
  /** CSR: the resources of flow f are useResource[useStart[f] .. useStart[f + 1]). */
  readonly useStart: Int32Array;
  readonly useResource: Int32Array;
  readonly useCoefficient: Float64Array;
  readonly capacity: Float64Array;
  /** CSR: the flows capping flow f are capFlow[capStart[f] .. capStart[f + 1]); each has a lower index than f. */
  capStart: Int32Array;
  capFlow: Int32Array;
}

export interface Allocation {
  /** Rate per flow (per unit of multiplicity), MiB/s. */
  readonly rate: Float64Array;
  /** Load per resource in its own unit per second. */
  readonly load: Float64Array;
  /**
   * Why the flow is below its demand: the index of the resource that saturated, −2 when a flow
   * capping it froze first, or −1 when its demand was met.
   */
  readonly limitedBy: Int32Array;
  readonly saturated: Uint8Array;
}

export const CAPPED = -2;
const RELATIVE_EPSILON = 1e-12;

export function createAllocation(flowCount: number, resourceCount: number): Allocation {
  return {
    rate: new Float64Array(flowCount),
    load: new Float64Array(resourceCount),
    limitedBy: new Int32Array(flowCount),
    saturated: new Uint8Array(resourceCount),
  };
}

export interface AllocationScratch {
  readonly active: Uint8Array;
  readonly activeLoad: Float64Array;
}

export function createScratch(flowCount: number, resourceCount: number): AllocationScratch {
  return { active: new Uint8Array(flowCount), activeLoad: new Float64Array(resourceCount) };
}

/**
 * A capped flow can never want more than the flows capping it: its demand is lowered to the
 * least of theirs, in index order (caps point to lower indices), so the fast path below holds.
 */
export function applyCapsToDemand(net: FlowNetwork): void {
  const { demand, capStart, capFlow } = net;
  for (let f = 0; f < net.flowCount; f++) {
    for (let k = capStart[f]!; k < capStart[f + 1]!; k++) {
      const src = capFlow[k]!;
      if (src >= f) throw new Error(`allocate: flow ${f} is capped by flow ${src}, which does not come before it`);
      if (demand[src]! < demand[f]!) demand[f] = demand[src]!;
    }
  }
}

/**
 * Fills `out` with the max-min fair allocation of `net`. Scratch arrays are passed in so a caller
 * that allocates every few simulated minutes for weeks does not churn the garbage collector.
 */
export function allocateMaxMinFair(net: FlowNetwork, out: Allocation, scratch: AllocationScratch): void {
  const { flowCount, resourceCount, demand, multiplicity, useStart, useResource, useCoefficient, capacity, capStart, capFlow } = net;
  const { rate, load, limitedBy, saturated } = out;
  const { active, activeLoad } = scratch;
  applyCapsToDemand(net);
  load.fill(0);
  saturated.fill(0);
  let activeCount = 0;
  for (let f = 0; f < flowCount; f++) {
    rate[f] = 0;
    limitedBy[f] = -1;
    const isActive = demand[f]! > 0 && multiplicity[f]! > 0;
    active[f] = isActive ? 1 : 0;
    if (isActive) activeCount++;
  }
  if (allDemandsFit(net, out)) return;
  let level = 0;
  for (let round = 0; activeCount > 0; round++) {
    if (round > flowCount) throw new Error('allocateMaxMinFair: no progress (a bug)');
    activeLoad.fill(0);
    let step = Infinity;
    for (let f = 0; f < flowCount; f++) {
      if (active[f] === 0) continue;
      const headroom = demand[f]! - level;
      if (headroom < step) step = headroom;
      for (let u = useStart[f]!; u < useStart[f + 1]!; u++) activeLoad[useResource[u]!]! += multiplicity[f]! * useCoefficient[u]!;
    }
    for (let r = 0; r < resourceCount; r++) {
      if (activeLoad[r]! <= 0) continue;
      const headroom = Math.max(0, capacity[r]! - load[r]!) / activeLoad[r]!;
      if (headroom < step) step = headroom;
    }
    if (step === Infinity) throw new Error('allocateMaxMinFair: a flow with unbounded demand uses no finite resource');
    level += step;
    for (let r = 0; r < resourceCount; r++) {
      if (activeLoad[r]! <= 0) continue;
      load[r]! += step * activeLoad[r]!;
      if (load[r]! >= capacity[r]! * (1 - RELATIVE_EPSILON)) saturated[r] = 1;
    }
    // Flows are in index order and caps point backwards, so one pass settles every cap chain.
    for (let f = 0; f < flowCount; f++) {
      if (active[f] === 0) continue;
      let frozenBy = -1;
      const met = level >= demand[f]! * (1 - RELATIVE_EPSILON);
      if (!met) {
        for (let u = useStart[f]!; u < useStart[f + 1]!; u++) {
          if (saturated[useResource[u]!] === 1) {
            frozenBy = useResource[u]!;
            break;
          }
        }
        if (frozenBy < 0) {
          for (let k = capStart[f]!; k < capStart[f + 1]!; k++) {
            if (active[capFlow[k]!] === 0) {
              frozenBy = CAPPED;
              break;
            }
          }
        }
      }
      if (met || frozenBy !== -1) {
        rate[f] = met ? demand[f]! : level;
        limitedBy[f] = met ? -1 : frozenBy;
        active[f] = 0;
        activeCount--;
      }
    }
  }
}

/**
 * The common case between bursts and peaks: every demand fits. One pass computes the loads at
 * full demand; if no capacity is exceeded that is the max-min fair allocation.
 */
function allDemandsFit(net: FlowNetwork, out: Allocation): boolean {
  const { flowCount, demand, multiplicity, useStart, useResource, useCoefficient, capacity } = net;
  const { load } = out;
  for (let f = 0; f < flowCount; f++) {
    const d = demand[f]!;
    if (d === Infinity) {
      load.fill(0);
      return false;
    }
    if (d <= 0) continue;
    const m = multiplicity[f]! * d;
    for (let u = useStart[f]!; u < useStart[f + 1]!; u++) load[useResource[u]!]! += m * useCoefficient[u]!;
  }
  for (let r = 0; r < net.resourceCount; r++) {
    if (load[r]! > capacity[r]!) {
      load.fill(0);
      return false;
    }
  }
  const { rate } = out;
  for (let f = 0; f < flowCount; f++) rate[f] = demand[f]! > 0 ? demand[f]! : 0;
  return true;
}
