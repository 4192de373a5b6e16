import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/index.js';

function drain(queue: EventQueue): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  while (queue.pop()) out.push([queue.poppedTime, queue.poppedKind, queue.poppedTarget, queue.poppedId]);
  return out;
}

describe('EventQueue ordering', () => {
  it('pops by time, and same-time events in insertion order', () => {
    const queue = new EventQueue(2);
    queue.push(5, 0, 1);
    queue.push(3, 1, 2);
    queue.push(5, 2, 3);
    queue.push(3, 3, 4);
    queue.push(5, 4, 5);
    queue.push(0, 5, 6);
    expect(drain(queue)).toEqual([
      [0, 5, 6, 5],
      [3, 1, 2, 1],
      [3, 3, 4, 3],
      [5, 0, 1, 0],
      [5, 2, 3, 2],
      [5, 4, 5, 4],
    ]);
  });

  it('keeps FIFO among a thousand equal times across growth', () => {
    const queue = new EventQueue(1);
    for (let i = 0; i < 1000; i++) queue.push(7, 0, i);
    queue.verify();
    expect(drain(queue).map(([, , target]) => target)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it.each([2, 4, 8, 16])('orders the same way with arity %i', (arity) => {
    const queue = new EventQueue(4, arity);
    const times = [4, 1, 4, 2, 9, 1, 0, 4, 2, 2, 7, 1];
    times.forEach((t, i) => queue.push(t, 0, i));
    const expected = times.map((t, i) => [t, i]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!).map(([, i]) => i);
    expect(drain(queue).map(([, , target]) => target)).toEqual(expected);
  });

  it('reports Infinity and false when empty', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Infinity);
    expect(queue.pop()).toBe(false);
    expect(queue.size).toBe(0);
  });

  it('rejects non-finite times and bad construction parameters', () => {
    const queue = new EventQueue();
    expect(() => queue.push(NaN, 0, 0)).toThrow(RangeError);
    expect(() => queue.push(Infinity, 0, 0)).toThrow(RangeError);
    expect(() => new EventQueue(0)).toThrow(RangeError);
    expect(() => new EventQueue(8, 3)).toThrow(/arity/);
  });
});
