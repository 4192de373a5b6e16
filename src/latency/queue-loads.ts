// What each broker resource's queue carries. The simulated requests ("foreground": produce
// batches, their replication copies, one consumer fetch response each) are only part of a
// resource's traffic; the snapshot's fluid load is all of it. The rest ("background": other
// consumer groups' fetches, catch-up reads, tiered uploads, fetch-request CPU) is taken to
// arrive as a Poisson stream of jobs drawn from the foreground's own service-time mix, at the
// rate that makes the queue's utilisation equal the snapshot's load / capacity. Where the
// foreground alone needs more than the snapshot's load, the snapshot is taken to under-count
// and the foreground's own load is used. Both latency modes use these figures.
import { followerCount, type Routes } from './routes.js';
import type { LatencySnapshot } from './snapshot.js';

export const NET_IN = 0;
export const NET_OUT = 1;
export const EBS = 2;
export const HANDLER = 3;
export const QUEUES_PER_BROKER = 4;
export const QUEUE_NAMES = ['network in', 'network out', 'EBS throughput', 'request handlers'] as const;

/**
 * Appends go to the page cache and wait on EBS only once the volume cannot keep up with them:
 * then dirty pages pile up and the kernel throttles the writers (balance_dirty_pages), so an
 * append waits its turn at the disk. We put EBS on the path from this utilisation on, where the
 * flusher threads are busy nearly all the time; below it write-back costs only the stalls of
 * variability.ts. The estimate holds a throttled resource at latency.saturatedUtilization
 * (0.95 by default), above this, so a throttled volume is on the path in both modes.
 */
export const EBS_ON_PATH_RHO = 0.9;

// Kafka's default batch.size: the job size of a queue that carries only background traffic
// when no partition produces anything to take a size from.
const FALLBACK_JOB_BYTES = 16384;

export interface QueueLoads {
  queues: number;
  /** 1, or the handler pool's server count. */
  servers: Int32Array;
  /** Foreground jobs a second, Σ λ·s and Σ λ·s² over them. */
  fgRate: Float64Array;
  fgWork: Float64Array;
  fgWork2: Float64Array;
  /** Utilisation (busy fraction of the servers): max(load / capacity, foreground work / servers). */
  rho: Float64Array;
  /** Background jobs a second. */
  bgRate: Float64Array;
  /** 1 where the queue's utilisation reached 1 and is held at the snapshot's holdSaturatedAt. */
  held: Uint8Array;
  /** First two moments of the service time of a job (foreground and background alike). */
  meanS: Float64Array;
  meanS2: Float64Array;
}

/**
 * Calls visit(queue, jobsPerS, serviceS, from) for every kind of foreground job: per group,
 * the batch at the leader's network in, handlers and EBS; the replication copies, which leave
 * the leader's network out back to back (one job of their total size, as the queue sees them)
 * and enter each follower's network in and EBS; and the consumer fetch response at the broker
 * that serves each client AZ (one fetch per batch, spread over the AZs). `from` is the queue
 * whose departures the jobs are, or −1 where they arrive as a Poisson stream (producer sends,
 * and fetches, which follow the HW after a random delay).
 */
export function forEachVisit(r: Routes, visit: (queue: number, jobsPerS: number, serviceS: number, from: number) => void): void {
  const zs = r.clientAzs;
  for (let g = 0; g < r.groups; g++) {
    const rate = r.batchRate[g]!;
    if (!(rate > 0)) continue;
    const bytes = r.batchBytes[g]!;
    const leader = r.leader[g]!;
    const base = leader * QUEUES_PER_BROKER;
    visit(base + NET_IN, rate, bytes * r.inSPerByte[leader]!, -1);
    visit(base + HANDLER, rate, r.handlerS[g]!, base + NET_IN);
    visit(base + EBS, rate, bytes * r.ebsSPerByte[leader]!, base + HANDLER);
    const followers = followerCount(r, g);
    if (followers > 0) visit(base + NET_OUT, rate, followers * bytes * r.outSPerByte[leader]!, base + HANDLER);
    for (let k = r.followerStart[g]!; k < r.followerStart[g + 1]!; k++) {
      const f = r.followers[k]!;
      visit(f * QUEUES_PER_BROKER + NET_IN, rate, bytes * r.inSPerByte[f]!, base + NET_OUT);
      visit(f * QUEUES_PER_BROKER + EBS, rate, bytes * r.ebsSPerByte[f]!, f * QUEUES_PER_BROKER + NET_IN);
    }
    if (r.consumerGroups[g]! === 0) continue;
    for (let z = 0; z < zs; z++) {
      const server = r.servingBroker[g * zs + z]!;
      visit(server * QUEUES_PER_BROKER + NET_OUT, rate / zs, bytes * r.outSPerByte[server]!, -1);
    }
  }
}

/** The queues' loads, into `reuse` when it has as many queues. */
export function queueLoads(s: LatencySnapshot, r: Routes, reuse?: QueueLoads): QueueLoads {
  const queues = s.brokers * QUEUES_PER_BROKER;
  const q = reuse !== undefined && reuse.queues === queues ? reuse : allocateLoads(queues);
  for (let i = 0; i < queues; i++) {
    q.fgRate[i] = 0;
    q.fgWork[i] = 0;
    q.fgWork2[i] = 0;
  }
  forEachVisit(r, (i, rate, serviceS) => {
    q.fgRate[i]! += rate;
    q.fgWork[i]! += rate * serviceS;
    q.fgWork2[i]! += rate * serviceS * serviceS;
  });
  const jobBytes = typicalJobBytes(r);
  for (let b = 0; b < s.brokers; b++) {
    const base = b * QUEUES_PER_BROKER;
    q.servers[base + HANDLER] = r.handlerServers[b]!;
    settle(q, base + NET_IN, s.netInLoad[b]!, s.netInMiBps[b]!, jobBytes * r.inSPerByte[b]!);
    settle(q, base + NET_OUT, s.netOutLoad[b]!, s.netOutMiBps[b]!, jobBytes * r.outSPerByte[b]!);
    settle(q, base + EBS, s.ebsLoad[b]!, s.ebsMiBps[b]!, jobBytes * r.ebsSPerByte[b]!);
    const handlerJobS = (r.cpuPerRequestS + r.cpuPerByteS * jobBytes) * (r.handlerServers[b]! / r.handlerCores[b]!);
    settle(q, base + HANDLER, s.cpuLoad[b]!, r.handlerCores[b]!, handlerJobS);
  }
  const hold = s.holdSaturatedAt;
  for (let i = 0; i < queues; i++) {
    q.held[i] = 0;
    if (hold !== undefined && !(q.rho[i]! < 1)) holdAt(q, i, hold);
  }
  return q;
}

function allocateLoads(queues: number): QueueLoads {
  return {
    queues,
    servers: new Int32Array(queues).fill(1),
    fgRate: new Float64Array(queues),
    fgWork: new Float64Array(queues),
    fgWork2: new Float64Array(queues),
    rho: new Float64Array(queues),
    bgRate: new Float64Array(queues),
    held: new Uint8Array(queues),
    meanS: new Float64Array(queues),
    meanS2: new Float64Array(queues),
  };
}

// Fills rho, the service moments and the background rate of queue i from its foreground sums.
function settle(q: QueueLoads, i: number, load: number, capacity: number, fallbackS: number): void {
  const servers = q.servers[i]!;
  const rate = q.fgRate[i]!;
  const loadRho = load > 0 ? load / capacity : 0;
  const fgRho = rate > 0 ? q.fgWork[i]! / servers : 0;
  const rho = loadRho > fgRho ? loadRho : fgRho;
  const meanS = rate > 0 ? q.fgWork[i]! / rate : fallbackS;
  q.rho[i] = rho;
  q.meanS[i] = meanS;
  q.meanS2[i] = rate > 0 ? q.fgWork2[i]! / rate : fallbackS * fallbackS;
  const bgWork = (rho - fgRho) * servers;
  q.bgRate[i] = bgWork > 0 && meanS > 0 ? bgWork / meanS : 0;
}

function typicalJobBytes(r: Routes): number {
  let rate = 0;
  let bytes = 0;
  for (let g = 0; g < r.groups; g++) {
    rate += r.batchRate[g]!;
    bytes += r.batchRate[g]! * r.batchBytes[g]!;
  }
  return rate > 0 ? bytes / rate : FALLBACK_JOB_BYTES;
}

/** Names of the resources at or beyond capacity, for example "broker 2 network out". */
/**
 * A saturated queue held just below capacity: its foreground keeps its service-time mix, the
 * background is what remains up to the held utilisation, and where the foreground alone is more
 * than that its rate is taken as thinned to fit (the rest waits in the producers, which the
 * estimate carries as producer wait where the fluid model has the resource).
 */
function holdAt(q: QueueLoads, i: number, rho: number): void {
  const servers = q.servers[i]!;
  const fgRho = q.fgRate[i]! > 0 ? q.fgWork[i]! / servers : 0;
  q.held[i] = 1;
  q.rho[i] = rho;
  const bgWork = (rho - Math.min(fgRho, rho)) * servers;
  q.bgRate[i] = bgWork > 0 && q.meanS[i]! > 0 ? bgWork / q.meanS[i]! : 0;
}

export function saturatedQueues(q: QueueLoads): string[] {
  const names: string[] = [];
  for (let i = 0; i < q.queues; i++) {
    if (q.held[i] === 1 || !(q.rho[i]! < 1)) names.push(`broker ${Math.floor(i / QUEUES_PER_BROKER) + 1} ${QUEUE_NAMES[i % QUEUES_PER_BROKER]}`);
  }
  return names;
}
