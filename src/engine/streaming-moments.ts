// Running count, mean, variance, min and max in O(1) memory. Updates follow Welford (1962,
// Technometrics 4:419) and merges Chan, Golub & LeVeque (1979, "Updating formulae and a
// pairwise algorithm for computing sample variances"), both stable where the textbook
// Σx² − n·mean² cancels catastrophically.

export class StreamingMoments {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private lo = Infinity;
  private hi = -Infinity;

  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`StreamingMoments.add: value must be finite, got ${x}`);
    const n = ++this.n;
    const delta = x - this.mu;
    this.mu += delta / n;
    this.m2 += delta * (x - this.mu);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  merge(o: StreamingMoments): void {
    if (o.n === 0) return;
    const n = this.n + o.n;
    const delta = o.mu - this.mu;
    this.m2 += o.m2 + (delta * delta * this.n * o.n) / n;
    this.mu += (delta * o.n) / n;
    this.n = n;
    if (o.lo < this.lo) this.lo = o.lo;
    if (o.hi > this.hi) this.hi = o.hi;
  }

  get count(): number {
    return this.n;
  }

  /** NaN when empty. */
  get mean(): number {
    return this.n > 0 ? this.mu : NaN;
  }

  /** Sample variance M2 / (n − 1); NaN with fewer than two values. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : NaN;
  }

  get stddev(): number {
    return Math.sqrt(this.variance);
  }

  /** NaN when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : NaN;
  }

  /** NaN when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : NaN;
  }
}
