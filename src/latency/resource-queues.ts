// The broker resources of a request-level run as FIFO queues, one or c servers each, that
// compute a job's departure when it arrives: with first-come-first-served service the
// departure depends only on earlier arrivals, so it is max(arrival, earliest free server) +
// service (Lindley's recursion; Kiefer & Wolfowitz 1955 for c servers). A queue visit then
// costs no event of its own, as long as the caller presents each queue's arrivals in time
// order.
//
// Background jobs (queue-loads.ts) are Poisson, independent of the requests, so they need no
// events either: before a request's job is placed, the background arrivals up to its arrival
// time are drawn and placed in order ("catch-up"). Utilisation is measured as busy server time
// inside the measurement window.
import type { Rng } from '../engine/index.js';
import { forEachVisit, type QueueLoads } from './queue-loads.js';
import type { Routes } from './routes.js';

export class ResourceQueues {
  private readonly servers: Int32Array;
  private readonly firstServer: Int32Array;
  /** Per server: when it next falls idle. */
  private readonly freeAt: Float64Array;
  private readonly bgNext: Float64Array;
  private readonly bgMeanGapS: Float64Array;
  /** Background service mix of queue i: mixS / mixCumP over [mixStart[i], mixStart[i + 1]). */
  private readonly mixStart: Int32Array;
  private readonly mixS: Float64Array;
  private readonly mixCumP: Float64Array;
  private readonly busyS: Float64Array;
  private readonly rng: Rng;
  private readonly fromS: number;
  private readonly toS: number;

  constructor(loads: QueueLoads, routes: Routes, rng: Rng, windowFromS: number, windowToS: number) {
    const n = loads.queues;
    this.rng = rng;
    this.fromS = windowFromS;
    this.toS = windowToS;
    this.servers = Int32Array.from(loads.servers);
    this.firstServer = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.firstServer[i + 1] = this.firstServer[i]! + this.servers[i]!;
    this.freeAt = new Float64Array(this.firstServer[n]!);
    this.busyS = new Float64Array(n);
    this.bgNext = new Float64Array(n).fill(Infinity);
    this.bgMeanGapS = new Float64Array(n).fill(Infinity);
    const mix = serviceMix(loads, routes);
    this.mixStart = mix.start;
    this.mixS = mix.serviceS;
    this.mixCumP = mix.cumP;
    for (let i = 0; i < n; i++) {
      const rate = loads.bgRate[i]!;
      if (!(rate > 0 && rate < Infinity)) continue;
      this.bgMeanGapS[i] = 1 / rate;
      this.bgNext[i] = this.gap(i);
    }
  }

  /** Places a job of `serviceS` arriving at queue i at time t; returns its departure. */
  serve(i: number, t: number, serviceS: number): number {
    if (this.bgNext[i]! <= t) this.catchUp(i, t);
    if (this.servers[i] !== 1) return this.servePool(i, t, serviceS);
    const s = this.firstServer[i]!;
    const free = this.freeAt[s]!;
    const start = t > free ? t : free;
    const end = start + serviceS;
    this.freeAt[s] = end;
    if (end > this.fromS && start < this.toS) this.busyS[i]! += (end < this.toS ? end : this.toS) - (start > this.fromS ? start : this.fromS);
    return end;
  }

  /** Busy fraction of queue i's servers over the measurement window. */
  utilisation(i: number): number {
    return this.busyS[i]! / (this.servers[i]! * (this.toS - this.fromS));
  }

  private servePool(i: number, t: number, serviceS: number): number {
    const first = this.firstServer[i]!;
    const last = this.firstServer[i + 1]!;
    let pick = first;
    let free = this.freeAt[first]!;
    for (let k = first + 1; k < last; k++) {
      if (this.freeAt[k]! < free) {
        free = this.freeAt[k]!;
        pick = k;
      }
    }
    const start = t > free ? t : free;
    const end = start + serviceS;
    this.freeAt[pick] = end;
    if (end > this.fromS && start < this.toS) this.busy(i, start, end);
    return end;
  }

  // Places every background job that arrives at or before t, in arrival order.
  private catchUp(i: number, t: number): void {
    const rng = this.rng;
    const mixFirst = this.mixStart[i]!;
    const mixLast = this.mixStart[i + 1]! - 1;
    let next = this.bgNext[i]!;
    while (next <= t) {
      let m = mixFirst;
      if (m < mixLast) {
        const u = rng.next();
        while (m < mixLast && u >= this.mixCumP[m]!) m++;
      }
      if (this.servers[i] === 1) this.serve1(i, next, this.mixS[m]!);
      else this.servePool(i, next, this.mixS[m]!);
      next += this.gap(i);
    }
    this.bgNext[i] = next;
  }

  private serve1(i: number, t: number, serviceS: number): number {
    const s = this.firstServer[i]!;
    const free = this.freeAt[s]!;
    const start = t > free ? t : free;
    const end = start + serviceS;
    this.freeAt[s] = end;
    if (end > this.fromS && start < this.toS) this.busy(i, start, end);
    return end;
  }

  private busy(i: number, start: number, end: number): void {
    this.busyS[i]! += (end < this.toS ? end : this.toS) - (start > this.fromS ? start : this.fromS);
  }

  private gap(i: number): number {
    return -this.bgMeanGapS[i]! * Math.log(1 - this.rng.next());
  }
}

// The foreground's service-time mix at each queue, as cumulative probabilities over job kinds
// (by their rate); a queue with no foreground gets one kind, of the queue's mean service time.
function serviceMix(loads: QueueLoads, routes: Routes): { start: Int32Array; serviceS: Float64Array; cumP: Float64Array } {
  const kinds: { serviceS: number; rate: number }[][] = Array.from({ length: loads.queues }, () => []);
  forEachVisit(routes, (i, rate, serviceS) => kinds[i]!.push({ serviceS, rate }));
  const start = new Int32Array(loads.queues + 1);
  const serviceS: number[] = [];
  const cumP: number[] = [];
  for (let i = 0; i < loads.queues; i++) {
    const list = kinds[i]!.length > 0 ? kinds[i]! : [{ serviceS: loads.meanS[i]!, rate: 1 }];
    const total = list.reduce((sum, k) => sum + k.rate, 0);
    let acc = 0;
    for (const k of list) {
      acc += k.rate;
      serviceS.push(k.serviceS);
      cumP.push(acc / total);
    }
    start[i + 1] = serviceS.length;
  }
  return { start, serviceS: Float64Array.from(serviceS), cumP: Float64Array.from(cumP) };
}
