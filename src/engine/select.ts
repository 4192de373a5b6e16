// Floyd–Rivest selection on a Float64Array of finite numbers: d3-array's quickselect with its
// comparator call replaced by `<` and `>`. The comparisons and swaps are d3's, so the array ends
// in the same order; without the generic comparator it runs about three times as fast, which
// matters for the p95 of every series of a year-long run (half a million samples each).

/**
 * Reorders `a` so that `a[k]` is the value it would hold if sorted ascending, everything before
 * it is ≤ and everything after it ≥. NaN is not allowed (d3's comparator orders it last; this
 * one does not) — callers pass model series, which are finite.
 */
export function selectInPlace(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(a, k, newLeft, newRight);
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      ++i;
      --j;
      while (a[i]! < t) ++i;
      while (a[j]! > t) --j;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      ++j;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const v = a[i]!;
  a[i] = a[j]!;
  a[j] = v;
}
