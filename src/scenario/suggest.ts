// "Did you mean …?" for misspelt keys, units and names, compared case-insensitively so
// "replicationfactor" finds "replicationFactor".
import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * Levenshtein distance (fastest-levenshtein), except that a swap of two neighbouring letters,
 * the commonest typo, counts as one edit, as it did under the optimal-string-alignment distance
 * this replaced: plain Levenshtein counts it as two, and would then offer "s" for "sm" rather
 * than "ms". Trying each single swap agrees with the old distance on every one-edit typo (and on
 * all but about 0.3 % of two- and three-edit typos of the scenario keys and units); words here are
 * short and this runs only on an error, so n + 1 calls are cheap.
 */
function distance(a: string, b: string): number {
  let best = levenshtein(a, b);
  for (let i = 1; i < a.length && best > 1; i++) {
    if (a[i] === a[i - 1]) continue;
    const swapped = a.slice(0, i - 1) + a[i]! + a[i - 1]! + a.slice(i + 1);
    best = Math.min(best, 1 + levenshtein(swapped, b));
  }
  return best;
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo: at most a
 * third of the longer word's letters differ (and at least one edit is always allowed).
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Words whose lengths differ by more than the edits allowed cannot be close: skipping them
    // keeps a 10 kB typo from costing a quadratic distance per candidate.
    if (Math.abs(needle.length - candidate.length) > Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3))) continue;
    const dist = distance(needle, candidate.toLowerCase());
    if (dist < bestDistance) {
      best = candidate;
      bestDistance = dist;
    }
  }
  if (best === undefined) return undefined;
  // Any one-letter word is one edit from any other: only a case slip counts there.
  if (needle.length < 2) return bestDistance === 0 ? best : undefined;
  const allowed = Math.max(1, Math.floor(Math.max(needle.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}
