// ln Γ(x) for the chi-square test's exact Poisson pmf. ln Γ(x) for x ≥ 1 by the Stirling series
// with ten Bernoulli terms, after shifting x up to 7 with the recurrence Γ(x + 1) = xΓ(x) (as
// NumPy's random_loggam). It was src/engine/poisson.ts's until d3-random took over the sampling.
const STIRLING = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
] as const;
const LN_2PI = 1.8378770664093453;

export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const shift = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + shift;
  const inv2 = 1 / (x0 * x0);
  let series = STIRLING[9];
  for (let k = 8; k >= 0; k--) series = series * inv2 + STIRLING[k]!;
  let result = series / x0 + 0.5 * LN_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 0; k < shift; k++) {
    x0 -= 1;
    result -= Math.log(x0);
  }
  return result;
}
