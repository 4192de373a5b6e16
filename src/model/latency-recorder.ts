// Latency over the whole horizon (DESIGN §3.4). After every allocation the cluster's snapshot
// is taken; while it holds, its seconds are added up per hour, and when it changes (or the
// hour ends) the per-interval estimate records that many seconds' worth of requests into the
// hour's histograms. Windows named in the scenario (the peak, the moment a credit bucket
// empties, explicit times) keep their snapshot and are simulated request by request after the
// run, next to the estimate of the same snapshot.
import { LatencyHistogram, type Rng } from '../engine/index.js';
import { DEFAULT_ESTIMATE_SAMPLES, estimateLatency } from '../latency/estimate.js';
import { IN_FLIGHT_QUEUE_NAME } from '../latency/variability.js';
import { runRequestLevel } from '../latency/request-level.js';
import { resolveRoutes } from '../latency/routes.js';
import type { LatencyParams, LatencySnapshot } from '../latency/snapshot.js';
import type { ResolvedLatencyWindow } from '../scenario/types.js';
import { latencyFigures, type LatencyFigures } from './latency-figures.js';
import { latencySnapshot, producerFlows, producerWaitS, similarSnapshot } from './latency-snapshot.js';
import type { RateListener, View } from './observe/view.js';
import { resourceName } from './resources.js';
import { SECONDS_PER_HOUR as HOUR_S } from '../units.js';
import { MAX_WINDOW_REQUESTS_PER_RUN } from '../scenario/limits.js';

/** A window's queues warm up for this fraction of it first (they start empty). */
const WARMUP_FRACTION = 0.25;
/** Shortened windows last a whole number of milliseconds, and at least one. */
const WINDOW_RESOLUTION_S = 0.001;
/** Headroom of the hard stop over a window's share: arrivals are not exactly at the mean rate. */
const REQUEST_STOP_SLACK = 1.1;
const WINDOW_ESTIMATE_SAMPLES = 16_384;
/**
 * Estimate samples an hour at least, spread over its calls by their share of the hour: an
 * hour under one snapshot is otherwise a single call of 64 samples, too few to tell p99.9 from
 * p99 (the tail beyond p99 is then one or two samples).
 */
const HOUR_ESTIMATE_SAMPLES = 512;
/** Kafka producer default delivery.timeout.ms: a batch waiting longer fails (KIP-91). */
export const DELIVERY_TIMEOUT_S = 120;

export interface HourLatency extends LatencyFigures {
  hour: number;
  /**
   * Seconds of the hour when a broker resource ran at capacity. The figures include them: the
   * estimate holds the resource at latency.saturatedUtilization and adds the producers' wait.
   */
  saturatedSeconds: number;
}

export interface WindowLatency {
  window: string;
  startS: number;
  durationS: number;
  requestLevel: LatencyFigures & { unfinished: number; saturated: string[] };
  estimate: LatencyFigures;
}

export interface LatencyReport {
  estimate:
    | (LatencyFigures & {
        /** Seconds a broker resource of the fluid model ran at capacity, and which. */
        saturatedSeconds: number;
        saturated: string[];
        /** Seconds a queue of the request path with no fluid resource (request handlers) was saturated, and which. */
        requestQueuesSaturatedSeconds: number;
        requestQueuesSaturated: string[];
      })
    | null;
  hourly: HourLatency[];
  windows: WindowLatency[];
}

interface Captured {
  window: ResolvedLatencyWindow;
  label: string;
  startS: number;
  snapshot: LatencySnapshot;
}

export class LatencyRecorder implements RateListener {
  private current: LatencySnapshot | null = null;
  /** The produce flow behind each of `current`'s partition groups, and whether any backlog moves. */
  private currentFlows: number[] = [];
  private backlogMoves = false;
  private view: View | null = null;
  private saturatedNow: string[] = [];
  private pendingS = 0;
  private hour = 0;
  private hourPublish = new LatencyHistogram();
  private hourEndToEnd = new LatencyHistogram();
  private hourRequests = 0;
  private hourSaturatedS = 0;
  private readonly runPublish = new LatencyHistogram();
  private readonly runEndToEnd = new LatencyHistogram();
  private runRequests = 0;
  private runSaturatedS = 0;
  private readonly saturated = new Set<string>();
  private readonly saturatedQueues = new Set<string>();
  private queueSaturatedS = 0;
  readonly hourly: HourLatency[] = [];
  private peakMiBps = -1;
  private peak: LatencySnapshot | null = null;
  private peakS = 0;
  private readonly captured: Captured[] = [];

  constructor(
    private readonly lastBucketEmptyS: () => number,
    private readonly params: LatencyParams,
    private readonly saturatedUtilization: number,
    private readonly estimate: boolean,
    private readonly windows: readonly ResolvedLatencyWindow[],
    private readonly estimateRng: Rng,
    private readonly requestRng: Rng,
  ) {}

  /** After an allocation: the snapshot that holds until the next one. */
  rates(view: View, full: boolean): void {
    this.view = view;
    const now = view.state.nowS;
    const bucketJustEmptied = this.lastBucketEmptyS() === now;
    // A deletion-only update changes no rate, load or backlog drift: the snapshot stands.
    if (!full && !bucketJustEmptied) return;
    const next = latencySnapshot(view, this.params, this.saturatedUtilization);
    if (this.current === null || !similarSnapshot(this.current, next)) {
      this.flush();
      this.current = next;
      this.currentFlows = producerFlows(view);
      this.backlogMoves = this.currentFlows.some((f) => view.drift.backlog[view.flows.klass[f]!]! !== 0 || view.state.producerBacklogMiB[view.flows.klass[f]!]! > 0);
    }
    this.saturatedNow = saturatedResources(view);
    let produce = 0;
    for (const g of next.partitions) produce += g.produceMiBps * g.count;
    if (produce > this.peakMiBps) {
      this.peakMiBps = produce;
      this.peak = latencySnapshot(view, this.params, null);
      this.peakS = now;
    }
    if (bucketJustEmptied) this.capture('bucket-empty', now, latencySnapshot(view, this.params, null));
  }

  /** The segment [t0, t1) under the current snapshot. */
  segment(view: View, t0: number, t1: number): void {
    this.view = view;
    for (const w of this.windows) {
      if (w.kind === 'at' && w.atS >= t0 && w.atS < t1) this.captureAt(w, latencySnapshot(view, this.params, null));
    }
    let t = t0;
    while (t < t1) {
      const hourEnd = (Math.floor(t / HOUR_S) + 1) * HOUR_S;
      const end = Math.min(t1, hourEnd);
      if (this.saturatedNow.length > 0) {
        this.hourSaturatedS += end - t;
        for (const name of this.saturatedNow) this.saturated.add(name);
      }
      // While producers back up, the wait moves along the segment: each piece is estimated
      // with the waits at its two ends, between which a record's is uniform.
      if (this.backlogMoves) this.setProducerWaits(t - t0, end - t0);
      this.pendingS += end - t;
      if (this.backlogMoves) this.flush();
      t = end;
      if (end === hourEnd) {
        this.flush();
        this.closeHour();
      }
    }
  }

  private setProducerWaits(fromS: number, toS: number): void {
    const current = this.current;
    const view = this.view;
    if (current === null || view === null) return;
    current.partitions = current.partitions.map((g, k) => ({
      ...g,
      producerWaitS: producerWaitS(view, this.currentFlows[k]!, fromS),
      producerWaitEndS: producerWaitS(view, this.currentFlows[k]!, toS),
    }));
  }

  private flush(): void {
    if (!this.estimate || this.current === null || this.pendingS <= 0) {
      this.pendingS = 0;
      return;
    }
    const before = this.hourPublish.count;
    const samples = Math.max(DEFAULT_ESTIMATE_SAMPLES, Math.ceil((HOUR_ESTIMATE_SAMPLES * this.pendingS) / HOUR_S));
    const result = estimateLatency(this.current, { rng: this.estimateRng, weight: this.pendingS, samples }, { publish: this.hourPublish, endToEnd: this.hourEndToEnd });
    // Queues of the request path that the fluid model has no resource for (the request handler
    // pool) can saturate on their own: latency, not throughput, is then the limit.
    const queues = result.saturated.filter((name) => name.endsWith('request handlers') || name.endsWith(IN_FLIGHT_QUEUE_NAME));
    if (queues.length > 0) {
      this.queueSaturatedS += this.pendingS;
      for (const name of queues) this.saturatedQueues.add(name);
    }
    this.hourRequests += this.hourPublish.count - before;
    this.pendingS = 0;
  }

  private closeHour(): void {
    if (this.estimate) {
      this.hourly.push({
        hour: this.hour,
        ...latencyFigures('estimate', this.hourRequests, this.hourPublish, this.hourEndToEnd),
        saturatedSeconds: this.hourSaturatedS,
      });
      this.runPublish.merge(this.hourPublish);
      this.runEndToEnd.merge(this.hourEndToEnd);
      this.runRequests += this.hourRequests;
      this.runSaturatedS += this.hourSaturatedS;
    }
    this.hour++;
    this.hourPublish = new LatencyHistogram();
    this.hourEndToEnd = new LatencyHistogram();
    this.hourRequests = 0;
    this.hourSaturatedS = 0;
  }

  private capture(kind: 'bucket-empty', now: number, snapshot: LatencySnapshot): void {
    for (const w of this.windows) {
      if (w.kind === kind && !this.captured.some((c) => c.window === w)) {
        this.captured.push({ window: w, label: kind, startS: now, snapshot });
      }
    }
  }

  private captureAt(w: ResolvedLatencyWindow & { kind: 'at' }, snapshot: LatencySnapshot): void {
    if (!this.captured.some((c) => c.window === w)) this.captured.push({ window: w, label: `at ${w.atS} s`, startS: w.atS, snapshot });
  }

  /** Closes the last partial hour and runs the request-level windows. */
  finish(endS: number): LatencyReport {
    this.flush();
    if (endS > this.hour * HOUR_S) this.closeHour();
    for (const w of this.windows) {
      if (w.kind === 'peak' && this.peak !== null) this.captured.push({ window: w, label: 'peak', startS: this.peakS, snapshot: this.peak });
    }
    const order = (c: Captured) => this.windows.indexOf(c.window);
    const windows = [...this.captured].sort((a, b) => order(a) - order(b)).map((c) => this.runWindow(c));
    return {
      estimate: this.estimate
        ? {
            ...latencyFigures('estimate', this.runRequests, this.runPublish, this.runEndToEnd),
            saturatedSeconds: this.runSaturatedS,
            saturated: [...this.saturated].sort(),
            requestQueuesSaturatedSeconds: this.queueSaturatedS,
            requestQueuesSaturated: [...this.saturatedQueues].sort(),
          }
        : null,
      hourly: this.hourly,
      windows,
    };
  }

  private runWindow(c: Captured): WindowLatency {
    // Each window has an equal share of the run's request budget; one whose load would send
    // more is simulated for a shorter span at the same load (reported as its duration).
    const share = Math.floor(MAX_WINDOW_REQUESTS_PER_RUN / this.windows.length);
    const durationS = windowSpanS(c.window.durationS, c.snapshot, share);
    // The queues start empty: they warm up for a quarter of the window (a fifth of the run) first.
    const warmupS = durationS * WARMUP_FRACTION;
    const maxRequests = Math.ceil(share * REQUEST_STOP_SLACK);
    const result = runRequestLevel(c.snapshot, { durationS: durationS + warmupS, warmupS, rng: this.requestRng, maxRequests });
    const publish = new LatencyHistogram();
    const endToEnd = new LatencyHistogram();
    const before = publish.count;
    // One snapshot, so many samples: the window's tail is then resolved to p99.9.
    estimateLatency(c.snapshot, { rng: this.estimateRng, weight: durationS, samples: WINDOW_ESTIMATE_SAMPLES }, { publish, endToEnd });
    return {
      window: c.label,
      startS: c.startS,
      durationS,
      requestLevel: {
        ...latencyFigures('request-level', result.publish.count, result.publish, result.endToEnd),
        unfinished: result.unfinished,
        saturated: result.saturated,
      },
      estimate: latencyFigures('estimate', publish.count - before, publish, endToEnd),
    };
  }
}

/** The window's length, or the shorter span in which its load sends `share` requests, warm-up included. */
function windowSpanS(askedS: number, snapshot: LatencySnapshot, share: number): number {
  const routes = resolveRoutes(snapshot);
  let perS = 0;
  for (let g = 0; g < routes.groups; g++) perS += routes.batchRate[g]!;
  const requests = perS * askedS * (1 + WARMUP_FRACTION);
  if (!(requests > share)) return askedS;
  const spanS = Math.floor(share / (perS * (1 + WARMUP_FRACTION)) / WINDOW_RESOLUTION_S) * WINDOW_RESOLUTION_S;
  return Math.max(WINDOW_RESOLUTION_S, spanS);
}

/** Broker resources running at capacity, named as in reports ("broker 2 EBS throughput"). */
function saturatedResources(view: View): string[] {
  const names: string[] = [];
  const res = view.state.resources;
  const load = view.alloc.load;
  for (let r = 0; r < res.count; r++) {
    const capacity = res.capacity[r]!;
    if (capacity > 0 && load[r]! >= capacity * (1 - 1e-9)) names.push(resourceName(res, r));
  }
  return names;
}
