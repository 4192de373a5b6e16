// The append-rate history of one partition class, kept so time-based retention can delete
// exactly what was appended `retentionS` earlier (Kafka deletes by segment age; the fluid
// model deletes continuously at the append rate of one retention period ago).

export class RateHistory {
  private readonly times: number[] = [];
  private readonly rates: number[] = [];
  private cursor = 0;

  record(timeS: number, rate: number): void {
    const last = this.rates.length - 1;
    if (last >= 0 && this.rates[last] === rate) return;
    if (last >= 0 && this.times[last] === timeS) {
      this.rates[last] = rate;
      return;
    }
    this.times.push(timeS);
    this.rates.push(rate);
  }

  /** The rate at `timeS`; 0 before the first record. Queries must not go backwards in time. */
  rateAt(timeS: number): number {
    if (this.times.length === 0 || timeS < this.times[0]!) return 0;
    while (this.cursor + 1 < this.times.length && this.times[this.cursor + 1]! <= timeS) this.cursor++;
    return this.rates[this.cursor]!;
  }

  /** The first recorded change strictly after `timeS`, or Infinity. */
  nextChangeAfter(timeS: number): number {
    let i = this.cursor;
    while (i < this.times.length && this.times[i]! <= timeS) i++;
    return i < this.times.length ? this.times[i]! : Infinity;
  }
}
