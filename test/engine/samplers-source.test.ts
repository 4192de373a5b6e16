// The samplers draw from their Rng and from nothing else. d3-random falls back on Math.random
// when a generator is built without `.source()`; these exact traces on scripted uniforms, and
// the replay from a seed, would both break if one were.
import { describe, expect, it } from 'vitest';
import {
  RandomStreams,
  exponential,
  lognormal,
  normal,
  poisson,
  uniform,
  type Rng,
  type Sampler,
} from '../../src/engine/index.js';

/** Returns the given uniforms in turn and counts how many were drawn. */
class ScriptedRng implements Rng {
  drawn = 0;

  constructor(private readonly uniforms: readonly number[]) {}

  next(): number {
    const u = this.uniforms[this.drawn++];
    if (u === undefined) throw new Error(`ScriptedRng: draw ${this.drawn} is past the script`);
    return u;
  }
}

describe('samplers draw from their Rng', () => {
  it('exponential and uniform: one uniform per draw, by inversion and scaling', () => {
    const rng = new ScriptedRng([0.5, 0.25]);
    expect(exponential(rng, 3).sample()).toBeCloseTo(3 * Math.LN2, 14);
    expect(uniform(rng, 2, 6).sample()).toBe(3);
    expect(rng.drawn).toBe(2);
  });

  it('normal and lognormal: one polar pair gives two draws, the spare second', () => {
    // (U1, U2) = (0.75, 0.5) is the point (x, y) = (0.5, 0) with r = x² + y² = 0.25: the first
    // draw is y·√(−2 ln r / r) = 0, the spare x·√(−2 ln r / r) = 0.5·√(8 ln 4).
    const spare = 0.5 * Math.sqrt(8 * Math.log(4));
    const rng = new ScriptedRng([0.75, 0.5, 0.75, 0.5]);
    const n = normal(rng, 10, 2);
    expect([n.sample(), n.sample()]).toEqual([10, 10 + 2 * spare]);
    // Mean 20, CV 0.5: σ² = ln 1.25 and μ = ln 20 − σ²/2.
    const sigma = Math.sqrt(Math.log(1.25));
    const mu = Math.log(20) - sigma ** 2 / 2;
    const ln = lognormal(rng, 20, 0.5);
    expect(ln.sample()).toBeCloseTo(Math.exp(mu), 12);
    expect(ln.sample()).toBeCloseTo(Math.exp(mu + sigma * spare), 12);
    expect(rng.drawn).toBe(4);
  });

  it('poisson: counts Exp(1) sums up to the mean', () => {
    // Each U = 0.5 is an Exp(1) of ln 2 ≈ 0.69: sums 0.69, 1.39, 2.08, so two fit under 2.
    const rng = new ScriptedRng([0.5, 0.5, 0.5]);
    expect(poisson(rng, 2).sample()).toBe(2);
    expect(rng.drawn).toBe(3);
  });

  it('replays from the seed, also through the Gamma and binomial draws of a large Poisson mean', () => {
    const make: [string, (rng: Rng) => Sampler][] = [
      ['exponential', (rng) => exponential(rng, 1)],
      ['uniform', (rng) => uniform(rng, 0, 1)],
      ['normal', (rng) => normal(rng, 0, 1)],
      ['lognormal', (rng) => lognormal(rng, 1, 2)],
      ['poisson', (rng) => poisson(rng, 1e4)],
    ];
    for (const [name, sampler] of make) {
      const run = (): number[] => {
        const s = sampler(new RandomStreams(99).stream(name));
        return Array.from({ length: 1000 }, () => s.sample());
      };
      expect(run(), name).toEqual(run());
    }
  });
});
