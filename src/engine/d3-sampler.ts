// A Sampler backed by a d3-random generator. d3-random's generators draw from Math.random unless
// given a source, so every one in msksim is built through `.source(sourceOf(rng))`: its draws then
// come from a named seeded stream and replay from the seed (STYLE habit 2).
import type { Sampler } from './sampler.js';
import type { Rng } from './random.js';

/** The Rng in the shape d3-random's `.source()` takes: a function returning uniforms in [0, 1). */
export function sourceOf(rng: Rng): () => number {
  return () => rng.next();
}

export class D3Sampler implements Sampler {
  constructor(
    private readonly draw: () => number,
    readonly mean: number,
  ) {}

  sample(): number {
    return this.draw();
  }
}
