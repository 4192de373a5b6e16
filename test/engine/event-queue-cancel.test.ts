import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/index.js';

function targets(queue: EventQueue): number[] {
  const out: number[] = [];
  while (queue.pop()) out.push(queue.poppedTarget);
  return out;
}

describe('EventQueue.cancel', () => {
  it('removes an event before it pops', () => {
    const queue = new EventQueue();
    const a = queue.push(1, 0, 10);
    queue.push(2, 0, 20);
    queue.push(3, 0, 30);
    expect(queue.cancel(a)).toBe(true);
    expect(queue.size).toBe(2);
    expect(queue.peekTime()).toBe(2);
    expect(targets(queue)).toEqual([20, 30]);
  });

  it('returns false the second time', () => {
    const queue = new EventQueue();
    const a = queue.push(1, 0, 10);
    expect(queue.cancel(a)).toBe(true);
    expect(queue.cancel(a)).toBe(false);
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBe(false);
  });

  it('returns false for an id already popped, even after tracking starts', () => {
    const queue = new EventQueue();
    const a = queue.push(1, 0, 10);
    const b = queue.push(2, 0, 20);
    expect(queue.pop()).toBe(true);
    expect(queue.poppedId).toBe(a);
    expect(queue.cancel(a)).toBe(false);
    expect(queue.cancel(b)).toBe(true);
    expect(queue.cancel(a)).toBe(false);
    expect(queue.pop()).toBe(false);
  });

  it('returns false for ids never issued', () => {
    const queue = new EventQueue();
    queue.push(1, 0, 0);
    for (const id of [-1, 1, 2, 0.5, NaN, Infinity]) expect(queue.cancel(id)).toBe(false);
    expect(queue.size).toBe(1);
  });

  it('cancels a middle event among equal times without disturbing FIFO order', () => {
    const queue = new EventQueue();
    const ids = [0, 1, 2, 3, 4].map((i) => queue.push(5, 0, i));
    queue.cancel(ids[2]!);
    expect(targets(queue)).toEqual([0, 1, 3, 4]);
  });

  it('purges dead entries once they outnumber live ones, keeping every invariant', () => {
    const queue = new EventQueue(8);
    const ids: number[] = [];
    for (let i = 0; i < 1000; i++) ids.push(queue.push(1000 - i, 0, i));
    for (let i = 0; i < 1000; i += 4) expect(queue.cancel(ids[i]!)).toBe(true);
    queue.verify();
    for (let i = 1; i < 1000; i += 4) queue.cancel(ids[i]!);
    for (let i = 2; i < 1000; i += 4) queue.cancel(ids[i]!);
    queue.verify();
    expect(queue.size).toBe(250);
    const expected = Array.from({ length: 250 }, (_, k) => 999 - 4 * k);
    expect(targets(queue)).toEqual(expected);
    queue.verify();
  });

  it('keeps ids valid when a long-lived event pins the live window', () => {
    const queue = new EventQueue(4);
    const pinned = queue.push(1e9, 0, -1);
    queue.cancel(queue.push(0, 0, 0));
    let now = 0;
    let popped = 0;
    for (let i = 0; i < 50_000; i++) {
      queue.push(now + 1, 0, i);
      if (queue.pop()) popped++;
      now = queue.poppedTime;
    }
    queue.verify();
    expect(popped).toBe(50_000);
    expect(queue.cancel(pinned)).toBe(true);
    expect(queue.size).toBe(0);
  });
});
