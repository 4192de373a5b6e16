import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomStreams, type Rng } from '../../src/engine/index.js';

const draws = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('RandomStreams', () => {
  it('gives the same draws for the same (seed, name)', () => {
    expect(draws(new RandomStreams(42).stream('workload'), 100)).toEqual(draws(new RandomStreams(42).stream('workload'), 100));
    expect(draws(new RandomStreams('abc').stream('x'), 10)).toEqual(draws(new RandomStreams('abc').stream('x'), 10));
  });

  it("leaves stream A's draws unchanged when stream B is created and used", () => {
    const alone = draws(new RandomStreams(7).stream('a'), 1000);
    const streams = new RandomStreams(7);
    const b0 = streams.stream('b');
    draws(b0, 500);
    const a = streams.stream('a');
    const interleaved: number[] = [];
    const b = streams.stream('faults');
    for (let i = 0; i < 1000; i++) {
      interleaved.push(a.next());
      b.next();
      b.next();
    }
    expect(interleaved).toEqual(alone);
  });

  it('differs between seeds and between names, and keeps the (seed, name) pair unambiguous', () => {
    const first = (seed: number | string, name: string): number[] => draws(new RandomStreams(seed).stream(name), 8);
    expect(first(1, 'a')).not.toEqual(first(2, 'a'));
    expect(first(1, 'a')).not.toEqual(first(1, 'b'));
    expect(first('a/b', 'c')).not.toEqual(first('a', 'b/c'));
    expect(first(1, 'a')).toEqual(first('1', 'a'));
  });

  it('draws uniformly in [0, 1) from seedrandom Tyche-i, reproducibly across releases', () => {
    const rng = new RandomStreams(1).stream('a');
    expect(draws(rng, 3)).toEqual(draws({ next: seedrandom.tychei(JSON.stringify(['1', 'a'])) }, 3));
    const sample = draws(rng, 100_000);
    expect(Math.min(...sample)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...sample)).toBeLessThan(1);
    // Mean 1/2 with standard error 1/√(12·10⁵) ≈ 0.0009; 0.004 is over four of them.
    expect(Math.abs(sample.reduce((s, x) => s + x, 0) / sample.length - 0.5)).toBeLessThan(0.004);
  });

  it('rejects a missing name or a non-finite seed', () => {
    expect(() => new RandomStreams(NaN)).toThrow(RangeError);
    expect(() => new RandomStreams(1).stream('')).toThrow(RangeError);
  });
});
