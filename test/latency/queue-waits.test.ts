// The waiting-time laws against closed forms: Erlang C (Kleinrock 1975, eq. 3.42; the
// standard table value C(10 servers, 8 Erlangs) = 0.4092), the exact M/M/1 wait
// P(W > t) = ρ·e^(−(μ − λ)t) (Kleinrock eq. 3.30), and the M/D/1 wait from Erlang's formula
// P(W ≤ t) = (1 − ρ) Σ_{k=0}^{⌊t/D⌋} [λ(kD − t)]^k / k! · e^(−λ(kD − t)) (Franx 2001, "A simple
// solution for the M/D/c waiting time distribution", Operations Research Letters 29).
import { describe, expect, it } from 'vitest';
import type { QueueLoads } from '../../src/latency/queue-loads.js';
import { erlangC, meanWait, queueWait, waitBuffers } from '../../src/latency/queue-waits.js';

/** One queue (index 0, a network-in queue) with the given utilisation and service moments. */
function oneQueue(rho: number, meanS: number, meanS2: number, servers = 1): QueueLoads {
  const one = (x: number): Float64Array => Float64Array.of(x);
  return {
    queues: 1,
    servers: Int32Array.of(servers),
    fgRate: one((rho * servers) / meanS),
    fgWork: one(rho * servers),
    fgWork2: one(((rho * servers) / meanS) * meanS2),
    rho: one(rho),
    bgRate: one(0),
    held: Uint8Array.of(0),
    meanS: one(meanS),
    meanS2: one(meanS2),
  };
}

function tailAt(q: QueueLoads, t: number): number {
  const w = waitBuffers(1);
  queueWait(q, Float64Array.of(1), 0, 0, w);
  return Math.min(w.waitP[0]!, w.tailA[0]! * Math.exp(-w.tailRate[0]! * t));
}

function quantile(q: QueueLoads, p: number): number {
  const w = waitBuffers(1);
  queueWait(q, Float64Array.of(1), 0, 0, w);
  const tail = 1 - p;
  return tail < w.waitP[0]! ? Math.log(w.tailA[0]! / tail) / w.tailRate[0]! : 0;
}

function md1Cdf(t: number, rho: number, d: number): number {
  const lambda = rho / d;
  let sum = 0;
  let factorial = 1;
  for (let k = 0; k <= Math.floor(t / d); k++) {
    if (k > 0) factorial *= k;
    const x = lambda * (k * d - t);
    sum += (x ** k / factorial) * Math.exp(-x);
  }
  return (1 - rho) * sum;
}

function md1Quantile(p: number, rho: number, d: number): number {
  let lo = 0;
  let hi = 40 * d;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (md1Cdf(mid, rho, d) < p) lo = mid;
    else hi = mid;
  }
  return hi;
}

describe('waiting-time laws', () => {
  it('Erlang C matches the closed form and the table', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 4);
    expect(erlangC(4, 4)).toBe(1);
  });

  it('is exact for M/M/1: P(W > t) = ρ·e^(−(μ − λ)t), E[W] = ρ/(μ − λ)', () => {
    const meanS = 0.001;
    for (const rho of [0.3, 0.6, 0.8]) {
      const q = oneQueue(rho, meanS, 2 * meanS * meanS);
      const mu = 1 / meanS;
      for (const t of [0, 0.001, 0.005, 0.02]) expect(tailAt(q, t)).toBeCloseTo(rho * Math.exp(-(mu - rho * mu) * t), 12);
      const w = waitBuffers(1);
      queueWait(q, Float64Array.of(1), 0, 0, w);
      expect(meanWait(w, 0)).toBeCloseTo(rho / (mu - rho * mu), 12);
    }
  });

  it('puts the M/D/1 p99 and p99.9 within 2 % of Erlang’s formula', () => {
    const d = 0.001;
    for (const rho of [0.3, 0.6, 0.8]) {
      const q = oneQueue(rho, d, d * d);
      for (const p of [0.99, 0.999]) {
        const exact = md1Quantile(p, rho, d);
        expect(Math.abs(quantile(q, p) / exact - 1), `ρ = ${rho}, p = ${p}`).toBeLessThan(0.02);
      }
    }
  });

  it('smooth arrivals (c_a² < 1) shorten the tail by Kingman’s factor', () => {
    const q = oneQueue(0.8, 0.001, 0.001 * 0.001);
    const poisson = waitBuffers(1);
    const smooth = waitBuffers(1);
    queueWait(q, Float64Array.of(1), 0, 0, poisson);
    queueWait(q, Float64Array.of(0.5), 0, 0, smooth);
    expect(smooth.tailRate[0]! / poisson.tailRate[0]!).toBeCloseTo(2, 12); // (1 + 0)/(0.5 + 0)
    expect(smooth.waitP[0]).toBe(poisson.waitP[0]);
  });

  it('solves the tail at any utilisation, down to an idle queue (diurnal troughs)', () => {
    // Root of ρ(M(r) − 1) = r·E[S] for S = a + Exp(b), by bisection on the sign of its log form.
    const root = (rho: number, d: number, a: number, b: number): number => {
      const sign = (r: number): number => r * a - Math.log1p(-r * b) - Math.log1p((r * d) / rho);
      let lo = 0;
      let hi = b > 0 ? 1 / b : 1;
      while (sign(hi) <= 0) hi *= 2;
      for (let i = 0; i < 200; i++) [lo, hi] = sign((lo + hi) / 2) > 0 ? [lo, (lo + hi) / 2] : [(lo + hi) / 2, hi];
      return hi;
    };
    const d = 0.001;
    for (const scv of [0, 0.36]) {
      for (const rho of [1e-3, 1e-4, 1.2e-5, 1e-8, 1e-11, 1e-14, 1e-21]) {
        const w = waitBuffers(1);
        queueWait(oneQueue(rho, d, d * d * (1 + scv)), Float64Array.of(1), 0, 0, w);
        if (rho < 1e-12) {
          expect(w.waitP[0], `ρ = ${rho}: idle`).toBe(0);
          continue;
        }
        const b = Math.sqrt(scv) * d;
        expect(w.tailRate[0]! / root(rho, d, d - b, b), `ρ = ${rho}, c² = ${scv}`).toBeCloseTo(1, 8);
        expect(w.tailA[0], `ρ = ${rho}, c² = ${scv}`).toBeGreaterThan(0);
      }
    }
  });

  it('marks a saturated queue with NaN', () => {
    const w = waitBuffers(1);
    queueWait(oneQueue(1, 0.001, 1e-6), Float64Array.of(1), 0, 0, w);
    expect(w.waitP[0]).toBeNaN();
  });
});
