// Time average of a piecewise-constant level (busy servers, queue length, bytes stored):
// (1 / (t − t₀)) ∫ value dt, accumulated as Σ value·Δt with d3's Adder (Shewchuk 1997 exact
// summation), because a long horizon adds millions of small areas to a large total.
import { Adder } from 'd3-array';

export class TimeWeightedAverage {
  private readonly area = new Adder();
  private lastTime: number;
  private current: number;
  private peak: number;

  constructor(
    private readonly startTime: number,
    initialValue: number,
  ) {
    if (!Number.isFinite(startTime)) throw new RangeError(`TimeWeightedAverage: startTime must be finite, got ${startTime}`);
    if (!Number.isFinite(initialValue)) {
      throw new RangeError(`TimeWeightedAverage: initialValue must be finite, got ${initialValue}`);
    }
    this.lastTime = startTime;
    this.current = initialValue;
    this.peak = initialValue;
  }

  /** The level changes to `value` at `time` (≥ the previous update). */
  update(time: number, value: number): void {
    if (!(time >= this.lastTime)) {
      throw new RangeError(`TimeWeightedAverage.update: time ${time} is before the last update (${this.lastTime})`);
    }
    if (!Number.isFinite(value) || time === Infinity) {
      throw new RangeError(`TimeWeightedAverage.update: time and value must be finite, got ${time}, ${value}`);
    }
    if (time > this.lastTime) this.area.add(this.current * (time - this.lastTime));
    this.lastTime = time;
    this.current = value;
    if (value > this.peak) this.peak = value;
  }

  /** Mean over [startTime, untilTime]; the current value when the interval is empty. */
  mean(untilTime: number): number {
    if (!(untilTime >= this.lastTime)) {
      throw new RangeError(`TimeWeightedAverage.mean: untilTime ${untilTime} is before the last update (${this.lastTime})`);
    }
    const span = untilTime - this.startTime;
    if (span === 0) return this.current;
    return (this.area.valueOf() + this.current * (untilTime - this.lastTime)) / span;
  }

  get value(): number {
    return this.current;
  }

  /** Largest value held, including the initial one. */
  get max(): number {
    return this.peak;
  }
}
