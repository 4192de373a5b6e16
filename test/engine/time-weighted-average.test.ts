import { describe, expect, it } from 'vitest';
import { TimeWeightedAverage } from '../../src/engine/index.js';

describe('TimeWeightedAverage', () => {
  it('integrates a step function (worked by hand)', () => {
    // Level 2 on [10, 14), 5 on [14, 15), 0 on [15, 20): area 8 + 5 + 0 = 13 over 10.
    const avg = new TimeWeightedAverage(10, 2);
    avg.update(14, 5);
    avg.update(15, 0);
    expect(avg.mean(20)).toBeCloseTo(1.3, 12);
    expect(avg.mean(15)).toBeCloseTo(13 / 5, 12);
    expect(avg.value).toBe(0);
    expect(avg.max).toBe(5);
  });

  it('takes several updates at one instant as a jump, and the current value on an empty interval', () => {
    const avg = new TimeWeightedAverage(0, 1);
    expect(avg.mean(0)).toBe(1);
    avg.update(0, 7);
    avg.update(0, 3);
    avg.update(2, 1);
    expect(avg.mean(2)).toBe(3);
    expect(avg.max).toBe(7);
  });

  it('stays exact over a million small steps (Adder summation)', () => {
    const avg = new TimeWeightedAverage(0, 0.1);
    for (let i = 1; i <= 1_000_000; i++) avg.update(i * 0.001, 0.1);
    expect(avg.mean(1000)).toBe(0.1);
  });

  it('rejects time going backwards and non-finite input', () => {
    const avg = new TimeWeightedAverage(5, 0);
    expect(() => avg.update(4, 1)).toThrow(RangeError);
    expect(() => avg.update(6, NaN)).toThrow(RangeError);
    avg.update(6, 1);
    expect(() => avg.mean(5.5)).toThrow(RangeError);
    expect(() => new TimeWeightedAverage(NaN, 0)).toThrow(RangeError);
  });
});
