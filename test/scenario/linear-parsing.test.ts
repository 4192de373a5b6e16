// Rejecting a quantity costs time linear in its length at worst, whatever it holds. The unit
// parsers once matched `^(?:(\d+…(?:[eE]\d+)?) ?[a-z]+)+$`, where an "e" could be an exponent or
// a unit, so "1e1e1e…!" had exponentially many ways to fail: 30 characters took 21.6 s. Costs
// are compared between two sizes, 10 kB and 250 B, each the median of several timed batches,
// never against an absolute time (the machine's speed cancels out). Linear work is 40× here;
// the old regular expressions were past any bound.
import { describe, expect, it } from 'vitest';
import { splitDurationParts, splitNumberUnit, splitPercent } from '../../src/scenario/scan.js';
import { parseDuration, parsePercent, parseRate, parseSize, UNIT_PATTERNS } from '../../src/scenario/units.js';

const SMALL = 250;
const LARGE = 10_000;

/** Strings of about `n` characters that are almost quantities, each failing at its last character. */
const ADVERSARIAL: Readonly<Record<string, (n: number) => string>> = {
  'exponent or unit': (n) => `${'1e'.repeat(n / 2 - 1)}1!`,
  'exponent runs': (n) => `${'1e1'.repeat(Math.floor(n / 3))}e!`,
  'duration parts': (n) => `${'1s'.repeat(n / 2 - 1)}1!`,
  'spaced parts': (n) => `${'1 m'.repeat(Math.floor(n / 3))}!`,
  digits: (n) => `${'1'.repeat(n - 2)}x!`,
  'long unit': (n) => `1${'a'.repeat(n - 2)}!`,
  'fraction digits': (n) => `1.${'5'.repeat(n - 4)}%!`,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Milliseconds on the monotonic clock: this test times code, it simulates nothing. */
function now(): number {
  // eslint-disable-next-line no-restricted-properties -- a timing comparison, not simulation code
  return performance.now();
}

/** Median time of `runs` batches of `batch` calls (after one warm-up batch). */
function cost(run: () => unknown, runs = 9, batch = 20): number {
  for (let i = 0; i < batch; i++) run();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = now();
    for (let i = 0; i < batch; i++) run();
    times.push(now() - start);
  }
  // A batch too fast to time at all counts as the clock's resolution.
  return Math.max(median(times), 0.001);
}

function ratio(parse: (text: string) => unknown, shape: (n: number) => string): number {
  const small = shape(SMALL);
  const large = shape(LARGE);
  return cost(() => parse(large)) / cost(() => parse(small));
}

const PARSERS: Readonly<Record<string, (text: string) => { ok: boolean }>> = {
  parseSize: (t) => parseSize(t),
  parseRate: (t) => parseRate(t),
  parseDuration: (t) => parseDuration(t),
  parsePercent: (t) => parsePercent(t, 'reject'),
};

describe('rejecting a long quantity', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name}: 10 kB costs at most 40× 250 B, and is refused`, () => {
      for (const [shapeName, shape] of Object.entries(ADVERSARIAL)) {
        expect(parse(shape(LARGE)).ok, shapeName).toBe(false);
        expect(ratio(parse, shape), shapeName).toBeLessThanOrEqual(40);
      }
    });
  }

  it('still reads a long but valid compound duration up to the length limit', () => {
    expect(parseDuration('1w1d1h1m1s1ms'.repeat(4))).toEqual({ ok: true, value: 4 * (604_800 + 86_400 + 3600 + 60 + 1 + 0.001) });
  });
});

// The scanners themselves, below the parsers' length limit, and the JSON Schema patterns an
// editor matches: linear (40× here), where a backtracking blow-up would be thousands of times.
// The bound leaves room for allocation and collection noise in the 10 kB case.
const SCAN_BOUND = 200;

describe('scanning is linear', () => {
  const scanners: Readonly<Record<string, (text: string) => unknown>> = {
    splitNumberUnit,
    splitDurationParts,
    splitPercent,
  };
  for (const [name, scan] of Object.entries(scanners)) {
    it(`${name}: 10 kB costs at most ${SCAN_BOUND}× 250 B`, () => {
      for (const [shapeName, shape] of Object.entries(ADVERSARIAL)) {
        expect(scan(shape(LARGE)), shapeName).toBeUndefined();
        expect(ratio(scan, shape), shapeName).toBeLessThanOrEqual(SCAN_BOUND);
      }
    });
  }

  for (const [name, pattern] of Object.entries(UNIT_PATTERNS)) {
    it(`the JSON Schema ${name} pattern: 10 kB costs at most ${SCAN_BOUND}× 250 B`, () => {
      const regex = new RegExp(pattern);
      for (const [shapeName, shape] of Object.entries(ADVERSARIAL)) {
        expect(regex.test(shape(LARGE)), shapeName).toBe(false);
        expect(ratio((t) => regex.test(t), shape), shapeName).toBeLessThanOrEqual(SCAN_BOUND);
      }
    });
  }
});
