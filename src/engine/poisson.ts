// Poisson counts. Small means use Knuth's multiplication method (TAOCP vol. 2, §3.4.1), whose
// cost grows with the mean; from a mean of 10 on, Hörmann's PTRS transformed rejection
// (Hörmann 1993, "The transformed rejection method for generating Poisson random variables",
// Insurance: Mathematics and Economics 12) takes O(1) draws for any mean. The switch point and
// constants are those of NumPy's random_poisson.
import type { Sampler } from './distributions.js';
import type { Rng } from './random.js';

const PTRS_MIN_MEAN = 10;

class PoissonByMultiplication implements Sampler {
  private readonly limit: number;

  constructor(
    private readonly rng: Rng,
    readonly mean: number,
  ) {
    this.limit = Math.exp(-mean);
  }

  // Counts uniforms until their running product drops to e^−mean or below.
  sample(): number {
    let k = 0;
    let product = 1 - this.rng.next();
    while (product > this.limit) {
      k++;
      product *= 1 - this.rng.next();
    }
    return k;
  }
}

class PoissonPtrs implements Sampler {
  private readonly logMean: number;
  private readonly a: number;
  private readonly b: number;
  private readonly logInvAlpha: number;
  private readonly vr: number;

  constructor(
    private readonly rng: Rng,
    readonly mean: number,
  ) {
    this.logMean = Math.log(mean);
    this.b = 0.931 + 2.53 * Math.sqrt(mean);
    this.a = -0.059 + 0.02483 * this.b;
    this.logInvAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
    this.vr = 0.9277 - 3.6224 / (this.b - 2);
  }

  sample(): number {
    const { a, b, mean } = this;
    for (;;) {
      const u = this.rng.next() - 0.5;
      const v = this.rng.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= this.vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + this.logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * this.logMean - logGamma(k + 1)) {
        return k;
      }
    }
  }
}

// ln Γ(x) for x ≥ 1 by the Stirling series with ten Bernoulli terms, after shifting x up to 7
// with the recurrence Γ(x + 1) = xΓ(x) (as NumPy's random_loggam).
const STIRLING = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
] as const;
const LN_2PI = 1.8378770664093453;

export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const inv2 = 1 / (x0 * x0);
  let series = STIRLING[9];
  for (let k = 8; k >= 0; k--) series = series * inv2 + STIRLING[k]!;
  let result = series / x0 + 0.5 * LN_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 0; k < shift; k++) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}

class Zero implements Sampler {
  readonly mean = 0;

  sample(): number {
    return 0;
  }
}

export function poisson(rng: Rng, mean: number): Sampler {
  if (!(Number.isFinite(mean) && mean >= 0)) throw new RangeError(`poisson: mean must be a finite number ≥ 0, got ${mean}`);
  if (mean === 0) return new Zero();
  return mean < PTRS_MIN_MEAN ? new PoissonByMultiplication(rng, mean) : new PoissonPtrs(rng, mean);
}
