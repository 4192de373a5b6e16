// resolvePrices: region, overrides, discount, and the errors for bad input.
import { describe, expect, it } from 'vitest';
import { CatalogError, PRICE_KEYS, resolvePrices, type PriceKey } from '../../src/catalog/index.js';

describe('resolvePrices', () => {
  it('covers every price key: 16 Standard, 7 Express, 12 others', () => {
    expect(PRICE_KEYS).toHaveLength(35);
    expect(Object.keys(resolvePrices({ region: 'us-east-1' }).prices)).toEqual(PRICE_KEYS);
  });

  it('us-east-1 list prices from the sources, tiered retrieval null', () => {
    const { prices, regionPriced } = resolvePrices({ region: 'us-east-1' });
    expect(regionPriced).toBe(true);
    expect(prices['kafka.m5.large'].usd).toBe(0.21);
    expect(prices['storage.gbMonth'].usd).toBe(0.1);
    expect(prices['provisionedThroughput.mibpsMonth'].usd).toBe(0.08);
    expect(prices['tiered.gbMonth'].usd).toBe(0.06);
    expect(prices['tiered.retrievalGb'].usd).toBeNull();
    expect(prices['serverless.clusterHour'].usd).toBe(0.75);
    expect(prices['serverless.partitionHour'].usd).toBe(0.0015);
    expect(prices['express.dataWrittenGb'].usd).toBe(0.01);
    expect(prices['crossAz.gb'].usd).toBe(0.02);
  });

  it('another region: every price null, saying where to supply it; not an error', () => {
    const resolved = resolvePrices({ region: 'eu-west-1' });
    expect(resolved.regionPriced).toBe(false);
    for (const key of PRICE_KEYS) {
      expect(resolved.prices[key].usd).toBeNull();
      expect(resolved.prices[key].source).toMatch(/eu-west-1.*overrides/);
    }
  });

  it('an override replaces the list price and names itself as the source', () => {
    const resolved = resolvePrices({ region: 'eu-west-1', overrides: { 'kafka.m5.large': 0.236 } });
    expect(resolved.prices['kafka.m5.large']).toEqual({
      usd: 0.236,
      source: 'scenario pricing override',
      listUsd: null,
      overridden: true,
    });
  });

  it('a 10 % discount applies to every price, overridden or not, exactly in decimal; null stays null', () => {
    const { prices } = resolvePrices({ region: 'us-east-1', discountPct: 10, overrides: { 'storage.gbMonth': 0.12 } });
    expect(prices['kafka.m5.large'].usd).toBe(0.189); // 0.21 × 0.9, not 0.18899999999999997
    expect(prices['kafka.m5.large'].listUsd).toBe(0.21);
    expect(prices['storage.gbMonth'].usd).toBe(0.108); // 0.12 × 0.9
    expect(prices['crossAz.gb'].usd).toBe(0.018);
    expect(prices['tiered.retrievalGb'].usd).toBeNull();
    expect(prices['kafka.m5.large'].source).toMatch(/less 10 % discount/);
  });

  it('rejects an unknown key, listing the valid ones', () => {
    const overrides = { 'kafka.m5.huge': 1 } as Partial<Record<PriceKey, number>>;
    expect(() => resolvePrices({ region: 'us-east-1', overrides })).toThrow(CatalogError);
    expect(() => resolvePrices({ region: 'us-east-1', overrides })).toThrow(/unknown price key "kafka.m5.huge".*crossAz\.gb/);
  });

  it('rejects a negative or non-finite price', () => {
    expect(() => resolvePrices({ region: 'us-east-1', overrides: { 'crossAz.gb': -0.01 } })).toThrow(/non-negative/);
    expect(() => resolvePrices({ region: 'us-east-1', overrides: { 'crossAz.gb': Number.NaN } })).toThrow(CatalogError);
  });

  it.each([-1, 100, 150, Number.NaN])('rejects discountPct %d (must be in [0, 100))', (discountPct) => {
    expect(() => resolvePrices({ region: 'us-east-1', discountPct })).toThrow(CatalogError);
  });

  it('accepts a zero price and a 99.5 % discount', () => {
    const { prices } = resolvePrices({ region: 'us-east-1', discountPct: 99.5, overrides: { 'crossAz.gb': 0 } });
    expect(prices['crossAz.gb'].usd).toBe(0);
    expect(prices['kafka.m5.24xlarge'].usd).toBe(0.0504); // 10.08 × 0.005
  });

  it('rejects an empty region', () => {
    expect(() => resolvePrices({ region: '' })).toThrow(CatalogError);
  });
});
