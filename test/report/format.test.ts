// Numbers as the human-readable reports print them.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatLatencyMs } from '../../src/report/format.js';

describe('formatLatencyMs: from 10 s on, a unit a reader takes in at a glance', () => {
  it.each([
    [10_000, '10.0 s'],
    [599_940, '599.9 s'],
    [600_000, '10.0 min'],
    [3_149_675, '52.5 min'],
    [7_200_000, '2.00 h'],
    [86_400_000, '24.00 h'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatLatencyMs(ms)).toBe(text);
  });
});

describe('formatBytes: binary units', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KiB'],
    [240 * 2 ** 30, '240 GiB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
