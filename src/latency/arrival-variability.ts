// How bursty each queue's arrivals are: their squared coefficient of variation c_a², by
// Whitt's Queueing Network Analyzer (Whitt 1983, "The Queueing Network Analyzer", Bell System
// Technical Journal 62(9)). Producer sends, consumer fetches and background jobs arrive as
// Poisson streams (c² = 1), but a follower's network in also takes the replication copies the
// leaders' network out lets through, and the handler pool takes what network in lets through:
// departures of a busy single server are smoother than Poisson, which lowers the waits
// downstream.
//
// QNA's rules, iterated to a fixed point (the brokers feed each other):
//   departure  c_d² = ρ²c_s² + (1 − ρ²)c_a²                    (single server)
//              c_d² = 1 + (1 − ρ²)(c_a² − 1) + ρ²(c_s² − 1)/√c   (c servers)
//   merging    c_a² = Σ_j (λ_j / λ) c_j²                         (the asymptotic method)
// QNA would then thin a class out of its station's departures by Bernoulli splitting,
// c² = p·c_d² + 1 − p, which pulls a minority class back towards Poisson. Routing here is by
// class, not random: a class that shared a busy server leaves it spaced at least a service
// time apart however small its share, the "interference" that Bitran & Tirupati (1988,
// "Multiproduct queueing networks with deterministic routing: decomposition approach and the
// notion of interference", Management Science 34(1)) show random splitting misrepresents. We
// take the other limit, each class keeping its station's c_d². Held against request-level runs
// (test/latency/agreement.test.ts, network in at ρ = 0.8, acks=1), Poisson arrivals
// everywhere put the estimate's publish p99 20 % and end-to-end p50 14 % above request-level
// mode; these rules put them 6 % below and 3 % above.
import { HANDLER, NET_IN, NET_OUT, QUEUES_PER_BROKER, type QueueLoads } from './queue-loads.js';
import { followerCount, type Routes } from './routes.js';

// Rounds of the fixed-point iteration. Each carries smoothing one station further (network in
// → handlers → network out → follower network in → …) and keeps a share 1 − ρ² of it, so
// convergence is slowest at low load: four rounds are within 2.5 % of the fixed point at
// ρ = 0.3, where waits are small anyway, and within 1 % at ρ ≥ 0.8.
const ITERATIONS = 4;

/** Buffers for arrivalScv, reusable across calls with the same routes shape. */
export interface ScvBuffers {
  ca2: Float64Array;
  cd2: Float64Array;
  rate: Float64Array;
  /** Departure SCV as cdFixed + cdSlope · c_a² (QNA's rules are linear in c_a²). */
  cdFixed: Float64Array;
  cdSlope: Float64Array;
  /** Flows between queues: to[k] takes jobs[k] jobs a second of from[k]'s departures. */
  to: Int32Array;
  from: Int32Array;
  jobs: Float64Array;
  /** jobs[k] as a share of to[k]'s arrivals. */
  share: Float64Array;
}

export function scvBuffers(queues: number, r: Routes): ScvBuffers {
  const flows = 2 * r.groups + r.followers.length;
  return {
    ca2: new Float64Array(queues),
    cd2: new Float64Array(queues),
    rate: new Float64Array(queues),
    cdFixed: new Float64Array(queues),
    cdSlope: new Float64Array(queues),
    to: new Int32Array(flows),
    from: new Int32Array(flows),
    jobs: new Float64Array(flows),
    share: new Float64Array(flows),
  };
}

/** Each queue's arrival SCV, in buf.ca2. */
export function arrivalScv(q: QueueLoads, r: Routes, buf: ScvBuffers): Float64Array {
  const n = q.queues;
  const { ca2, cd2, rate, cdFixed, cdSlope, to, from, jobs, share } = buf;
  for (let i = 0; i < n; i++) {
    rate[i] = q.fgRate[i]! + q.bgRate[i]!;
    departureLine(q, i, buf);
    ca2[i] = 1;
  }
  const flows = stationFlows(r, buf);
  for (let k = 0; k < flows; k++) share[k] = rate[to[k]!]! > 0 ? jobs[k]! / rate[to[k]!]! : 0;
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < n; i++) {
      cd2[i] = cdFixed[i]! + cdSlope[i]! * ca2[i]!;
      ca2[i] = 1;
    }
    // A class keeps its station's departure SCV (no splitting dilution, see above), so it adds
    // (λ_j / λ)(c_d² − 1) to the merged c_a² = Σ_j (λ_j / λ) c_j²; Poisson flows add nothing.
    for (let k = 0; k < flows; k++) ca2[to[k]!]! += share[k]! * (cd2[from[k]!]! - 1);
  }
  return ca2;
}

// The flows that leave one queue for another: each group's batches from the leader's network
// in to its handlers and from the handlers to network out, and each copy from network out to
// a follower's network in. (EBS is left out: it is on the path only near
// saturation, where its arrivals are taken as Poisson.) Returns their
// number.
function stationFlows(r: Routes, buf: ScvBuffers): number {
  let k = 0;
  for (let g = 0; g < r.groups; g++) {
    const rate = r.batchRate[g]!;
    if (!(rate > 0)) continue;
    const base = r.leader[g]! * QUEUES_PER_BROKER;
    k = addFlow(buf, k, base + HANDLER, base + NET_IN, rate);
    if (followerCount(r, g) > 0) k = addFlow(buf, k, base + NET_OUT, base + HANDLER, rate);
    for (let f = r.followerStart[g]!; f < r.followerStart[g + 1]!; f++) {
      const fb = r.followers[f]! * QUEUES_PER_BROKER;
      k = addFlow(buf, k, fb + NET_IN, base + NET_OUT, rate);
    }
  }
  return k;
}

function addFlow(buf: ScvBuffers, k: number, to: number, from: number, jobs: number): number {
  buf.to[k] = to;
  buf.from[k] = from;
  buf.jobs[k] = jobs;
  return k + 1;
}

function departureLine(q: QueueLoads, i: number, buf: ScvBuffers): void {
  const rho = Math.min(q.rho[i]!, 1);
  const meanS = q.meanS[i]!;
  const cs2 = meanS > 0 ? Math.max(0, q.meanS2[i]! / (meanS * meanS) - 1) : 0;
  const c = q.servers[i]!;
  const r2 = rho * rho;
  buf.cdSlope[i] = 1 - r2;
  buf.cdFixed[i] = c === 1 ? r2 * cs2 : r2 + (r2 * (cs2 - 1)) / Math.sqrt(c);
}
