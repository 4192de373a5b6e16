// A producer's load over time as a piecewise-constant rate (DESIGN §3: "between events every
// rate is constant"). Discrete factors (steps, weekly, spikes, step traces) change at their own
// instants, exactly. Continuous factors (diurnal, growth, linear traces) are held constant over
// steps of `stepS` — the `workload.profileStepS` assumption — and take the value at each step's
// midpoint, which is the step's mean to second order.
import type { ResolvedLoad, ResolvedProducer, ResolvedProfileFactor } from '../scenario/types.js';
import type { Rng } from '../engine/index.js';
import { HOURS_PER_MONTH } from '../catalog/list-prices.js';
import { SECONDS_PER_DAY as DAY_S, SECONDS_PER_HOUR, SECONDS_PER_WEEK as WEEK_S } from '../units.js';

/** The bill's month (730 hours, the catalog's), for growth per month. */
const MONTH_S = HOURS_PER_MONTH.value * SECONDS_PER_HOUR;

export interface PiecewiseRate {
  /** Segment start times, strictly increasing; segment i is [timesS[i], timesS[i + 1]). */
  readonly timesS: Float64Array;
  readonly rateMiBps: Float64Array;
}

export interface ProfileContext {
  /** Unix epoch seconds of simulation time 0 (diurnal and weekly factors follow UTC). */
  startEpochS: number;
  stepS: number;
  rng: Rng;
}

/**
 * The producer's rate over [fromS, toS). `fromS` may be negative (the history a warm start
 * assumes): profiles extend backwards periodically, growth backwards, spikes not at all.
 */
export function producerRate(producer: ResolvedProducer, fromS: number, toS: number, ctx: ProfileContext): PiecewiseRate {
  const spikes = drawSpikes(producer.profile, Math.max(0, fromS), toS, ctx.rng).sort((a, b) => a[0] - b[0]);
  const cutList: number[] = [fromS];
  const continuous = producer.profile.some((f) => f.type === 'diurnal' || f.type === 'growth') ||
    (producer.load.kind === 'trace' && producer.load.interpolation === 'linear');
  if (continuous) {
    for (let t = Math.ceil(fromS / ctx.stepS) * ctx.stepS; t < toS; t += ctx.stepS) cutList.push(t);
  }
  for (const t of discreteBreakpoints(producer, fromS, toS, ctx.startEpochS)) cutList.push(t);
  for (const [start, end] of spikes) cutList.push(start, end);
  const times = uniqueSortedWithin(cutList, fromS, toS);
  const rates = new Float64Array(times.length);
  // Spikes start in order; a sweep keeps the ones covering each step's midpoint.
  const active: number[] = [];
  let nextSpike = 0;
  for (let i = 0; i < times.length; i++) {
    const start = times[i]!;
    const end = i + 1 < times.length ? times[i + 1]! : toS;
    const mid = (start + end) / 2;
    let rate = baseRate(producer.load, mid);
    for (const factor of producer.profile) rate *= factorAt(factor, mid, ctx.startEpochS);
    while (nextSpike < spikes.length && spikes[nextSpike]![0] <= mid) active.push(nextSpike++);
    for (let k = active.length - 1; k >= 0; k--) {
      const [s, e, f] = spikes[active[k]!]!;
      if (mid >= e) active.splice(k, 1);
      else if (mid >= s) rate *= f;
    }
    rates[i] = rate;
  }
  return { timesS: times, rateMiBps: rates };
}

/** The distinct values of `cuts` in [fromS, toS), ascending, without a Set: a typed sort. */
function uniqueSortedWithin(cuts: readonly number[], fromS: number, toS: number): Float64Array {
  const sorted = Float64Array.from(cuts).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const t = sorted[i]!;
    if (t < fromS || t >= toS || (n > 0 && sorted[n - 1] === t)) continue;
    sorted[n++] = t;
  }
  return sorted.slice(0, n);
}

function baseRate(load: ResolvedLoad, t: number): number {
  if (load.kind === 'rate') return load.rateMiBps;
  const points = load.points;
  let tt = t;
  if (tt < 0 || tt >= load.durationS) {
    if (load.afterEnd === 'hold') return tt < 0 ? points[0]!.rateMiBps : points[points.length - 1]!.rateMiBps;
    tt = ((tt % load.durationS) + load.durationS) % load.durationS;
  }
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid]!.timeS <= tt) lo = mid;
    else hi = mid - 1;
  }
  const p = points[lo]!;
  const next = points[lo + 1];
  if (load.interpolation === 'step' || next === undefined) return p.rateMiBps;
  return p.rateMiBps + ((next.rateMiBps - p.rateMiBps) * (tt - p.timeS)) / (next.timeS - p.timeS);
}

export function factorAt(factor: ResolvedProfileFactor, t: number, startEpochS: number): number {
  switch (factor.type) {
    case 'constant':
      return factor.factor;
    case 'diurnal':
      return diurnal(factor.peakToMean, factor.peakHourUtc, t, startEpochS);
    case 'weekly': {
      // 1970-01-01 was a Thursday: day index 0 = Thursday, so Saturday = 2, Sunday = 3.
      const day = Math.floor((((startEpochS + t) % WEEK_S) + WEEK_S) % WEEK_S / DAY_S);
      return day === 2 || day === 3 ? factor.weekendFactor : 1;
    }
    case 'growth':
      return Math.pow(1 + factor.perMonthFraction, t / MONTH_S);
    case 'steps': {
      let value = 1;
      for (const step of factor.steps) if (step.atS <= t) value = step.factor;
      return value;
    }
    case 'spikes':
      return 1; // applied from the drawn spike list
  }
}

/**
 * Daily shape with mean 1 and peak `peakToMean` at `peakHour`. Up to 2× it is the sinusoid
 * 1 + a·cos(θ); beyond, a raised cosine c·((1 + cos θ)/2)^k whose mean over a day is
 * Γ(k + ½)/(√π Γ(k + 1)), with k solved so that peak/mean is as asked (the sinusoid cannot
 * exceed 2× without going negative).
 */
function diurnal(peakToMean: number, peakHour: number, t: number, startEpochS: number): number {
  const hour = ((((startEpochS + t) / SECONDS_PER_HOUR) % 24) + 24) % 24;
  const theta = (2 * Math.PI * (hour - peakHour)) / 24;
  if (peakToMean <= 2) return 1 + (peakToMean - 1) * Math.cos(theta);
  const k = raisedCosineExponent(peakToMean);
  return peakToMean * Math.pow((1 + Math.cos(theta)) / 2, k);
}

const exponentCache = new Map<number, number>();
function raisedCosineExponent(peakToMean: number): number {
  const cached = exponentCache.get(peakToMean);
  if (cached !== undefined) return cached;
  // peak/mean = √π Γ(k + 1)/Γ(k + ½), increasing in k; bisection on [1, 10⁴].
  let lo = 1;
  let hi = 1e4;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const ratio = Math.exp(0.5 * Math.log(Math.PI) + logGamma(mid + 1) - logGamma(mid + 0.5));
    if (ratio < peakToMean) lo = mid;
    else hi = mid;
  }
  exponentCache.set(peakToMean, lo);
  return lo;
}

/** Lanczos approximation (g = 7, n = 9), relative error below 1e-13 for x > 0.5. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function discreteBreakpoints(producer: ResolvedProducer, fromS: number, toS: number, startEpochS: number): number[] {
  const cuts: number[] = [];
  for (const factor of producer.profile) {
    if (factor.type === 'steps') for (const step of factor.steps) cuts.push(step.atS);
    if (factor.type === 'weekly') {
      // UTC midnights: the weekend factor switches on and off at day boundaries.
      const first = Math.ceil((startEpochS + fromS) / DAY_S) * DAY_S - startEpochS;
      for (let t = first; t < toS; t += DAY_S) cuts.push(t);
    }
  }
  const load = producer.load;
  if (load.kind === 'trace' && load.interpolation === 'step') {
    const period = load.durationS;
    const firstCycle = Math.floor(fromS / period);
    const lastCycle = load.afterEnd === 'repeat' ? Math.floor(toS / period) : 0;
    for (let cycle = Math.min(firstCycle, 0); cycle <= lastCycle; cycle++) {
      for (const p of load.points) cuts.push(cycle * period + p.timeS);
    }
  }
  return cuts;
}

/** Spike intervals [start, end, factor], a Poisson process of starts drawn from the workload stream. */
function drawSpikes(profile: readonly ResolvedProfileFactor[], fromS: number, toS: number, rng: Rng): [number, number, number][] {
  const spikes: [number, number, number][] = [];
  for (const factor of profile) {
    if (factor.type !== 'spikes' || factor.perDay <= 0) continue;
    const meanGapS = DAY_S / factor.perDay;
    // A limit on the loop: at most 10× the expected count plus a margin.
    const limit = Math.ceil(((toS - fromS) / meanGapS) * 10) + 100;
    let t = fromS;
    for (let i = 0; i < limit; i++) {
      t += -Math.log(1 - rng.next()) * meanGapS;
      if (t >= toS) break;
      spikes.push([t, Math.min(toS, t + factor.durationS), factor.factor]);
    }
  }
  return spikes;
}

/** Adds piecewise rates (their breakpoints merged). */
export function sumRates(parts: readonly PiecewiseRate[], fromS: number): PiecewiseRate {
  const cuts = new Set<number>([fromS]);
  for (const part of parts) for (const t of part.timesS) cuts.add(t);
  const times = Float64Array.from([...cuts].sort((a, b) => a - b));
  const rates = new Float64Array(times.length);
  for (const part of parts) {
    let j = 0;
    for (let i = 0; i < times.length; i++) {
      while (j + 1 < part.timesS.length && part.timesS[j + 1]! <= times[i]!) j++;
      if (part.timesS[j]! <= times[i]!) rates[i]! += part.rateMiBps[j]!;
    }
  }
  return { timesS: times, rateMiBps: rates };
}
