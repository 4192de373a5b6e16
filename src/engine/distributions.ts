// Samplers: each validates its parameters once at construction and draws from an injected
// seeded Rng. The continuous ones are d3-random's generators fed from that Rng; d3-random has
// no weighted discrete distribution, so `empirical` keeps its own alias table.
import { fsum } from 'd3-array';
import { randomExponential, randomLogNormal, randomNormal, randomUniform } from 'd3-random';
import { D3Sampler, sourceOf } from './d3-sampler.js';
import type { Sampler } from './sampler.js';
import type { Rng } from './random.js';

export type { Sampler } from './sampler.js';

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

// Inversion, −ln(1 − U)/λ with U in [0, 1), so the log is always finite (d3-random's
// randomExponential, which takes the rate λ = 1/mean).
export function exponential(rng: Rng, mean: number): Sampler {
  check(isFiniteNumber(mean) && mean > 0, `exponential: mean must be a finite number > 0, got ${mean}`);
  return new D3Sampler(randomExponential.source(sourceOf(rng))(1 / mean), mean);
}

class Deterministic implements Sampler {
  constructor(readonly mean: number) {}

  sample(): number {
    return this.mean;
  }
}

export function deterministic(value: number): Sampler {
  check(isFiniteNumber(value), `deterministic: value must be finite, got ${value}`);
  return new Deterministic(value);
}

export function uniform(rng: Rng, min: number, max: number): Sampler {
  check(isFiniteNumber(min) && isFiniteNumber(max), `uniform: min and max must be finite, got ${min}, ${max}`);
  check(min <= max, `uniform: min (${min}) must not exceed max (${max})`);
  return new D3Sampler(randomUniform.source(sourceOf(rng))(min, max), min + (max - min) / 2);
}

// d3-random's randomNormal is Marsaglia's polar method (Marsaglia & Bray 1964, "A convenient
// method for generating normal variables"): two uniforms in the unit disc give two independent
// N(0, 1) values, the second kept for the next call.
export function normal(rng: Rng, mean: number, sd: number): Sampler {
  check(isFiniteNumber(mean), `normal: mean must be finite, got ${mean}`);
  check(isFiniteNumber(sd) && sd >= 0, `normal: sd must be a finite number ≥ 0, got ${sd}`);
  return new D3Sampler(randomNormal.source(sourceOf(rng))(mean, sd), mean);
}

/**
 * Lognormal with the given mean and coefficient of variation. d3-random's randomLogNormal takes
 * the μ and σ of the underlying normal: exp(μ + σZ) has mean exp(μ + σ²/2) and CV² = exp(σ²) − 1,
 * so σ² = ln(1 + CV²) and μ = ln(mean) − σ²/2 (Johnson, Kotz & Balakrishnan, Continuous
 * Univariate Distributions, ch. 14).
 */
export function lognormal(rng: Rng, mean: number, cv: number): Sampler {
  check(isFiniteNumber(mean) && mean > 0, `lognormal: mean must be a finite number > 0, got ${mean}`);
  check(isFiniteNumber(cv) && cv >= 0, `lognormal: cv must be a finite number ≥ 0, got ${cv}`);
  const variance = Math.log1p(cv * cv);
  const mu = Math.log(mean) - variance / 2;
  return new D3Sampler(randomLogNormal.source(sourceOf(rng))(mu, Math.sqrt(variance)), mean);
}

// Discrete distribution over `values` by Vose's alias method (Vose 1991, "A linear algorithm
// for generating random numbers with a given distribution"): O(n) set-up, O(1) per draw.
class Empirical implements Sampler {
  readonly mean: number;
  private readonly values: Float64Array;
  private readonly accept: Float64Array;
  private readonly alias: Int32Array;

  constructor(
    private readonly rng: Rng,
    values: readonly number[],
    weights: readonly number[],
  ) {
    const n = values.length;
    const total = fsum(weights);
    this.mean = fsum(values, (v, i) => v * weights[i]!) / total;
    this.values = Float64Array.from(values);
    this.accept = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = Float64Array.from(weights, (w) => (w * n) / total);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop()!;
      const l = large.pop()!;
      this.accept[s] = scaled[s]!;
      this.alias[s] = l;
      scaled[l] = scaled[l]! + scaled[s]! - 1;
      (scaled[l]! < 1 ? small : large).push(l);
    }
    // Whatever is left has probability 1 up to rounding.
    for (const i of [...small, ...large]) {
      this.accept[i] = 1;
      this.alias[i] = i;
    }
  }

  sample(): number {
    const column = Math.floor(this.rng.next() * this.values.length);
    const pick = this.rng.next() < this.accept[column]! ? column : this.alias[column]!;
    return this.values[pick]!;
  }
}

/** Samples one of `values`, each with probability proportional to its weight (default equal). */
export function empirical(rng: Rng, values: readonly number[], weights?: readonly number[]): Sampler {
  check(values.length > 0, 'empirical: values must not be empty');
  check(values.every(isFiniteNumber), 'empirical: every value must be finite');
  const w = weights ?? values.map(() => 1);
  check(w.length === values.length, `empirical: ${w.length} weights for ${values.length} values`);
  check(w.every((x) => isFiniteNumber(x) && x >= 0), 'empirical: weights must be finite and ≥ 0');
  check(fsum(w) > 0, 'empirical: at least one weight must be > 0');
  return new Empirical(rng, values, w);
}

export { poisson } from './poisson.js';
