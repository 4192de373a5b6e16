// Display rounding to cents, half to even, with thousands separators.
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../src/cost/index.js';

describe('formatUsd', () => {
  it.each([
    [759.9, '$759.90'],
    [29_433.6, '$29,433.60'],
    [66.576, '$66.58'], // Infracost: 2 × t3.small × 730 h × 0.0456
    [0, '$0.00'],
    [0.005, '$0.00'],
    [0.015, '$0.02'],
    [1_234_567.891, '$1,234,567.89'],
    [-1234.5, '-$1,234.50'],
  ])('%d → %s', (amount, text) => {
    expect(formatUsd(amount)).toBe(text);
  });
});
