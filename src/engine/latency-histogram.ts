// Log-bucketed histogram with a relative-error guarantee on every quantile, after DDSketch
// (Masson, Rim & Lee 2019, "DDSketch: a fast and fully-mergeable quantile sketch with
// relative-error guarantees", VLDB 12(12)). With γ = (1 + α)/(1 − α), bucket i holds values in
// (γ^(i−1), γ^i] and reports 2γ^i/(γ + 1), which is within a factor α of every value in the
// bucket. Buckets are dense counters over the range of indices seen, so merging is addition.

/**
 * Values below this are counted in the zero bucket and reported as the recorded minimum: one
 * nanosecond when values are seconds. It keeps the dense bucket range small (about 4,200
 * buckets per 18 decades at α = 0.005).
 */
export const MIN_TRACKED_VALUE = 1e-9;
const DEFAULT_RELATIVE_ERROR = 0.005;
const INITIAL_BUCKETS = 128;

export interface LatencyHistogramJson {
  relativeError: number;
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  zeroCount: number;
  /** Bucket index of counts[0]. */
  firstIndex: number;
  counts: number[];
}

export class LatencyHistogram {
  readonly relativeError: number;
  private readonly gamma: number;
  private readonly invLogGamma: number;
  private buckets = new Float64Array(0);
  private offset = 0;
  private lowIndex = Infinity;
  private highIndex = -Infinity;
  private zeroCount = 0;
  private total = 0;
  /** Σ value × count, compensated (Neumaier): exact to rounding of the final sum. */
  private sumHigh = 0;
  private sumLow = 0;
  private lo = Infinity;
  private hi = -Infinity;

  constructor(relativeError = DEFAULT_RELATIVE_ERROR) {
    if (!(relativeError > 0 && relativeError < 1)) {
      throw new RangeError(`LatencyHistogram: relativeError must be in (0, 1), got ${relativeError}`);
    }
    this.relativeError = relativeError;
    this.gamma = (1 + relativeError) / (1 - relativeError);
    this.invLogGamma = 1 / Math.log(this.gamma);
  }

  /** Adds `count` (a weight, possibly fractional) observations of `value` ≥ 0. */
  record(value: number, count = 1): void {
    if (!(value >= 0 && value < Infinity)) {
      throw new RangeError(`LatencyHistogram.record: value must be finite and ≥ 0, got ${value}`);
    }
    if (!(count >= 0 && count < Infinity)) {
      throw new RangeError(`LatencyHistogram.record: count must be finite and ≥ 0, got ${count}`);
    }
    if (count === 0) return;
    this.total += count;
    this.addSum(value * count);
    if (value < this.lo) this.lo = value;
    if (value > this.hi) this.hi = value;
    if (value < MIN_TRACKED_VALUE) {
      this.zeroCount += count;
      return;
    }
    this.addToBucket(Math.ceil(Math.log(value) * this.invLogGamma), count);
  }

  merge(o: LatencyHistogram): void {
    if (o.relativeError !== this.relativeError) {
      throw new RangeError(
        `LatencyHistogram.merge: relative errors differ (${this.relativeError} vs ${o.relativeError}); buckets would not line up`,
      );
    }
    if (o.total === 0) return;
    if (o.lowIndex <= o.highIndex) {
      // Cover o's range once, then add bucket by bucket.
      this.addToBucket(o.lowIndex, 0);
      this.addToBucket(o.highIndex, 0);
      const buckets = this.buckets;
      const shift = o.offset - this.offset;
      for (let k = o.lowIndex - o.offset; k <= o.highIndex - o.offset; k++) buckets[k + shift]! += o.buckets[k]!;
    }
    this.zeroCount += o.zeroCount;
    this.total += o.total;
    this.addSum(o.sumHigh);
    this.addSum(o.sumLow);
    if (o.lo < this.lo) this.lo = o.lo;
    if (o.hi > this.hi) this.hi = o.hi;
  }

  /**
   * The q-quantile by d3.quantileSorted's definition — the order statistics of ranks
   * ⌊q·(count − 1)⌋ and the next one, interpolated linearly — with each order statistic taken
   * from its bucket, so the result is within relativeError of the exact one. NaN when empty.
   * Weights may be fractional: below a total weight of 1 every quantile is the first order
   * statistic (a negative rank would break the order of the quantiles).
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`LatencyHistogram.quantile: q must be in [0, 1], got ${q}`);
    if (this.total === 0) return NaN;
    const rank = q * Math.max(0, this.total - 1);
    const lowRank = Math.floor(rank);
    if (rank === lowRank) return this.valuesAtRanks(lowRank, lowRank)[0];
    const [low, high] = this.valuesAtRanks(lowRank, lowRank + 1);
    return low + (high - low) * (rank - lowRank);
  }

  get count(): number {
    return this.total;
  }

  /** Exact smallest value recorded; NaN when empty. */
  get min(): number {
    return this.total > 0 ? this.lo : NaN;
  }

  /** Exact largest value recorded; NaN when empty. */
  get max(): number {
    return this.total > 0 ? this.hi : NaN;
  }

  /** Exact (weighted) mean; NaN when empty. */
  get mean(): number {
    return this.total > 0 ? (this.sumHigh + this.sumLow) / this.total : NaN;
  }

  /** Only the occupied bucket range, so equal histograms serialise to identical JSON. */
  toJSON(): LatencyHistogramJson {
    const empty = this.lowIndex > this.highIndex;
    return {
      relativeError: this.relativeError,
      count: this.total,
      sum: this.sumHigh + this.sumLow,
      min: this.total > 0 ? this.lo : null,
      max: this.total > 0 ? this.hi : null,
      zeroCount: this.zeroCount,
      firstIndex: empty ? 0 : this.lowIndex,
      counts: empty ? [] : Array.from(this.buckets.subarray(this.lowIndex - this.offset, this.highIndex - this.offset + 1)),
    };
  }

  /** Rebuilds a histogram from toJSON() output (for example to merge results of sweep shards). */
  static fromJSON(json: LatencyHistogramJson): LatencyHistogram {
    const h = new LatencyHistogram(json.relativeError);
    const counts = json.counts;
    if (!Number.isInteger(json.firstIndex) || !counts.every((c) => c >= 0 && c < Infinity)) {
      throw new RangeError('LatencyHistogram.fromJSON: firstIndex must be an integer and counts finite and ≥ 0');
    }
    counts.forEach((c, k) => {
      if (c > 0) h.addToBucket(json.firstIndex + k, c);
    });
    h.zeroCount = json.zeroCount;
    h.total = json.count;
    h.addSum(json.sum);
    if (json.min !== null && json.max !== null) {
      h.lo = json.min;
      h.hi = json.max;
    }
    return h;
  }

  // The bucket values of the order statistics of 0-based ranks a ≤ b, clamped to [min, max],
  // in one scan of the buckets.
  private valuesAtRanks(a: number, b: number): [number, number] {
    let seen = this.zeroCount;
    let first = seen > a ? this.lo : NaN;
    if (seen > b) return [first, this.lo];
    for (let i = this.lowIndex; i <= this.highIndex; i++) {
      const c = this.buckets[i - this.offset]!;
      if (c === 0) continue;
      seen += c;
      if (seen > b) {
        const v = this.bucketValue(i);
        return [Number.isNaN(first) ? v : first, v];
      }
      if (seen > a && Number.isNaN(first)) first = this.bucketValue(i);
    }
    return [Number.isNaN(first) ? this.hi : first, this.hi];
  }

  private bucketValue(i: number): number {
    return this.clamp((2 * Math.exp(i / this.invLogGamma)) / (this.gamma + 1));
  }

  private addSum(x: number): void {
    const t = this.sumHigh + x;
    this.sumLow += Math.abs(this.sumHigh) >= Math.abs(x) ? this.sumHigh - t + x : x - t + this.sumHigh;
    this.sumHigh = t;
  }

  private clamp(x: number): number {
    return x < this.lo ? this.lo : x > this.hi ? this.hi : x;
  }

  private addToBucket(index: number, count: number): void {
    if (index < this.offset || index >= this.offset + this.buckets.length) this.cover(index);
    this.buckets[index - this.offset]! += count;
    if (index < this.lowIndex) this.lowIndex = index;
    if (index > this.highIndex) this.highIndex = index;
  }

  // Reallocates so `index` fits, at least doubling, with the spare room on the side that grew.
  private cover(index: number): void {
    const length = this.buckets.length;
    if (length === 0) {
      this.buckets = new Float64Array(INITIAL_BUCKETS);
      this.offset = index - INITIAL_BUCKETS / 2;
      return;
    }
    const low = Math.min(this.offset, index);
    const high = Math.max(this.offset + length - 1, index);
    const newLength = Math.max(2 * length, high - low + 1);
    const newOffset = index < this.offset ? high - newLength + 1 : low;
    const grown = new Float64Array(newLength);
    grown.set(this.buckets, this.offset - newOffset);
    this.buckets = grown;
    this.offset = newOffset;
  }
}
