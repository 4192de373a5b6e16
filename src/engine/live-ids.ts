// Which event ids are still wanted: one bit per id over a window [base, base + 32 · words).
// Ids are insertion sequence numbers, so the ids in flight are dense and a bitset is the
// cheapest exact membership test (two integer operations, no hashing, no allocation).
// The window slides forward when a new id falls past its end (see rebase).

const MIN_BITS = 1024;

export class LiveIds {
  private words: Int32Array;
  private base = 0;

  constructor(expected: number) {
    this.words = new Int32Array(Math.max(MIN_BITS, 2 * expected) >>> 5);
  }

  /** True when `id` lies inside the window, so add() needs no rebase. */
  fits(id: number): boolean {
    return id - this.base < this.words.length * 32;
  }

  add(id: number): void {
    const off = id - this.base;
    const word = off >>> 5;
    this.words[word] = this.words[word]! | (1 << (off & 31));
  }

  has(id: number): boolean {
    const off = id - this.base;
    return off >= 0 && off < this.words.length * 32 && (this.words[off >>> 5]! & (1 << (off & 31))) !== 0;
  }

  /** Clears the bit of `id`; false if it was not set (or lies outside the window). */
  delete(id: number): boolean {
    const off = id - this.base;
    if (off < 0 || off >= this.words.length * 32) return false;
    const word = off >>> 5;
    const bit = 1 << (off & 31);
    const bits = this.words[word]!;
    if ((bits & bit) === 0) return false;
    this.words[word] = bits & ~bit;
    return true;
  }

  /**
   * Moves the window's start to `oldest` (no live id may be older) and doubles it until the
   * span up to `newest` fills at most half of it and it holds at least `minBits`. The next
   * rebase is then at least `span` ids away while this one costs O(span / 32), so the caller's
   * O(live) scan for `oldest` plus the copy amortise to O(1) per id when minBits ≥ 2 · live.
   * A long-lived id pins the start: the window then costs one bit per id issued since it.
   */
  rebase(oldest: number, newest: number, minBits: number): void {
    if (oldest < this.base || oldest > newest) {
      throw new Error(`LiveIds invariant: oldest live id ${oldest} outside [${this.base}, ${newest}]`);
    }
    const base = oldest - (oldest % 32);
    const span = newest - base + 1;
    let length = this.words.length;
    while (length * 32 < 2 * span || length * 32 < minBits) length *= 2;
    const words = new Int32Array(length);
    words.set(this.words.subarray((base - this.base) >>> 5));
    this.words = words;
    this.base = base;
  }
}
