// Per-interval latency estimate (DESIGN §3.4): the request-level path of request-flow.ts with
// every queue replaced by its waiting-time law, composed by sampling. A call
//   1. resolves routes and loads as request-level mode does (routes.ts, queue-loads.ts),
//   2. finds how smooth each queue's arrivals are (arrival-variability.ts, Whitt's QNA) and
//      how much a batch's two visits to its leader's network out add (revisit.ts),
//   3. turns each queue's utilisation and service moments into a waiting-time law: an atom at
//      zero and an exponential tail (queue-waits.ts: P-K/Cramér–Lundberg, Erlang C),
//   4. samples paths (sample-paths.ts): each sample stands for an equal share of the batches,
//      draws the wait at each queue on its path, and adds the service times and fixed delays:
//
//   client            = accumulator + producer backlog + round-trip jitter
//   publish(acks=0)   = client + ow_client + W_in + S_in                (the leader has it)
//   append            = client + ow_client + W_in + S_in + W_handlers + S_handlers + pause_leader
//                       [+ W_ebs + S_ebs where the volume cannot keep up]
//   publish(acks=1)   = append + ow_client
//   HW                = append + W_out + max over followers k of
//                       ((k + 1)·S_out + fetch cycle_k + ow_ib + W_in,k + S_in,k + pause_k
//                        [+ W_ebs,k + S_ebs,k] + ow_ib)
//   publish(acks=all) = HW + ow_client
//   end-to-end        = HW + [ow_ib if a follower serves] + W_out,server + S_out,server
//                       + [EBS read on a page-cache miss] + ow_consumer
//
// The accumulator, jitter, pauses, fetch cycles and EBS reads are the sources of variability
// of accumulator.ts and variability.ts: drawn, not queued, by the same laws in both modes.
//
// The copies to the followers leave the leader's network out back to back after one shared
// wait, so the k-th also waits for the k copies ahead of it; the legs then part and the HW
// waits for the slowest. The legs are independent given the shared wait, so the CDF of their
// maximum is the product of theirs; drawing every leg and taking the maximum samples it
// exactly. A fetch served by the leader revisits the queue the copies used and is drawn from
// what they left behind (revisit.ts); other waits are independent. Streams are chosen by
// systematic sampling, waits from a randomised quasi-random sequence (quasi-random.ts).
//
// Paths through a saturated resource have no stationary latency: they are not recorded and
// the resource is reported instead.
import type { LatencyHistogram, Rng } from '../engine/index.js';
import { arrivalScv, scvBuffers, type ScvBuffers } from './arrival-variability.js';
import { drawShift, QMC_DIMENSIONS } from './quasi-random.js';
import { queueLoads, saturatedQueues, type QueueLoads } from './queue-loads.js';
import { queueWaits, waitBuffers, type QueueWaits } from './queue-waits.js';
import { revisitCovariance } from './revisit.js';
import { resolveRoutes, type Routes } from './routes.js';
import { fillPaths, pathTable, samplePaths, type PathTable } from './sample-paths.js';
import { checkSnapshot, type LatencySnapshot } from './snapshot.js';
import { inFlightSaturated, resolveVariability, variabilityBuffers, type Variability } from './variability.js';

export const DEFAULT_ESTIMATE_SAMPLES = 64;

export interface EstimateOptions {
  rng: Rng;
  /** Samples per call (default 64); each stands for an equal share of the requests. */
  samples?: number;
  /** Seconds this snapshot holds for: histogram counts are then requests (and deliveries). */
  weight: number;
}

export interface EstimateInto {
  publish: LatencyHistogram;
  endToEnd: LatencyHistogram;
}

export interface EstimateResult {
  mode: 'estimate';
  /** Resources at or beyond capacity; paths through them were not recorded. */
  saturated: string[];
}

interface Workspace {
  routes: Routes;
  loads: QueueLoads;
  scv: ScvBuffers;
  waits: QueueWaits;
  covariance: Float64Array;
  paths: PathTable;
  shift: Int32Array;
  variability: Variability;
  pairs: Float64Array;
}

// The estimate runs once per simulation segment, tens of thousands of times a run; its arrays
// are kept here between calls while the snapshot's shape stays the same. Every call overwrites
// what it reads, so no state passes from one call into the next.
let workspace: Workspace | undefined;

export function estimateLatency(snapshot: LatencySnapshot, options: EstimateOptions, into: EstimateInto): EstimateResult {
  checkSnapshot(snapshot);
  const samples = options.samples ?? DEFAULT_ESTIMATE_SAMPLES;
  if (!(Number.isInteger(samples) && samples >= 1)) throw new RangeError(`estimateLatency: samples must be an integer ≥ 1, got ${samples}`);
  if (!(options.weight >= 0 && options.weight < Infinity)) throw new RangeError(`estimateLatency: weight must be finite and ≥ 0, got ${options.weight}`);
  const ws = prepare(snapshot);
  const r = ws.routes;
  let totalRate = 0;
  for (let g = 0; g < r.groups; g++) totalRate += r.batchRate[g]!;
  if (totalRate > 0 && options.weight > 0) {
    drawShift(options.rng, ws.shift);
    const count = (options.weight * totalRate) / samples;
    samplePaths(r, ws.loads, ws.paths, ws.variability, ws.shift, totalRate, samples, count, into.publish, into.endToEnd);
  }
  return { mode: 'estimate', saturated: [...saturatedQueues(ws.loads), ...inFlightSaturated(r, ws.variability)] };
}

function prepare(s: LatencySnapshot): Workspace {
  const old = workspace;
  const routes = resolveRoutes(s, old?.routes);
  const loads = queueLoads(s, routes, old?.loads);
  const ws: Workspace =
    old !== undefined && old.routes === routes && old.loads === loads
      ? old
      : {
          routes,
          loads,
          scv: scvBuffers(loads.queues, routes),
          waits: waitBuffers(loads.queues),
          covariance: new Float64Array(loads.queues),
          paths: pathTable(routes, loads.queues),
          shift: new Int32Array(QMC_DIMENSIONS),
          variability: variabilityBuffers(routes),
          pairs: new Float64Array(2 * s.brokers * s.brokers),
        };
  workspace = ws;
  const ca2 = arrivalScv(loads, routes, ws.scv);
  revisitCovariance(routes, loads, ca2, ws.covariance);
  queueWaits(loads, ca2, ws.covariance, ws.waits);
  fillPaths(routes, loads, ws.waits, ws.paths);
  resolveVariability(s, routes, ws.variability, ws.pairs);
  return ws;
}
