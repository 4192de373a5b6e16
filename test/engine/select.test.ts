import fc from 'fast-check';
import { quickselect } from 'd3-array';
import { describe, expect, it } from 'vitest';
import { selectInPlace } from '../../src/engine/select.js';

// Values with many ties (small integers) and wide ones, long enough to take the Floyd–Rivest
// sampling step (> 600 elements) as well as the plain partition.
const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 3000 });

describe('selectInPlace', () => {
  it('leaves the array exactly as d3-array quickselect does', () => {
    fc.assert(
      fc.property(values, fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const ours = Float64Array.from(xs);
        const theirs = Array.from(xs);
        selectInPlace(ours, k);
        quickselect(theirs, k);
        expect(Array.from(ours)).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the k-th smallest value at k with no larger value before it and no smaller after', () => {
    fc.assert(
      fc.property(values, fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const a = Float64Array.from(xs);
        selectInPlace(a, k);
        const sorted = Float64Array.from(xs).sort();
        expect(a[k]).toBe(sorted[k]);
        for (let i = 0; i < k; i++) expect(a[i]!).toBeLessThanOrEqual(a[k]!);
        for (let i = k + 1; i < a.length; i++) expect(a[i]!).toBeGreaterThanOrEqual(a[k]!);
      }),
      { numRuns: 300 },
    );
  });
});
