// A record's time in the producer's accumulator (Kafka RecordAccumulator): its batch opens with
// a first record and closes when batch.size is full (N records) or linger.ms after it opened,
// whichever comes first. Records arrive as a Poisson stream of rate λ (many independent
// senders), so the batch's length is T = min(L, G) with G ~ Gamma(N − 1, λ), the time for N − 1
// more records, and it holds 1 + (arrivals in T) records. The first record waits all of T; a
// later one arrived uniformly within it and waits a uniform share. Drawing T from the gamma law
// instead of its mean makes batch sizes and waits vary and moves smoothly from linger-bound to
// size-bound batches as the rate grows (no step where batches start to fill).
//
// G is drawn by the Wilson–Hilferty cube-root normal approximation, G ≈ (n/λ)(1 − 1/(9n) +
// z/(3√n))³ (Wilson & Hilferty 1931; within 1 % of the gamma quantiles for n ≥ 3 over the
// central 99.8 %), from one standard normal z; E[min(L, G)] uses the normal approximation of G.
import { normalCdf, normalDensity } from './normal-quantile.js';

/**
 * A record's accumulator wait: λ records a second, linger L s, N records to a full batch; z a
 * standard normal draw and u a uniform in [0, 1).
 */
export function accumulatorWait(recordsPerS: number, lingerS: number, batchRecords: number, z: number, u: number): number {
  return waitInBatch(recordsPerS, batchLengthS(recordsPerS, lingerS, batchRecords, z), u);
}

/** A record's wait in a batch open for t seconds that collects λ records a second after its first. */
export function waitInBatch(recordsPerS: number, t: number, u: number): number {
  const first = 1 / (1 + recordsPerS * t);
  return u < first ? t : (t * (u - first)) / (1 - first);
}

/**
 * The constants of batchLengthS for hot loops: G = meanS · (a + b·z)³ with meanS = n/λ,
 * a = 1 − 1/(9n), b = 1/(3√n); meanS is Infinity where batches never fill (n = 0 gives a
 * length of 0 instead: b = 0, a = 0).
 */
export function fillConstants(recordsPerS: number, batchRecords: number): { meanS: number; a: number; b: number } {
  const n = batchRecords - 1;
  if (!(n > 0)) return { meanS: 0, a: 0, b: 0 };
  if (!(recordsPerS > 0)) return { meanS: Infinity, a: 1, b: 0 };
  return { meanS: n / recordsPerS, a: 1 - 1 / (9 * n), b: 1 / (3 * Math.sqrt(n)) };
}

/** How long a batch stays open, from a standard normal z. */
export function batchLengthS(recordsPerS: number, lingerS: number, batchRecords: number, z: number): number {
  const n = batchRecords - 1;
  if (!(n > 0)) return 0; // a record as large as batch.size fills its batch alone
  if (!(recordsPerS > 0)) return lingerS;
  const c = 1 - 1 / (9 * n) + z / (3 * Math.sqrt(n));
  const fillS = c > 0 ? (n / recordsPerS) * c * c * c : 0;
  return fillS < lingerS ? fillS : lingerS;
}

/** Mean records in a batch, 1 + λE[min(L, G)], with G ≈ Normal(n/λ, n/λ²). */
export function meanBatchRecords(recordsPerS: number, lingerS: number, batchRecords: number): number {
  const n = batchRecords - 1;
  if (!(n > 0)) return 1;
  if (!(recordsPerS > 0)) return 1;
  const mean = n / recordsPerS;
  const sd = Math.sqrt(n) / recordsPerS;
  const d = (mean - lingerS) / sd;
  // E[(G − L)⁺] for a normal G.
  const over = (mean - lingerS) * normalCdf(d) + sd * normalDensity(d);
  const length = Math.max(0, Math.min(lingerS, mean - over));
  return Math.min(batchRecords, 1 + recordsPerS * length);
}

/**
 * Mean time a batch stays open, E[min(L, G)]: until batch.size fills (G) or linger.ms expires
 * (L). The records it holds are 1 + λ·E[min(L, G)] (meanBatchRecords).
 */
export function batchSpanS(recordsPerS: number, lingerS: number, batchRecords: number): number {
  if (!(recordsPerS > 0)) return lingerS;
  return (meanBatchRecords(recordsPerS, lingerS, batchRecords) - 1) / recordsPerS;
}

/**
 * Produce requests a second from one producer client's keyed records to one broker: the sender
 * drains a broker when any of its batches is ready (full, or open linger.ms), and the request
 * then carries the open batch of every partition the broker leads (RecordAccumulator.ready and
 * drain). So each instance sends about one request per span of the quickest-closing batch,
 * `cycleS`, and never more than there are batches.
 */
export function keyedRequestsPerS(instances: number, cycleS: number, batchesPerS: number): number {
  return cycleS > 0 ? Math.min(instances / cycleS, batchesPerS) : batchesPerS;
}
