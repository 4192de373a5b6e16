// Randomised quasi-random points for the latency estimate. Coordinate d of point i is
//
//   j = (s_d + i·step_d) mod GRID,   u = (j + ½) / GRID,
//
// an additive recurrence (Kronecker sequence) on a grid of GRID cells: step_d/GRID rounds
// α_d = φ^−(d+1), φ the positive root of x^(D+1) = x + 1 (Roberts 2018, "The unreasonable
// effectiveness of quasirandom sequences", the R_d sequence), to an odd numerator, so every
// cell is visited once in GRID points. Each call draws a fresh random shift s (Cranley &
// Patterson 1976, "Randomization of number theoretic methods for multiple integration"):
// every u is then uniform over the cell midpoints, sums over calls stay unbiased up to the
// midpoint rule's error, and a call's few dozen points still spread evenly over [0, 1).
//
// The grid lets the functions of u that the estimate needs — −ln(1 − u) for exponential tails
// and Φ⁻¹(u) for Brownian increments — be read from tables instead of computed per sample
// (logarithms were 30 % of the estimate's time). The price is resolution: no sample falls
// beyond a component's 1 − 1/(2·GRID) = 99.9988 % quantile.
import type { Rng } from '../engine/index.js';
import { normalQuantile } from './normal-quantile.js';

export const QMC_DIMENSIONS = 49;
export const QMC_GRID = 4096;
export const QMC_MASK = QMC_GRID - 1;

/** step_d of the recurrence, odd. */
export const QMC_STEP: Int32Array = (() => {
  let phi = 2;
  for (let i = 0; i < 64; i++) phi = Math.pow(1 + phi, 1 / (QMC_DIMENSIONS + 1));
  const step = new Int32Array(QMC_DIMENSIONS);
  for (let d = 0; d < QMC_DIMENSIONS; d++) {
    const a = Math.pow(phi, -(d + 1));
    step[d] = Math.round((a - Math.floor(a)) * QMC_GRID) | 1;
  }
  return step;
})();

/** Per cell j: u = (j + ½)/GRID, 1 − u, −ln(1 − u) and Φ⁻¹(u). */
export const QMC_U: Float64Array = Float64Array.from({ length: QMC_GRID }, (_, j) => (j + 0.5) / QMC_GRID);
export const QMC_TAIL: Float64Array = QMC_U.map((u) => 1 - u);
export const QMC_NEG_LN_TAIL: Float64Array = QMC_TAIL.map((t) => -Math.log(t));
export const QMC_NORMAL: Float64Array = QMC_U.map((u) => normalQuantile(u));

/**
 * −ln x for x in [0, 1), read from the table at x's cell midpoint: an Exp(1) draw from a uniform
 * without a logarithm (the same grid as the estimate's draws; at most 9.3 = −ln(1/(2·GRID))).
 */
export function negLnCell(x: number): number {
  return QMC_NEG_LN_TAIL[QMC_MASK - ((x * QMC_GRID) | 0)]!;
}

/** Fills shift[0 … QMC_DIMENSIONS) with fresh cells. */
export function drawShift(rng: Rng, shift: Int32Array): void {
  for (let d = 0; d < QMC_DIMENSIONS; d++) shift[d] = Math.floor(rng.next() * QMC_GRID);
}
