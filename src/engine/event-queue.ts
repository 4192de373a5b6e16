// The pending-event set: a d-ary min-heap over parallel typed arrays, keyed by (time, seq).
// The insertion sequence breaks ties so same-time events pop in FIFO order and every run is
// deterministic (DESIGN §2; SimPy keys its heap the same way with (time, priority, counter)).
//
// Arity 4 halves the depth of a binary heap while four sibling times share a cache line
// (LaMarca & Ladner 1996). Sifting moves a hole instead of swapping. Sifting down picks the
// smallest of four children without data-dependent branches — pairwise minima by arithmetic
// on comparison results — because on random event times those branches mispredict about
// half the time; in a bare-heap PHOLD loop that alone went from 4.9 to 8.4 M events/s here
// (the C reference: 8.6). Slots from `n` to the end of the arrays hold time +Infinity, so the
// four-way comparison never reads past the heap.
//
// Cancellation is lazy: LiveIds holds a bit per id still wanted; cancel() clears it and
// dead entries are dropped when they surface, or purged by an O(n) rebuild once they
// outnumber the live ones, so the heap holds at most about twice the live events. Until the
// first cancel() every entry is live and the bits are not kept at all (keeping them costs
// PHOLD about 14 % of its speed here); the first cancel() builds them from the heap in O(n).
import { LiveIds } from './live-ids.js';

const MIN_DEAD_FOR_PURGE = 64;

export class EventQueue {
  poppedTime = 0;
  poppedKind = 0;
  poppedTarget = 0;
  poppedId = -1;

  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private targets: Int32Array;
  private readonly arity: number;
  private readonly log2Arity: number;
  private n = 0;
  private live = 0;
  private dead = 0;
  private nextSeq = 0;
  private liveIds: LiveIds | null = null;

  constructor(initialCapacity = 1024, arity = 4) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1) {
      throw new RangeError(`EventQueue: initialCapacity must be a positive integer, got ${initialCapacity}`);
    }
    // Powers of two only, so parent and child indices are shifts rather than divisions.
    if (![2, 4, 8, 16].includes(arity)) {
      throw new RangeError(`EventQueue: arity must be 2, 4, 8 or 16, got ${arity}`);
    }
    this.arity = arity;
    this.log2Arity = Math.log2(arity);
    const slots = initialCapacity + arity;
    this.times = new Float64Array(slots).fill(Infinity);
    this.seqs = new Float64Array(slots);
    this.kinds = new Int32Array(slots);
    this.targets = new Int32Array(slots);
  }

  /** Live (not cancelled, not yet popped) events. */
  get size(): number {
    return this.live;
  }

  /** Adds an event at a finite time and returns its id, the insertion sequence number. */
  push(time: number, kind: number, target: number): number {
    if (time - time !== 0) throw new RangeError(`EventQueue.push: time must be finite, got ${time}`);
    const seq = this.nextSeq++;
    if (this.n + this.arity === this.times.length) this.grow();
    const liveIds = this.liveIds;
    if (liveIds !== null) {
      if (!liveIds.fits(seq)) liveIds.rebase(this.oldestLiveSeq(seq), seq, 4 * this.n);
      liveIds.add(seq);
    }
    this.live++;
    this.siftUp(this.n++, time, seq, kind, target);
    return seq;
  }

  /** Marks an event as not wanted. False if the id was never issued, already popped or cancelled. */
  cancel(id: number): boolean {
    if (!Number.isInteger(id) || id < 0 || id >= this.nextSeq) return false;
    if (!(this.liveIds ?? this.trackLiveIds()).delete(id)) return false;
    this.live--;
    this.dead++;
    if (this.dead > this.live && this.dead >= MIN_DEAD_FOR_PURGE) this.purgeDead();
    return true;
  }

  /** Time of the next live event, or Infinity when there is none. */
  peekTime(): number {
    while (this.n > 0 && !this.isLive(this.seqs[0]!)) {
      this.removeRoot();
      this.dead--;
    }
    return this.n > 0 ? this.times[0]! : Infinity;
  }

  /** Removes the next live event into the popped* fields; false when the queue is empty. */
  pop(): boolean {
    return this.popNotAfter(Infinity);
  }

  /**
   * Pops the next live event only if its time is ≤ limit. One call instead of peekTime() +
   * pop() keeps the simulator's run loop to a single queue call per event.
   */
  popNotAfter(limit: number): boolean {
    while (this.n > 0) {
      const time = this.times[0]!;
      if (time > limit) return false;
      const seq = this.seqs[0]!;
      if (this.liveIds !== null && !this.liveIds.delete(seq)) {
        this.removeRoot();
        this.dead--;
        continue;
      }
      this.poppedTime = time;
      this.poppedId = seq;
      this.poppedKind = this.kinds[0]!;
      this.poppedTarget = this.targets[0]!;
      this.live--;
      this.removeRoot();
      return true;
    }
    return false;
  }

  /** O(n) check of every invariant; tests call it. Throws an Error naming what broke. */
  verify(): void {
    const { times, seqs } = this;
    let live = 0;
    for (let i = 0; i < this.n; i++) {
      if (this.isLive(seqs[i]!)) live++;
      if (i === 0) continue;
      const p = (i - 1) >> this.log2Arity;
      if (before(times[i]!, seqs[i]!, times[p]!, seqs[p]!)) {
        throw new Error(`EventQueue invariant: entry ${i} sorts before its parent ${p}`);
      }
    }
    for (let i = this.n; i < times.length; i++) {
      if (times[i] !== Infinity) throw new Error(`EventQueue invariant: padding slot ${i} holds ${times[i]}`);
    }
    if (live !== this.live) throw new Error(`EventQueue invariant: ${live} live entries, counter says ${this.live}`);
    if (this.n - live !== this.dead) {
      throw new Error(`EventQueue invariant: ${this.n - live} dead entries, counter says ${this.dead}`);
    }
  }

  private isLive(seq: number): boolean {
    return this.liveIds === null || this.liveIds.has(seq);
  }

  // Until now every entry in the heap was live; from here on each one has a bit.
  private trackLiveIds(): LiveIds {
    const liveIds = new LiveIds(this.n);
    if (this.n > 0) liveIds.rebase(this.oldestLiveSeq(this.nextSeq - 1), this.nextSeq - 1, 4 * this.n);
    for (let i = 0; i < this.n; i++) liveIds.add(this.seqs[i]!);
    this.liveIds = liveIds;
    return liveIds;
  }

  private siftUp(start: number, time: number, seq: number, kind: number, target: number): void {
    const { log2Arity, times, seqs, kinds, targets } = this;
    let i = start;
    while (i > 0) {
      const p = (i - 1) >> log2Arity;
      const tp = times[p]!;
      if (time > tp || (time === tp && seq > seqs[p]!)) break;
      times[i] = tp;
      seqs[i] = seqs[p]!;
      kinds[i] = kinds[p]!;
      targets[i] = targets[p]!;
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    targets[i] = target;
  }

  // Moves the last entry into the root's hole and sifts it down; its old slot becomes padding.
  private removeRoot(): void {
    const n = --this.n;
    const { times, seqs, kinds, targets } = this;
    const time = times[n]!;
    times[n] = Infinity;
    if (n > 0) this.siftDown(0, time, seqs[n]!, kinds[n]!, targets[n]!);
  }

  private siftDown(start: number, time: number, seq: number, kind: number, target: number): void {
    const { times, seqs, kinds, targets, n } = this;
    const four = this.arity === 4;
    let i = start;
    for (;;) {
      const first = (i << this.log2Arity) + 1;
      if (first >= n) break;
      const m = four ? this.smallestOfFour(first) : this.smallestChild(first);
      const tm = times[m]!;
      if (time < tm || (time === tm && seq < seqs[m]!)) break;
      times[i] = tm;
      seqs[i] = seqs[m]!;
      kinds[i] = kinds[m]!;
      targets[i] = targets[m]!;
      i = m;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    targets[i] = target;
  }

  // A tournament on time alone, with `+(x < y)` as 0 or 1 so no branch depends on the data.
  // Time alone decides unless two compared times are equal; only then do sequence numbers
  // matter, and the branchy comparison below takes over.
  private smallestOfFour(first: number): number {
    const times = this.times;
    const t0 = times[first]!;
    const t1 = times[first + 1]!;
    const t2 = times[first + 2]!;
    const t3 = times[first + 3]!;
    const a = first + +(t1 < t0);
    const b = first + 2 + +(t3 < t2);
    const ta = times[a]!;
    const tb = times[b]!;
    if (t0 === t1 || t2 === t3 || ta === tb) return this.smallestChild(first);
    return a + (b - a) * +(tb < ta);
  }

  private smallestChild(first: number): number {
    const { times, seqs } = this;
    let m = first;
    for (let c = first + 1; c < first + this.arity; c++) {
      if (before(times[c]!, seqs[c]!, times[m]!, seqs[m]!)) m = c;
    }
    return m;
  }

  // Doubles the arrays; the new tail is padding.
  private grow(): void {
    const slots = 2 * (this.times.length - this.arity) + this.arity;
    const times = new Float64Array(slots).fill(Infinity);
    times.set(this.times.subarray(0, this.n));
    this.times = times;
    this.seqs = resized(new Float64Array(slots), this.seqs);
    this.kinds = resized(new Int32Array(slots), this.kinds);
    this.targets = resized(new Int32Array(slots), this.targets);
  }

  private oldestLiveSeq(newest: number): number {
    let oldest = newest;
    for (let i = 0; i < this.n; i++) {
      const s = this.seqs[i]!;
      if (s < oldest && this.isLive(s)) oldest = s;
    }
    return oldest;
  }

  // Drops dead entries and restores heap order bottom-up (Floyd 1964: O(n)).
  private purgeDead(): void {
    const { times, seqs, kinds, targets } = this;
    const n = this.n;
    let w = 0;
    for (let r = 0; r < n; r++) {
      if (!this.isLive(seqs[r]!)) continue;
      times[w] = times[r]!;
      seqs[w] = seqs[r]!;
      kinds[w] = kinds[r]!;
      targets[w] = targets[r]!;
      w++;
    }
    times.fill(Infinity, w, n);
    this.n = w;
    this.dead = 0;
    for (let i = (w - 2) >> this.log2Arity; i >= 0; i--) this.siftDown(i, times[i]!, seqs[i]!, kinds[i]!, targets[i]!);
  }
}

function before(t: number, s: number, tOther: number, sOther: number): boolean {
  return t < tOther || (t === tOther && s < sOther);
}

function resized<T extends Float64Array | Int32Array>(into: T, from: T): T {
  into.set(from.subarray(0, Math.min(from.length, into.length)));
  return into;
}
