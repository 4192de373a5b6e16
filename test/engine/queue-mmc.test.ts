// M/M/c with c = 4, ρ = λ/(cμ) = 0.85. Erlang C (Kleinrock, Queueing Systems vol. 1, eq. 3.40):
//   P(wait > 0) = C(c, a) = [aᶜ/c! · 1/(1 − ρ)] / [Σₖ₌₀^(c−1) aᵏ/k! + aᶜ/c! · 1/(1 − ρ)], a = λ/μ,
//   mean wait W_q = C(c, a) / (cμ − λ).
// Sample size: across 20 calibration seeds, 10⁶ customers gave a relative error of the mean
// wait with standard deviation 1.4 %, marginal against 3 %; 6·10⁶ customers bring it to about
// 0.57 % (over five standard deviations). P(wait > 0) varied by 0.34 % at 10⁶.
import { describe, expect, it } from 'vitest';
import { exponential } from '../../src/engine/index.js';
import { runOpenQueue } from './support.js';

function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (1 / (1 - a / c));
  return top / (sum + top);
}

describe('M/M/4, ρ = 0.85', () => {
  it('mean wait within 3 % of Erlang C · 1/(cμ − λ), and P(wait > 0) within 1 % of Erlang C', () => {
    const c = 4;
    const mu = 1;
    const lambda = 0.85 * c * mu;
    const { station, sim } = runOpenQueue({
      seed: 1,
      arrivalRate: lambda,
      servers: c,
      service: (streams) => exponential(streams.stream('service'), 1 / mu),
      customers: 6_000_000,
      warmupTime: 2000,
    });
    const pWait = erlangC(c, lambda / mu);
    expect(pWait).toBeCloseTo(0.68932, 4);
    expect(Math.abs((station.waits.mean * (c * mu - lambda)) / pWait - 1)).toBeLessThan(0.03);
    // A customer who did not wait has wait exactly 0, which the histogram counts in its zero bucket.
    const waited = 1 - station.waitHistogram.toJSON().zeroCount / station.waitHistogram.count;
    expect(Math.abs(waited / pWait - 1)).toBeLessThan(0.01);
    expect(Math.abs(station.utilization(sim.now) / 0.85 - 1)).toBeLessThan(0.01);
  });
});
