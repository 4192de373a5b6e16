// What every distribution of the engine gives: draws, and the mean they are drawn around.
export interface Sampler {
  sample(): number;
  readonly mean: number;
}
