// Turns the list prices of a region, the scenario's overrides and its discount into the one set
// of unit prices a bill uses.
//
// Order: override, then discount. An override replaces the list price (it is a list price the
// user knows, e.g. for a region our sources do not cover); the discount then applies to every
// price, overridden or not, including data transfer — it models a blanket percentage such as an
// enterprise discount. A user whose override is already net of discount sets discountPct 0, or
// overrides every price and leaves the discount out. A null price (not published, not
// overridden) stays null: bills list it as missing instead of guessing.
import { CatalogError } from './catalog-error.js';
import { percentOff } from './decimal.js';
import { HOURS_PER_MONTH, listPrice, PRICED_REGIONS } from './list-prices.js';
import { isPriceKey, PRICE_KEYS, type PriceKey } from './price-keys.js';

export interface PricingOptions {
  region: string;
  overrides?: Partial<Record<PriceKey, number>>;
  /** Percentage off every price, in [0, 100). */
  discountPct?: number;
}

export interface ResolvedPrice {
  /** USD per the key's unit after override and discount; null when no price is known. */
  readonly usd: number | null;
  readonly source: string;
  /** The catalog list price before override and discount. */
  readonly listUsd: number | null;
  readonly overridden: boolean;
}

export interface ResolvedPrices {
  readonly region: string;
  /** False when the catalog has no prices for the region (all must come from overrides). */
  readonly regionPriced: boolean;
  readonly discountPct: number;
  readonly hoursPerMonth: number;
  readonly prices: Readonly<Record<PriceKey, ResolvedPrice>>;
}

const OVERRIDE_SOURCE = 'scenario pricing override';

function checkDiscount(discountPct: number): void {
  if (!Number.isFinite(discountPct) || discountPct < 0 || discountPct >= 100) {
    throw new CatalogError(`discountPct must be a percentage in [0, 100), got ${String(discountPct)}`);
  }
}

function checkOverrides(overrides: Readonly<Record<string, unknown>>): void {
  for (const [key, usd] of Object.entries(overrides)) {
    if (!isPriceKey(key)) {
      throw new CatalogError(`unknown price key "${key}" in pricing overrides; valid keys: ${PRICE_KEYS.join(', ')}`);
    }
    if (usd === undefined) continue; // an absent override, as Partial<> allows
    if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0) {
      throw new CatalogError(`price override "${key}" must be a non-negative number of USD, got ${String(usd)}`);
    }
  }
}

function resolveOne(key: PriceKey, options: PricingOptions, discountPct: number): ResolvedPrice {
  const list = listPrice(key, options.region);
  if (list.value !== null && list.value < 0) throw new Error(`catalog bug: negative list price for ${key}`);
  const override = options.overrides?.[key];
  const base = override ?? list.value;
  const baseSource = override === undefined ? list.source : OVERRIDE_SOURCE;
  if (base === null || discountPct === 0) {
    return { usd: base, source: baseSource, listUsd: list.value, overridden: override !== undefined };
  }
  return {
    usd: percentOff(base, discountPct),
    source: `${baseSource}; less ${discountPct} % discount`,
    listUsd: list.value,
    overridden: override !== undefined,
  };
}

/** Unit prices for a region after overrides and discount; throws CatalogError on bad input. */
export function resolvePrices(options: PricingOptions): ResolvedPrices {
  if (typeof options.region !== 'string' || options.region.trim() === '') {
    throw new CatalogError('region must be a non-empty AWS region name such as "us-east-1"');
  }
  const discountPct = options.discountPct ?? 0;
  checkDiscount(discountPct);
  checkOverrides(options.overrides ?? {});
  const prices = {} as Record<PriceKey, ResolvedPrice>;
  for (const key of PRICE_KEYS) prices[key] = resolveOne(key, options, discountPct);
  return {
    region: options.region,
    regionPriced: PRICED_REGIONS.includes(options.region),
    discountPct,
    hoursPerMonth: HOURS_PER_MONTH.value,
    prices,
  };
}
