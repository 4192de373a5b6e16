import { deviation, mean, variance } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { RandomStreams, StreamingMoments } from '../../src/engine/index.js';

const data = (n: number, seed: number): number[] => {
  const rng = new RandomStreams(seed).stream('moments');
  return Array.from({ length: n }, () => 1e6 + rng.next() * 10);
};

const of = (xs: number[]): StreamingMoments => {
  const m = new StreamingMoments();
  xs.forEach((x) => m.add(x));
  return m;
};

describe('StreamingMoments', () => {
  it('matches d3 (two-pass) mean, sample variance and deviation, even on a large offset', () => {
    // Values near 10⁶ with spread 10: the naive Σx² − n·mean² would lose most digits.
    const xs = data(10_000, 1);
    const m = of(xs);
    expect(m.count).toBe(10_000);
    expect(m.mean).toBeCloseTo(mean(xs)!, 8);
    expect(m.variance / variance(xs)! - 1).toBeLessThan(1e-9);
    expect(m.stddev).toBeCloseTo(deviation(xs)!, 9);
    expect(m.min).toBe(Math.min(...xs));
    expect(m.max).toBe(Math.max(...xs));
  });

  it('merges (Chan et al.) to the same result as adding everything to one', () => {
    const xs = data(9_000, 2);
    const a = of(xs.slice(0, 1000));
    const b = of(xs.slice(1000, 6000));
    const c = of(xs.slice(6000));
    a.merge(b);
    a.merge(new StreamingMoments());
    a.merge(c);
    const all = of(xs);
    expect(a.count).toBe(all.count);
    expect(a.mean).toBeCloseTo(all.mean, 8);
    expect(a.variance / all.variance - 1).toBeLessThan(1e-9);
    expect([a.min, a.max]).toEqual([all.min, all.max]);
    const empty = new StreamingMoments();
    empty.merge(c);
    expect(empty.mean).toBe(c.mean);
  });

  it('reports NaN where a statistic is undefined, and rejects non-finite values', () => {
    const m = new StreamingMoments();
    expect([m.count, m.mean, m.variance, m.min, m.max]).toEqual([0, NaN, NaN, NaN, NaN]);
    m.add(3);
    expect([m.mean, m.variance, m.min, m.max]).toEqual([3, NaN, 3, 3]);
    expect(() => m.add(NaN)).toThrow(RangeError);
    expect(() => m.add(Infinity)).toThrow(RangeError);
  });
});
