// Property test (STYLE habit 10b): the heap against a naive model, a sorted array, over seeded
// random mixes of push, pop, cancel and peek with many equal times.
import { describe, expect, it } from 'vitest';
import { EventQueue, RandomStreams, type Rng } from '../../src/engine/index.js';

interface Entry {
  time: number;
  id: number;
  kind: number;
  target: number;
}

class SortedArrayModel {
  readonly entries: Entry[] = [];

  push(entry: Entry): void {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = this.entries[mid]!;
      if (e.time < entry.time || (e.time === entry.time && e.id < entry.id)) lo = mid + 1;
      else hi = mid;
    }
    this.entries.splice(lo, 0, entry);
  }

  cancel(id: number): boolean {
    const i = this.entries.findIndex((e) => e.id === id);
    if (i < 0) return false;
    this.entries.splice(i, 1);
    return true;
  }
}

// Times mostly from a few integers (ties everywhere), sometimes arbitrary fractions.
function drawTime(rng: Rng): number {
  return rng.next() < 0.8 ? Math.floor(rng.next() * 16) : rng.next() * 16;
}

// Plain comparisons rather than expect() per operation: 10⁵ expect calls alone take seconds.
function agree(what: string, op: number, actual: unknown, expected: unknown): void {
  const a = typeof actual === 'object' ? JSON.stringify(actual) : actual;
  const e = typeof expected === 'object' ? JSON.stringify(expected) : expected;
  if (!Object.is(a, e)) throw new Error(`operation ${op}: ${what} gave ${String(a)}, the model ${String(e)}`);
}

function exercise(arity: number, operations: number, cancelsFrom: number, seed: number): number {
  const rng = new RandomStreams(seed).stream(`event-queue-model/${arity}`);
  const queue = new EventQueue(4, arity);
  const model = new SortedArrayModel();
  let issued = 0;
  let checks = 0;
  for (let op = 0; op < operations; op++) {
    // Alternate growing and shrinking phases so the heap both grows large and runs empty.
    const pushShare = Math.floor(op / 2000) % 2 === 0 ? 0.6 : 0.3;
    const u = rng.next();
    if (u < pushShare) {
      const entry = { time: drawTime(rng), id: issued, kind: Math.floor(rng.next() * 5), target: op };
      agree('push', op, queue.push(entry.time, entry.kind, entry.target), issued++);
      model.push(entry);
    } else if (u < 0.85 || op < cancelsFrom) {
      const expected = model.entries.shift();
      const got = queue.pop();
      agree('pop', op, got, expected !== undefined);
      if (expected !== undefined) {
        const actual = { time: queue.poppedTime, id: queue.poppedId, kind: queue.poppedKind, target: queue.poppedTarget };
        agree('popped event', op, actual, expected);
      }
    } else if (u < 0.95) {
      const id = Math.floor(rng.next() * (issued + 3)) - 1;
      agree(`cancel(${id})`, op, queue.cancel(id), model.cancel(id));
    } else {
      agree('peekTime', op, queue.peekTime(), model.entries[0]?.time ?? Infinity);
    }
    agree('size', op, queue.size, model.entries.length);
    if (op % 5000 === 0) queue.verify();
    checks++;
  }
  queue.verify();
  while (queue.pop()) agree('final pop', operations, queue.poppedId, model.entries.shift()?.id);
  agree('final size', operations, model.entries.length, 0);
  return checks;
}

describe('EventQueue against a sorted-array model', () => {
  it.each([4, 2, 8])('agrees over 10⁵ seeded operations with arity %i', (arity) => {
    expect(exercise(arity, 100_000, 0, 1)).toBe(100_000);
  });

  it('agrees when the first cancel comes after 3·10⁴ operations (live-id tracking starts mid-run)', () => {
    expect(exercise(4, 60_000, 30_000, 2)).toBe(60_000);
  });
});
