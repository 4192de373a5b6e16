// Walks the whole catalog and fails on any value that does not sit inside a Sourced with a
// non-empty source (DESIGN §1: "data with a source on every value").
import { describe, expect, it } from 'vitest';
import { CATALOG, catalogDocument } from '../../src/catalog/index.js';

function isSourcedShape(node: object): boolean {
  return 'value' in node && 'source' in node;
}

/** Paths of values without a source, and of sourced values with an empty source or note. */
function unsourced(node: unknown, path: string): string[] {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    if (isSourcedShape(node)) {
      const { source, note, ...rest } = node as { source: unknown; note?: unknown; value: unknown };
      const problems: string[] = [];
      if (typeof source !== 'string' || source.trim() === '') problems.push(`${path}: empty source`);
      if (note !== undefined && (typeof note !== 'string' || note.trim() === '')) problems.push(`${path}: empty note`);
      const extra = Object.keys(rest).filter((k) => k !== 'value');
      if (extra.length > 0) problems.push(`${path}: unexpected keys ${extra.join(', ')}`);
      return problems;
    }
    return Object.entries(node).flatMap(([key, child]) => unsourced(child, `${path}.${key}`));
  }
  return [`${path}: value ${JSON.stringify(node)} has no source`];
}

describe('every catalog value carries a source', () => {
  it('holds for the CATALOG object', () => {
    expect(unsourced(CATALOG, 'CATALOG')).toEqual([]);
  });

  it('holds for the catalog as printed by --json, after a JSON round trip', () => {
    const doc = JSON.parse(JSON.stringify(catalogDocument('us-east-1'))) as { catalog: unknown };
    expect(unsourced(doc.catalog, 'catalog')).toEqual([]);
  });

  it('the walker itself flags a bare value and an empty source (a test that cannot fail is a defect)', () => {
    expect(unsourced({ a: { value: 1, source: 'page' }, b: 2 }, 'x')).toEqual(['x.b: value 2 has no source']);
    expect(unsourced({ a: { value: 1, source: ' ' } }, 'x')).toEqual(['x.a: empty source']);
  });

  it('every resolved price in the document has a source, priced or not', () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const prices = Object.entries(catalogDocument(region).resolvedPrices.prices);
      expect(prices.length).toBe(35);
      for (const [key, price] of prices) expect(price.source.trim(), key).not.toBe('');
    }
  });
});
