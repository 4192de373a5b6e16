// The catalog as one JSON-ready document for a region: every fact with its source, the prices
// resolved for the region, and the assumptions with their defaults. Key order is fixed by
// construction (the catalog modules are static data), so the same region always gives the
// same bytes.
import { CATALOG } from './catalog.js';
import { PRICED_REGIONS } from './list-prices.js';
import { PRICE_KEYS, priceUnit, type PriceKey } from './price-keys.js';
import { resolvePrices } from './resolve-prices.js';
import { resolveAssumptions, type ResolvedAssumption } from './resolve-assumptions.js';

export interface DocumentPrice {
  readonly usd: number | null;
  readonly unit: string;
  readonly source: string;
}

export interface CatalogDocument {
  readonly region: string;
  readonly regionPriced: boolean;
  /** Set when the region has no prices in the catalog: what the user should do about it. */
  readonly regionNote: string | null;
  readonly catalog: typeof CATALOG;
  readonly resolvedPrices: { readonly discountPct: number; readonly prices: Readonly<Record<PriceKey, DocumentPrice>> };
  readonly assumptions: readonly ResolvedAssumption[];
}

export function unpricedRegionNote(region: string): string {
  return (
    `No prices for region "${region}" in the msksim catalog: our sources publish ${PRICED_REGIONS.join(', ')} only. ` +
    'Broker capacities and quotas still apply; supply the prices via pricing overrides in the scenario ' +
    `(keys such as kafka.m5.large, storage.gbMonth, crossAz.gb; all keys: msksim catalog --json).`
  );
}

export function catalogDocument(region: string): CatalogDocument {
  const resolved = resolvePrices({ region });
  const prices = {} as Record<PriceKey, DocumentPrice>;
  for (const key of PRICE_KEYS) {
    const price = resolved.prices[key];
    prices[key] = { usd: price.usd, unit: priceUnit(key), source: price.source };
  }
  return {
    region,
    regionPriced: resolved.regionPriced,
    regionNote: resolved.regionPriced ? null : unpricedRegionNote(region),
    catalog: CATALOG,
    resolvedPrices: { discountPct: resolved.discountPct, prices },
    assumptions: resolveAssumptions().entries,
  };
}
