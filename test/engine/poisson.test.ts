// Poisson counts: mean = variance = λ for every regime (Exp(1) sums up to 16, Gamma blocks above),
// and the whole distribution against the exact pmf by a chi-square test.
import { describe, expect, it } from 'vitest';
import { RandomStreams, StreamingMoments, poisson } from '../../src/engine/index.js';
import { logGamma } from './log-gamma.js';

const streams = new RandomStreams(777);

// Pearson's chi-square of counts against Poisson(λ): cells k with expected count ≥ 20, the
// tails pooled into the end cells; critical value the 0.999 quantile of χ²(ν) by the
// Wilson–Hilferty approximation ν(1 − 2/(9ν) + z·√(2/(9ν)))³ with z = 3.09.
function chiSquare(draws: number[], lambda: number): { statistic: number; critical: number } {
  const n = draws.length;
  const pmf = (k: number): number => Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
  let lo = 0;
  while (n * pmf(lo) < 20) lo++;
  let hi = lo;
  while (n * pmf(hi + 1) >= 20 || hi < lambda) hi++;
  const expected: number[] = [];
  let cdf = 0;
  for (let k = 0; k <= lo; k++) cdf += pmf(k);
  expected.push(n * cdf);
  for (let k = lo + 1; k < hi; k++) {
    expected.push(n * pmf(k));
    cdf += pmf(k);
  }
  expected.push(n * (1 - cdf));
  const observed = expected.map(() => 0);
  for (const k of draws) observed[Math.min(Math.max(k, lo), hi) - lo]!++;
  const statistic = observed.reduce((sum, o, i) => sum + (o - expected[i]!) ** 2 / expected[i]!, 0);
  const dof = expected.length - 1;
  const critical = dof * (1 - 2 / (9 * dof) + 3.09 * Math.sqrt(2 / (9 * dof))) ** 3;
  return { statistic, critical };
}

describe('poisson', () => {
  it.each([0.5, 4, 10, 37.5, 1e4, 1e8])('mean %d: sample mean and variance match λ', (lambda) => {
    const n = 100_000;
    const sampler = poisson(streams.stream(`poisson/${lambda}`), lambda);
    expect(sampler.mean).toBe(lambda);
    const m = new StreamingMoments();
    for (let i = 0; i < n; i++) {
      const k = sampler.sample();
      if (!Number.isInteger(k) || k < 0) throw new Error(`non-count draw ${k}`);
      m.add(k);
    }
    // SE of the mean √(λ/n); SE of the sample variance ≈ λ√(2/n) (plus a 1/λ term, small here).
    expect(Math.abs(m.mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
    expect(Math.abs(m.variance / lambda - 1)).toBeLessThan(5 * Math.sqrt(2 / n + 1 / (lambda * n)));
  });

  it.each([6, 25])('mean %d: frequencies pass a chi-square test against the exact pmf', (lambda) => {
    const sampler = poisson(streams.stream(`chi2/${lambda}`), lambda);
    const draws = Array.from({ length: 200_000 }, () => sampler.sample());
    const { statistic, critical } = chiSquare(draws, lambda);
    expect(statistic).toBeLessThan(critical);
    // The test has power: the same draws are rejected against a mean 3 % off.
    const off = chiSquare(draws, lambda * 1.03);
    expect(off.statistic).toBeGreaterThan(off.critical);
  });

  it('logGamma matches ln((n−1)!) and ln Γ(1/2) = ln √π', () => {
    let lnFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      expect(logGamma(n)).toBeCloseTo(lnFactorial, 9);
      lnFactorial += Math.log(n);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 9);
  });

  it('always 0 for mean 0, and rejects a negative or infinite mean', () => {
    expect(poisson(streams.stream('zero'), 0).sample()).toBe(0);
    expect(() => poisson(streams.stream('neg'), -1)).toThrow(RangeError);
    expect(() => poisson(streams.stream('inf'), Infinity)).toThrow(RangeError);
  });
});
