// Quantiles against the exact ones (d3.quantileSorted on the sorted data): the histogram
// promises relative error ≤ relativeError (0.5 % by default); the test allows 1 %.
import { quantileSorted } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams, lognormal, uniform, type Sampler } from '../../src/engine/index.js';

const QUANTILES = [0, 0.5, 0.9, 0.99, 0.999, 0.9999, 1];
const streams = new RandomStreams(99);

function draw(sampler: Sampler, n: number): Float64Array {
  return Float64Array.from({ length: n }, () => sampler.sample());
}

function histogramOf(values: Float64Array, relativeError?: number): LatencyHistogram {
  const h = new LatencyHistogram(relativeError);
  values.forEach((v) => h.record(v));
  return h;
}

function worstRelativeError(h: LatencyHistogram, values: Float64Array): number {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return Math.max(...QUANTILES.map((q) => Math.abs(h.quantile(q) / quantileSorted(sorted, q)! - 1)));
}

describe('LatencyHistogram', () => {
  it.each([
    ['lognormal (mean 5 ms, CV 3)', lognormal(streams.stream('lognormal'), 0.005, 3)],
    ['uniform on [1, 2]', uniform(streams.stream('uniform'), 1, 2)],
    ['uniform on [0, 100]', uniform(streams.stream('uniform-0'), 0, 100)],
  ])('quantiles of %s are within 1 % of the exact ones', (_name, sampler) => {
    const values = draw(sampler, 300_000);
    const h = histogramOf(values);
    expect(worstRelativeError(h, values)).toBeLessThanOrEqual(0.01);
    expect(h.count).toBe(values.length);
    expect(h.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 9);
  });

  it('keeps its promise at a coarser relative error too (2 %)', () => {
    const values = draw(lognormal(streams.stream('coarse'), 1, 1), 100_000);
    expect(worstRelativeError(histogramOf(values, 0.02), values)).toBeLessThanOrEqual(0.02);
  });

  it('merges to exactly the histogram of all values, and serialises identically', () => {
    const values = draw(lognormal(streams.stream('merge'), 2, 1.5), 50_000);
    const parts = [values.subarray(0, 100), values.subarray(100, 30_000), values.subarray(30_000)].map((p) => histogramOf(p));
    const merged = new LatencyHistogram();
    parts.forEach((p) => merged.merge(p));
    const all = histogramOf(values);
    for (const q of QUANTILES) expect(merged.quantile(q)).toBe(all.quantile(q));
    expect({ ...merged.toJSON(), sum: 0 }).toEqual({ ...all.toJSON(), sum: 0 });
    expect(merged.toJSON().sum).toBeCloseTo(all.toJSON().sum, 6);
  });

  it('round-trips through JSON', () => {
    const h = histogramOf(draw(lognormal(streams.stream('json'), 1, 1), 1000));
    h.record(0, 3);
    const text = JSON.stringify(h);
    const back = LatencyHistogram.fromJSON(JSON.parse(text));
    expect(JSON.stringify(back)).toBe(text);
    for (const q of QUANTILES) expect(back.quantile(q)).toBe(h.quantile(q));
  });

  it('counts zeros and fractional weights', () => {
    const h = new LatencyHistogram();
    h.record(0, 2.5);
    h.record(10, 7.5);
    expect(h.count).toBe(10);
    expect(h.mean).toBeCloseTo(7.5, 12);
    expect(h.min).toBe(0);
    expect(h.quantile(0.1)).toBe(0);
    expect(Math.abs(h.quantile(0.9) / 10 - 1)).toBeLessThanOrEqual(0.005);
    expect(h.quantile(1)).toBe(10);
  });

  it('keeps quantiles in order below a total weight of 1 (the first order statistic)', () => {
    const h = new LatencyHistogram();
    h.record(6.3, 0.3);
    h.record(9, 0.2);
    const qs = [0.5, 0.95, 0.99, 0.999].map((q) => h.quantile(q));
    for (let i = 1; i < qs.length; i++) expect(qs[i]).toBeGreaterThanOrEqual(qs[i - 1]!);
    expect(Math.abs(qs[0]! / 6.3 - 1)).toBeLessThanOrEqual(0.005);
  });

  it('reports NaN when empty and rejects bad input', () => {
    const h = new LatencyHistogram();
    expect([h.count, h.min, h.max, h.mean, h.quantile(0.5)]).toEqual([0, NaN, NaN, NaN, NaN]);
    expect(h.toJSON()).toMatchObject({ count: 0, counts: [], min: null });
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(NaN)).toThrow(RangeError);
    expect(() => h.record(1, -1)).toThrow(RangeError);
    expect(() => h.quantile(1.5)).toThrow(RangeError);
    expect(() => h.merge(new LatencyHistogram(0.01))).toThrow(/relative errors differ/);
    expect(() => new LatencyHistogram(0)).toThrow(RangeError);
  });
});
