// The append history of one partition class: its append rate as a step function of time and
// the cumulative bytes appended, A(t), piecewise linear. Time-based retention deletes what was
// appended one retention earlier, D(t) = A(t − retention), and a replay rewinds to
// A(now − rewind): both read this history instead of re-deriving it from today's rate. Entries
// older than every reader's horizon are trimmed, so memory follows the rate changes within one
// retention period, not the whole run.

export class AppendLog {
  private times: number[] = [];
  private rates: number[] = [];
  /** Cumulative MiB appended at each entry's time. */
  private cums: number[] = [];
  private head = 0;

  constructor(startS: number) {
    this.times.push(startS);
    this.rates.push(0);
    this.cums.push(0);
  }

  /** From `timeS` on the rate is `rate` (calls go forward in time). */
  record(timeS: number, rate: number): void {
    const last = this.times.length - 1;
    const lastTime = this.times[last]!;
    if (timeS < lastTime) throw new Error(`AppendLog: time went backwards (${lastTime} → ${timeS})`);
    if (this.rates[last] === rate) return;
    const cum = this.cums[last]! + this.rates[last]! * (timeS - lastTime);
    if (timeS === lastTime) {
      this.rates[last] = rate;
      return;
    }
    this.times.push(timeS);
    this.rates.push(rate);
    this.cums.push(cum);
  }

  /**
   * Adds `deltaMiB` to what has been appended, from the latest entry on: a producer backlog that
   * clears a rounding error before its crossing moves those bytes here, so bytes stay conserved.
   */
  adjust(deltaMiB: number): void {
    this.cums[this.cums.length - 1]! += deltaMiB;
  }

  private index(timeS: number): number {
    // Binary search over the live entries: readers ask for different horizons.
    let lo = this.head;
    let hi = this.times.length - 1;
    if (timeS <= this.times[lo]!) return lo;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.times[mid]! <= timeS) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Cumulative MiB appended by `timeS` (0 before the history starts). */
  cumulativeAt(timeS: number): number {
    if (timeS <= this.times[this.head]!) return this.cums[this.head]!;
    const i = this.index(timeS);
    return this.cums[i]! + this.rates[i]! * (timeS - this.times[i]!);
  }

  rateAt(timeS: number): number {
    if (timeS < this.times[this.head]!) return this.head === 0 ? 0 : this.rates[this.head]!;
    return this.rates[this.index(timeS)]!;
  }

  /**
   * The rate that holds just after `timeS`: the next segment's when it starts within
   * `toleranceS`. A retention step fires at (change + retention), and (change + retention) −
   * retention can round to just before the change; the step must still take the new rate.
   */
  rateAfter(timeS: number, toleranceS: number): number {
    const next = this.nextChangeAfter(timeS);
    return next - timeS <= toleranceS ? this.rateAt(next) : this.rateAt(timeS);
  }

  /** The first rate change strictly after `timeS`, or Infinity. */
  nextChangeAfter(timeS: number): number {
    const i = timeS < this.times[this.head]! ? this.head - 1 : this.index(timeS);
    return i + 1 < this.times.length ? this.times[i + 1]! : Infinity;
  }

  /** Drops entries no reader will ask for again: those wholly before `timeS`. */
  trimBefore(timeS: number): void {
    while (this.head + 1 < this.times.length && this.times[this.head + 1]! <= timeS) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.rates = this.rates.slice(this.head);
      this.cums = this.cums.slice(this.head);
      this.head = 0;
    }
  }

  get entries(): number {
    return this.times.length - this.head;
  }
}
