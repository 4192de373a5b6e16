// msksim's LatencyHistogram against Datadog's DDSketch (@datadog/sketches-js) at the same
// relative accuracy, 0.005. Both map a value to bucket ⌈log_γ v⌉ with γ = (1 + α)/(1 − α) and
// report 2γ^i/(γ + 1) (Masson, Rim & Lee 2019), so their accuracy is the same by construction;
// what differs is the code: dense Float64Array buckets against a JS array, a natural log against
// log2 times a multiplier, and our quantile's interpolation between ranks and clamp to [min, max].
//
//   npm run --silent bench:histogram
//
// Prints one JSON line per implementation: the time to record VALUES lognormal values (best of
// ROUNDS), to read p50, p99 and p99.9 once, to merge one shard of VALUES / SHARDS values, and each
// quantile's relative error against the exact one (d3.quantileSorted of the sorted values, the
// definition msksim reports). Exits 1 if a count is off or an error exceeds the accuracy, so a
// behaviour change cannot pass as a speed-up (STYLE habit 11).
import { DDSketch } from '@datadog/sketches-js';
import { quantileSorted } from 'd3-array';
import { LatencyHistogram, RandomStreams, lognormal } from '../src/engine/index.js';

const SEED = 1;
const VALUES = 1_000_000;
const SHARDS = 10;
const ROUNDS = 7; // the first warms the JIT up; the best of all is reported
const QUANTILE_CALLS = 1_000;
const MERGE_REPEATS = 20;
const RELATIVE_ACCURACY = 0.005;
const QUANTILES = [0.5, 0.99, 0.999] as const;
// Latency-like values: mean 5 ms, CV 3 (the heavy-tailed case of test/engine/latency-histogram).
const MEAN_S = 0.005;
const CV = 3;

/** What the bench needs of a sketch; both implementations are adapted to it. */
interface Sketch {
  record(value: number): void;
  merge(other: Sketch): void;
  quantile(q: number): number;
  readonly count: number;
}

interface Implementation {
  name: string;
  create(): Sketch;
}

class Ours implements Sketch {
  readonly h = new LatencyHistogram(RELATIVE_ACCURACY);
  record(value: number): void {
    this.h.record(value);
  }
  merge(other: Sketch): void {
    this.h.merge((other as Ours).h);
  }
  quantile(q: number): number {
    return this.h.quantile(q);
  }
  get count(): number {
    return this.h.count;
  }
}

class Datadog implements Sketch {
  readonly s = new DDSketch({ relativeAccuracy: RELATIVE_ACCURACY });
  record(value: number): void {
    this.s.accept(value);
  }
  merge(other: Sketch): void {
    this.s.merge((other as Datadog).s);
  }
  quantile(q: number): number {
    return this.s.getValueAtQuantile(q);
  }
  get count(): number {
    return this.s.count;
  }
}

const IMPLEMENTATIONS: Implementation[] = [
  { name: 'msksim LatencyHistogram', create: () => new Ours() },
  { name: '@datadog/sketches-js DDSketch', create: () => new Datadog() },
];

function expectCount(task: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${task}: counted ${actual} values, expected ${expected}`);
}

function draw(): Float64Array {
  const sampler = lognormal(new RandomStreams(SEED).stream('bench/histogram'), MEAN_S, CV);
  return Float64Array.from({ length: VALUES }, () => sampler.sample());
}

function timeRecord(impl: Implementation, values: Float64Array): { ms: number; sketch: Sketch } {
  const start = performance.now();
  const sketch = impl.create();
  for (let i = 0; i < values.length; i++) sketch.record(values[i]!);
  const ms = performance.now() - start;
  expectCount(`${impl.name} record`, sketch.count, values.length);
  return { ms, sketch };
}

function timeQuantiles(sketch: Sketch): number {
  let sink = 0;
  const start = performance.now();
  for (let k = 0; k < QUANTILE_CALLS; k++) for (const q of QUANTILES) sink += sketch.quantile(q);
  const us = ((performance.now() - start) * 1000) / QUANTILE_CALLS;
  if (!Number.isFinite(sink)) throw new Error('quantile: non-finite result');
  return us;
}

// Merges SHARDS shards into an empty sketch, MERGE_REPEATS times; the time per shard merged.
function timeMerge(impl: Implementation, values: Float64Array): number {
  const size = values.length / SHARDS;
  const shards = Array.from({ length: SHARDS }, (_, s) => {
    const shard = impl.create();
    for (let i = s * size; i < (s + 1) * size; i++) shard.record(values[i]!);
    return shard;
  });
  const start = performance.now();
  for (let r = 0; r < MERGE_REPEATS; r++) {
    const total = impl.create();
    for (const shard of shards) total.merge(shard);
    expectCount(`${impl.name} merge`, total.count, values.length);
  }
  return ((performance.now() - start) * 1000) / (MERGE_REPEATS * SHARDS);
}

function main(): void {
  const values = draw();
  const sorted = Array.from(values).sort((a, b) => a - b);
  const exact = QUANTILES.map((q) => quantileSorted(sorted, q)!);
  const best = IMPLEMENTATIONS.map(() => ({ recordMs: Infinity, quantilesUs: Infinity, mergeUsPerShard: Infinity }));
  const sketches: Sketch[] = [];
  // Rounds interleave the implementations, so neither always runs on a warmer machine.
  for (let round = 0; round < ROUNDS; round++) {
    IMPLEMENTATIONS.forEach((impl, k) => {
      const b = best[k]!;
      const { ms, sketch } = timeRecord(impl, values);
      sketches[k] = sketch;
      b.recordMs = Math.min(b.recordMs, ms);
      b.quantilesUs = Math.min(b.quantilesUs, timeQuantiles(sketch));
      b.mergeUsPerShard = Math.min(b.mergeUsPerShard, timeMerge(impl, values));
    });
  }
  let failed = false;
  IMPLEMENTATIONS.forEach((impl, k) => {
    const errors = QUANTILES.map((q, j) => Math.abs(sketches[k]!.quantile(q) - exact[j]!) / exact[j]!);
    // 1e-9 of slack for the rounding in γ^i; the guarantee itself is exact.
    if (errors.some((e) => !(e <= RELATIVE_ACCURACY + 1e-9))) failed = true;
    const b = best[k]!;
    console.log(
      JSON.stringify({
        implementation: impl.name,
        seed: SEED,
        values: VALUES,
        relativeAccuracy: RELATIVE_ACCURACY,
        recordMs: round3(b.recordMs),
        recordNsPerValue: round3((b.recordMs * 1e6) / VALUES),
        quantilesUs: round3(b.quantilesUs),
        mergeUsPerShard: round3(b.mergeUsPerShard),
        shardValues: VALUES / SHARDS,
        relativeErrorP50: errors[0],
        relativeErrorP99: errors[1],
        relativeErrorP999: errors[2],
      }),
    );
  });
  if (failed) {
    console.error(`a quantile is off by more than ${RELATIVE_ACCURACY} (relative); replay: npm run --silent bench:histogram`);
    process.exit(1);
  }
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

main();
