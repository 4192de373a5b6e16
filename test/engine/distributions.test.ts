// Sample moments against the parameters. Each tolerance is about five standard errors of the
// estimate at the sample size used (SE of a mean = sd/√n), with one fixed seed.
import { describe, expect, it } from 'vitest';
import {
  RandomStreams,
  deterministic,
  empirical,
  exponential,
  lognormal,
  normal,
  uniform,
  StreamingMoments,
  type Sampler,
} from '../../src/engine/index.js';

const N = 200_000;
const streams = new RandomStreams(20240601);

function moments(sampler: Sampler, n = N): StreamingMoments {
  const m = new StreamingMoments();
  for (let i = 0; i < n; i++) m.add(sampler.sample());
  return m;
}

describe('samplers', () => {
  it('exponential: mean and CV 1 (SE of the mean 0.22 %)', () => {
    const m = moments(exponential(streams.stream('exp'), 3));
    expect(m.mean / 3).toBeCloseTo(1, 2);
    expect(Math.abs(m.stddev / m.mean - 1)).toBeLessThan(0.015);
    expect(m.min).toBeGreaterThanOrEqual(0);
  });

  it('deterministic: always the value', () => {
    const d = deterministic(2.5);
    expect(d.mean).toBe(2.5);
    expect(moments(d, 10).variance).toBe(0);
  });

  it('uniform: mean (a+b)/2, variance (b−a)²/12, within [a, b)', () => {
    const m = moments(uniform(streams.stream('uniform'), 2, 6));
    expect(Math.abs(m.mean - 4)).toBeLessThan(0.013);
    expect(Math.abs(m.variance / (16 / 12) - 1)).toBeLessThan(0.015);
    expect(m.min).toBeGreaterThanOrEqual(2);
    expect(m.max).toBeLessThan(6);
  });

  it('normal: mean and standard deviation', () => {
    const m = moments(normal(streams.stream('normal'), 10, 2));
    expect(Math.abs(m.mean - 10)).toBeLessThan(0.025);
    expect(Math.abs(m.stddev / 2 - 1)).toBeLessThan(0.01);
  });

  it('lognormal: mean and coefficient of variation as given', () => {
    // CV 0.5 keeps the sample CV's own error small (heavier tails converge slowly).
    const m = moments(lognormal(streams.stream('lognormal'), 20, 0.5), 400_000);
    expect(Math.abs(m.mean / 20 - 1)).toBeLessThan(0.005);
    expect(Math.abs(m.stddev / m.mean / 0.5 - 1)).toBeLessThan(0.02);
    expect(m.min).toBeGreaterThan(0);
  });

  it('empirical: frequencies follow the weights, mean is the weighted mean', () => {
    const values = [1, 5, 10, 50];
    const weights = [4, 3, 2, 1];
    const sampler = empirical(streams.stream('empirical'), values, weights);
    expect(sampler.mean).toBeCloseTo((4 + 15 + 20 + 50) / 10, 12);
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const v = sampler.sample();
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    // Binomial SE of a share p: √(p(1−p)/n) ≤ 0.0011 here; 0.006 is over five.
    values.forEach((v, i) => expect(Math.abs((counts.get(v) ?? 0) / N - weights[i]! / 10)).toBeLessThan(0.006));
    expect(empirical(streams.stream('one'), [7]).sample()).toBe(7);
    expect(empirical(streams.stream('zero-weight'), [1, 2], [0, 1]).sample()).toBe(2);
  });

  it('reject bad parameters with RangeError naming the sampler', () => {
    const rng = streams.stream('errors');
    expect(() => exponential(rng, 0)).toThrow(/exponential: mean/);
    expect(() => exponential(rng, NaN)).toThrow(RangeError);
    expect(() => deterministic(Infinity)).toThrow(/deterministic/);
    expect(() => uniform(rng, 2, 1)).toThrow(/uniform/);
    expect(() => normal(rng, 0, -1)).toThrow(/normal: sd/);
    expect(() => lognormal(rng, 0, 1)).toThrow(/lognormal: mean/);
    expect(() => lognormal(rng, 1, -0.1)).toThrow(/lognormal: cv/);
    expect(() => empirical(rng, [])).toThrow(/empirical/);
    expect(() => empirical(rng, [1, 2], [1])).toThrow(/weights/);
    expect(() => empirical(rng, [1, 2], [0, 0])).toThrow(/weight/);
    expect(() => empirical(rng, [1, 2], [1, -1])).toThrow(/weights/);
  });
});
