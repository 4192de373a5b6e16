// Request-level mode (DESIGN §3.4): simulate every produce batch of a window through the
// broker queues of one cluster snapshot, and measure publish and end-to-end latency. It is the
// slow, direct answer that the per-interval estimate is checked against.
import { LatencyHistogram, Simulator, type Rng } from '../engine/index.js';
import { EBS, EBS_ON_PATH_RHO, HANDLER, NET_IN, NET_OUT, QUEUE_NAMES, QUEUES_PER_BROKER, queueLoads, saturatedQueues } from './queue-loads.js';
import { inFlightSaturated } from './variability.js';
import { RequestFlow } from './request-flow.js';
import { ResourceQueues } from './resource-queues.js';
import { resolveRoutes } from './routes.js';
import { checkSnapshot, MAX_FOLLOWERS, type LatencySnapshot } from './snapshot.js';
import { resolveVariability, variabilityBuffers } from './variability.js';

/**
 * After producers stop at durationS, requests in flight may finish for this long. A request
 * still unfinished then sits behind a saturated queue (a stable one at ρ = 0.99 and 1 ms jobs
 * waits about 50 ms on average) and is counted in `unfinished`.
 */
export const DRAIN_S = 10;

export interface RequestLevelOptions {
  /** Producers send from time 0 until durationS. */
  durationS: number;
  /** Requests sent before this are simulated but not recorded (the queues start empty). */
  warmupS: number;
  rng: Rng;
  /** Most produce requests sent; the run stops sending there. */
  maxRequests: number;
}

export interface QueueUtilisation {
  /** For example "broker 2 network in". */
  name: string;
  /** The snapshot's load / capacity (or the requests' own, where larger). */
  expected: number;
  /** Busy fraction of the simulated queue's servers between warm-up and durationS. */
  measured: number;
}

export interface RequestLevelResult {
  mode: 'request-level';
  /** Seconds from the producer's send to its acknowledgement (acks=0: to the leader's receipt). */
  publish: LatencyHistogram;
  /** Seconds from the producer's send to a consumer's receipt, weighted by consumer groups. */
  endToEnd: LatencyHistogram;
  /** Produce requests sent, warm-up included. */
  requests: number;
  /** Requests sent after warm-up whose path could not be followed to its end within DRAIN_S. */
  unfinished: number;
  /** Resources at or beyond capacity: their latencies grow without bound with the window. */
  saturated: string[];
  stoppedBy: 'duration' | 'maxRequests';
  queues: QueueUtilisation[];
}

export function runRequestLevel(snapshot: LatencySnapshot, options: RequestLevelOptions): RequestLevelResult {
  const { durationS, warmupS, rng, maxRequests } = options;
  checkSnapshot(snapshot);
  if (!(durationS > 0 && durationS < Infinity)) throw new RangeError(`runRequestLevel: durationS must be finite and > 0, got ${durationS}`);
  if (!(warmupS >= 0 && warmupS < durationS)) throw new RangeError(`runRequestLevel: warmupS must be in [0, durationS), got ${warmupS}`);
  if (!(Number.isSafeInteger(maxRequests) && maxRequests >= 1)) {
    throw new RangeError(`runRequestLevel: maxRequests must be an integer ≥ 1, got ${maxRequests}`);
  }
  const routes = resolveRoutes(snapshot);
  const loads = queueLoads(snapshot, routes);
  const queues = new ResourceQueues(loads, routes, rng, warmupS, durationS);
  const publish = new LatencyHistogram();
  const endToEnd = new LatencyHistogram();
  const horizonS = durationS + DRAIN_S;
  const limits = { sendUntilS: durationS, horizonS, warmupS, maxRequests };
  const ebsRho = (b: number): number => loads.rho[b * QUEUES_PER_BROKER + EBS]!;
  const variability = resolveVariability(snapshot, routes, variabilityBuffers(routes), new Float64Array(2 * snapshot.brokers * snapshot.brokers));
  const flow = new RequestFlow(routes, variability, queues, ebsRho, rng, limits, publish, endToEnd);
  const sim = new Simulator({ initialCapacity: 4096 });
  flow.kind = sim.register(flow);
  flow.start(sim);
  // Each request makes at most 3 + 2 events per follower; the limit cannot bind unless the
  // flow is wrong, so reaching it is an internal error rather than a result.
  const maxEvents = (maxRequests + 1) * (3 + 2 * MAX_FOLLOWERS) + routes.groups * routes.clientAzs;
  const outcome = sim.run({ until: horizonS, maxEvents });
  if (outcome.state === 'event-limit') throw new Error(`runRequestLevel: ${outcome.events} events for at most ${maxRequests} requests`);
  return {
    mode: 'request-level',
    publish,
    endToEnd,
    requests: flow.requests,
    unfinished: flow.unfinished,
    saturated: [...saturatedQueues(loads), ...inFlightSaturated(routes, variability)],
    stoppedBy: flow.requests >= maxRequests ? 'maxRequests' : 'duration',
    queues: simulatedQueues(snapshot.brokers, loads.rho, queues),
  };
}

// Network in and out and the handler pool are always on the path; EBS from EBS_ON_PATH_RHO on.
function simulatedQueues(brokers: number, rho: Float64Array, queues: ResourceQueues): QueueUtilisation[] {
  const out: QueueUtilisation[] = [];
  for (let b = 0; b < brokers; b++) {
    for (const kind of [NET_IN, NET_OUT, HANDLER, EBS]) {
      const i = b * QUEUES_PER_BROKER + kind;
      if (kind === EBS && rho[i]! < EBS_ON_PATH_RHO) continue;
      out.push({ name: `broker ${b + 1} ${QUEUE_NAMES[kind]}`, expected: rho[i]!, measured: queues.utilisation(i) });
    }
  }
  return out;
}
