// Exact decimal arithmetic: hand-worked cases, half-to-even rounding, and a seeded property
// test against integer arithmetic (the naive model that is exact by construction).
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { divideRoundHalfEven, multiplyExact, multiplyToMicro, percentOff, toDecimal } from '../../src/catalog/index.js';

describe('toDecimal', () => {
  it.each([
    [0.21, 21n, 2],
    [730, 730n, 0],
    [1e-7, 1n, 7],
    [1.5e21, 1500000000000000000000n, 0],
    [-0.5, -5n, 1],
  ] as const)('%d → %s × 10^-%d', (x, units, scale) => {
    expect(toDecimal(x)).toEqual({ units, scale });
  });

  it('rejects non-finite numbers', () => {
    expect(() => toDecimal(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('rounding half to even', () => {
  it.each([
    [5n, 10n, 0n],
    [15n, 10n, 2n],
    [25n, 10n, 2n],
    [26n, 10n, 3n],
    [-25n, 10n, -2n],
    [-26n, 10n, -3n],
  ] as const)('%s / %s = %s', (n, d, q) => {
    expect(divideRoundHalfEven(n, d)).toBe(q);
  });
});

describe('multiplyToMicro', () => {
  it('3 × 0.21 × 730: 2190 broker-hours at $0.21 is exactly $459.90', () => {
    expect(multiplyToMicro(2190, 0.21)).toBe(459_900_000n);
  });

  it('1190 broker-hours at $0.42 is exactly $499.80, where the float product is not', () => {
    expect(1190 * 0.42).toBe(499.79999999999995); // why this module exists
    expect(multiplyToMicro(1190, 0.42)).toBe(499_800_000n);
  });

  it('rounds to the micro-dollar half to even', () => {
    expect(multiplyToMicro(0.0000005, 1)).toBe(0n);
    expect(multiplyToMicro(0.0000015, 1)).toBe(2n);
  });

  it('matches integer arithmetic for random cent prices and quantities (seeded)', () => {
    const random = seedrandom('msksim-decimal');
    for (let i = 0; i < 2000; i++) {
      const cents = Math.floor(random() * 100_000); // up to $1,000.00
      const quantity = Math.floor(random() * 10_000_000) / 1000; // three decimals
      const expected = BigInt(Math.round(quantity * 1000)) * BigInt(cents) * 10n; // q·1000 × c × 10⁶/(1000·100)
      expect(multiplyToMicro(quantity, cents / 100)).toBe(expected);
    }
  });
});

describe('multiplyExact and percentOff', () => {
  it('0.937 Gbps × 125 = 117.125 MiB/s exactly', () => {
    expect(multiplyExact(0.937, 125)).toBe(117.125);
  });

  it('0.21 less 10 % is 0.189; 0.0456 less 12.5 % is 0.0399', () => {
    expect(percentOff(0.21, 10)).toBe(0.189);
    expect(percentOff(0.0456, 12.5)).toBe(0.0399);
    expect(percentOff(0.21, 0)).toBe(0.21);
  });
});
