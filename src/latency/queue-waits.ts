// The waiting time (before service) at each broker resource, from its utilisation and service
// moments alone (queue-loads.ts), as an atom at zero and an exponential tail:
//
//   P(W > t) = min(p, A·e^(−r·t))   for t > 0,   P(W > 0) = p.
//
// Single server (network in and out), M/G/1: p = ρ exactly (Poisson arrivals see the server
// busy a fraction ρ of the time: Wolff 1982, PASTA). The tail is the Cramér–Lundberg
// asymptote of the M/G/1 waiting time, a compound-geometric sum of residual service times
// R: r solves ρ·E[e^(rR)] = 1 and A = (1 − ρ) / (r·ρ·E[R·e^(rR)]) (Asmussen 2003, Applied
// Probability and Queues, XIII.5; Feller 1971, vol. II, XI.6). It is exact for M/M/1 (A = ρ,
// r = μ − λ) and, for the near-deterministic batch sizes here, within 2 % of the exact M/D/1
// p99 (Erlang's formula, Franx 2001) where the usual exponential with the Pollaczek–Khinchine
// mean is 28 % high at ρ = 0.3. The service law enters through its first two moments, as a
// shifted exponential a + Exp(b) with the same mean and SCV c² ≤ 1 (deterministic at c² = 0,
// exponential at c² = 1). For c² > 1 we keep the exponential tail with the P-K mean,
// A = ρ, r = ρ / E[W], E[W] = ρE[S²] / (2E[S](1 − ρ)) (Kleinrock 1975, eq. 5.76).
//
// Handler pool, M/G/c: p is Erlang's C formula for M/M/c at offered load a = λE[S] (Kleinrock
// eq. 3.42), and the tail exponential with the M/M/c conditional mean E[S]/(c(1 − ρ)) scaled
// by (c_a² + c_s²)/2, the Allen–Cunneen approximation for GI/G/c (Allen 1990, Probability,
// Statistics and Queueing Theory, §6.3).
import { EBS, EBS_ON_PATH_RHO, QUEUES_PER_BROKER, type QueueLoads } from './queue-loads.js';

export interface QueueWaits {
  /** P(wait > 0) per queue; NaN for a saturated queue. */
  waitP: Float64Array;
  /** The tail P(W > t) = min(waitP, tailA · e^(−tailRate · t)). */
  tailA: Float64Array;
  tailRate: Float64Array;
}

const ROOT_STEPS = 40;
// Halvings from 0.999 of the pole towards it. At the root 1 − r·b is about ρ·β·e^((1 − β)/β) ≥ ρ
// (β = b/E[S]), so for ρ ≥ RHO_NEGLIGIBLE some 30 halvings pass it.
const POLE_STEPS = 64;
// Below this utilisation a queue is taken as idle: P(W > 0) = ρ is 10⁸ times below the 10⁻⁴ of
// the p99.99, the rarest figure reported, and the tail's root would sit within a rounding of the
// pole of the service-time MGF (ρ ≲ 10⁻¹⁶), where no double can hold it.
const RHO_NEGLIGIBLE = 1e-12;

export function waitBuffers(queues: number): QueueWaits {
  return { waitP: new Float64Array(queues), tailA: new Float64Array(queues), tailRate: new Float64Array(queues) };
}

/**
 * Fills every queue's waiting-time law. `ca2` is each queue's arrival SCV
 * (arrival-variability.ts; 1 for Poisson arrivals), `extraWork2` what to add to its Σλ·E[S²]
 * for visits that arrive together (revisit.ts). EBS gets a law only from EBS_ON_PATH_RHO on
 * (queue-loads.ts); below it 0: appends go to the page cache.
 */
export function queueWaits(q: QueueLoads, ca2: Float64Array, extraWork2: Float64Array, w: QueueWaits): QueueWaits {
  for (let i = 0; i < q.queues; i++) {
    if (i % QUEUES_PER_BROKER !== EBS || q.rho[i]! >= EBS_ON_PATH_RHO) queueWait(q, ca2, extraWork2[i]!, i, w);
    else w.waitP[i] = 0;
  }
  return w;
}

/**
 * The waiting-time law of queue i. `extraWork2` adds to Σλ·E[S²] the covariance of visits
 * that arrive together (revisit.ts).
 */
export function queueWait(q: QueueLoads, ca2: Float64Array, extraWork2: number, i: number, w: QueueWaits): void {
  const rho = q.rho[i]!;
  const meanS = q.meanS[i]!;
  // Within 10⁻⁹ of 1 counts as saturated: a throttled resource sits at ρ = 1 − 1 ulp, where the
  // mean wait is over 10⁸·E[S] and A = (1 − ρ)E[S]/(ρM′(r) − E[S]) has lost its digits to
  // cancellation (A < p, so the inversion in sample-paths.ts gave negative waits).
  if (!(rho < 1 - 1e-9)) {
    w.waitP[i] = NaN;
    w.tailA[i] = NaN;
    w.tailRate[i] = NaN;
  } else if (!(rho > RHO_NEGLIGIBLE && meanS > 0)) {
    w.waitP[i] = 0;
    w.tailA[i] = 0;
    w.tailRate[i] = 1;
  } else {
    const c = q.servers[i]!;
    const jobs = q.fgRate[i]! + q.bgRate[i]!;
    const meanS2 = q.meanS2[i]! + (extraWork2 > 0 && jobs > 0 ? extraWork2 / jobs : 0);
    const scv = Math.max(0, meanS2 / (meanS * meanS) - 1);
    const arrivals = ca2[i]!;
    if (c === 1) singleServer(w, i, rho, meanS, scv, arrivals);
    else {
      const p = erlangC(c, c * rho);
      w.waitP[i] = p;
      w.tailA[i] = p;
      w.tailRate[i] = (c * (1 - rho)) / (meanS * ((arrivals + scv) / 2));
    }
  }
}

// Arrivals smoother or burstier than Poisson (c_a² ≠ 1) scale the M/G/1 decay rate by
// (1 + c_s²) / (c_a² + c_s²): the ratio of Kingman's heavy-traffic rates for GI/G/1 and M/G/1,
// 2(1 − ρ) / (E[S](c_a² + c_s²)) (Kingman 1962, "On queues in heavy traffic").
function singleServer(w: QueueWaits, i: number, rho: number, meanS: number, scv: number, ca2: number): void {
  w.waitP[i] = rho;
  const burstiness = (1 + scv) / (ca2 + scv);
  if (scv >= 1) {
    w.tailA[i] = rho;
    w.tailRate[i] = ((2 * (1 - rho)) / (meanS * (1 + scv))) * burstiness;
    return;
  }
  const b = Math.sqrt(scv) * meanS;
  const a = meanS - b;
  const r = lundbergRate(rho, meanS, a, b);
  w.tailRate[i] = r * burstiness;
  w.tailA[i] = ((1 - rho) * meanS) / (rho * mgfSlope(r, a, b) - meanS);
}

// The positive root of f(r) = ρ(M(r) − 1) − r·E[S] for S = a + Exp(b), M(r) = e^(ra)/(1 − rb):
// ρ·E[e^(rR)] = 1 multiplied through by r·E[S]. f is convex with f(0) = 0 and f'(0) < 0, and
// Halley's method (cubic convergence; Traub 1964, Iterative Methods for the Solution of
// Equations, §5.2) from the right of the root descends to it in two or three steps. The start
// is the root of f's Taylor polynomial to r³: every moment is positive, so the polynomial lies
// below f and its root to the right of f's (within 1 % at ρ = 0.8, 25 % at ρ = 0.3).
function lundbergRate(rho: number, meanS: number, a: number, b: number): number {
  const pole = b > 0 ? 1 / b : Infinity;
  const m2 = a * a + 2 * a * b + 2 * b * b;
  const m3 = a * a * a + 3 * a * a * b + 6 * a * b * b + 6 * b * b * b;
  const qa = (rho * m3) / 6;
  const qb = (rho * m2) / 2;
  const qc = meanS * (1 - rho);
  let r = Math.min((2 * qc) / (qb + Math.sqrt(qb * qb + 4 * qa * qc)), deterministicBound(rho, meanS, a));
  if (!(r < pole)) {
    r = pole * 0.999;
    for (let k = 0; rho * (mgf(r, a, b) - 1) - r * meanS <= 0; k++) {
      if (k === POLE_STEPS) throw new Error(`lundbergRate: no start right of the root below the pole 1/${b} at ρ = ${rho}`);
      r = (r + pole) / 2;
    }
  }
  for (let k = 0; k < ROOT_STEPS; k++) {
    const d = 1 - r * b;
    const m = Math.exp(r * a) / d;
    const g = a + b / d;
    const f = rho * (m - 1) - r * meanS;
    const f1 = rho * m * g - meanS;
    const f2 = rho * m * (g * g + (b * b) / (d * d));
    const step = (2 * f * f1) / (2 * f1 * f1 - f * f2);
    r -= step;
    // Cubic convergence: a step of 10⁻⁵·r leaves an error near 10⁻¹⁵.
    if (step <= r * 1e-5) break;
  }
  if (!(r > 0 && r < pole)) throw new Error(`lundbergRate: Halley left (0, ${pole}) at ρ = ${rho}, E[S] = ${meanS}, b = ${b}`);
  return r;
}

// At low utilisation the Taylor start is far right of the root: r·a ≈ √(6/ρ) against about
// ln(1/ρ) at the root for deterministic service. There e^(ra) overflows (ρ < 1.2·10⁻⁵; f·f″ in
// Halley's step already below ρ ≈ 5·10⁻⁵, so the step is NaN), and up to ρ ≈ 10⁻³ Halley, which
// gains only about 2 on r·a a step so far out, runs out of ROOT_STEPS. This bound is the root
// of ρ(e^(ra) − 1) = r·E[S], which lies right of f's since M(r) ≥ e^(ra): with y = r·a and
// κ = E[S]/a, the fixed point of y ↦ ln(1 + κy/ρ). Iterated from above, that map stays above its
// fixed point and descends to it (slope κ/(ρ + κy) < 1), in logs so nothing overflows; the start
// y = 2 ln(2κ/ρ) is above it because z² ≥ 1 + z ln z for z = 2κ/ρ ≥ 1.
function deterministicBound(rho: number, meanS: number, a: number): number {
  const kappa = meanS / a;
  let y = 2 * Math.log((2 * kappa) / rho);
  for (let k = 0; k < 4; k++) y = Math.log1p((kappa * y) / rho);
  return y / a;
}

function mgf(r: number, a: number, b: number): number {
  return Math.exp(r * a) / (1 - r * b);
}

// M'(r) for S = a + Exp(b).
function mgfSlope(r: number, a: number, b: number): number {
  const d = 1 - r * b;
  return (Math.exp(r * a) / d) * (a + b / d);
}

/** E[W] = ∫ min(p, A·e^(−rt)) dt. */
export function meanWait(w: QueueWaits, i: number): number {
  const p = w.waitP[i]!;
  const a = w.tailA[i]!;
  const r = w.tailRate[i]!;
  if (!(p > 0)) return p === 0 ? 0 : NaN;
  return a > p ? (p * (Math.log(a / p) + 1)) / r : a / r;
}

/**
 * Erlang's C formula: the probability that an arrival to M/M/c with offered load a (< c)
 * waits. Computed through the Erlang B recursion B(k) = aB(k−1) / (k + aB(k−1)), B(0) = 1,
 * and C = cB / (c − a(1 − B)), which never forms a^c or c! (Cooper 1981, Introduction to
 * Queueing Theory, §3.4).
 */
export function erlangC(c: number, a: number): number {
  if (!(a < c)) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}
