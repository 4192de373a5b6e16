// Poisson counts by d3-random's randomPoisson, fed from a seeded stream. Its method is Knuth's
// (TAOCP vol. 2, §3.4.1): while the mean μ is above 16 it takes m = ⌊7μ/8⌋ arrivals at once
// through one Gamma(m) draw (ending with a binomial draw if that overshoots μ), so the cost grows
// with log μ; the last μ ≤ 16 is counted by summing Exp(1) draws.
import { randomPoisson } from 'd3-random';
import { D3Sampler, sourceOf } from './d3-sampler.js';
import type { Sampler } from './sampler.js';
import type { Rng } from './random.js';

class Zero implements Sampler {
  readonly mean = 0;

  sample(): number {
    return 0;
  }
}

export function poisson(rng: Rng, mean: number): Sampler {
  if (!(Number.isFinite(mean) && mean >= 0)) throw new RangeError(`poisson: mean must be a finite number ≥ 0, got ${mean}`);
  // Mean 0 is always 0 without a draw: d3's count of Exp(1) sums ≤ 0 would return 1 on U = 0.
  if (mean === 0) return new Zero();
  return new D3Sampler(randomPoisson.source(sourceOf(rng))(mean), mean);
}
