// The fuzzer's random source: one seeded stream per mutant, derived from the run's seed, the
// suite and the mutant's index (TigerBeetle's VOPR: every subsystem its own derived seed), so
// that one mutant replays alone without generating the ones before it.
import seedrandom from 'seedrandom';

export class Rng {
  private readonly next: () => number;

  constructor(seed: string) {
    this.next = seedrandom(seed);
  }

  static forMutant(seed: number, suite: string, index: number): Rng {
    return new Rng(`msksim-fuzz:${seed}:${suite}:${index}`);
  }

  /** Uniform on [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer on [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Log-uniform on [min, max]: small values common, large ones occur. */
  logReal(min: number, max: number): number {
    return Math.min(max, Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * this.next()));
  }

  /** Log-uniform integer on [min, max]. */
  logInt(min: number, max: number): number {
    return Math.min(max, Math.floor(this.logReal(min, max + 1)));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An item drawn with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** A value rounded to 3 significant digits, as people write numbers. */
  round3(x: number): number {
    return Number(x.toPrecision(3));
  }
}
