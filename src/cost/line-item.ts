// One line of a bill: quantity × unit price = amount, with the unit price's source (DESIGN
// §3.7). Amounts are exact: quantity × price is computed in decimal and rounded half-to-even
// to an integer number of micro-dollars, so 3 × 0.21 × 730 is 459.90 exactly, not
// 459.90000000000003, and totals are integer sums.
import { multiplyToMicro, type PriceKey, type ResolvedPrices } from '../catalog/index.js';

export interface LineItem {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  /** Null when the price is not known for the region and not overridden. */
  readonly unitPriceUsd: number | null;
  readonly amountUsd: number | null;
  /** The exact amount; amountUsd is this ÷ 10⁶. */
  readonly amountMicroUsd: number | null;
  readonly source: string;
  /** The price key to override to change this line's price; null for free lines. */
  readonly priceKey: PriceKey | null;
}

export function checkQuantity(item: string, quantity: number): void {
  if (!Number.isFinite(quantity) || quantity < 0) {
    throw new RangeError(`usage quantity for "${item}" must be a finite number ≥ 0, got ${String(quantity)}`);
  }
}

function toSafeMicro(item: string, micro: bigint): number {
  const value = Number(micro);
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount for "${item}" is too large to bill exactly`);
  return value;
}

export function pricedLine(item: string, quantity: number, unit: string, key: PriceKey, prices: ResolvedPrices): LineItem {
  checkQuantity(item, quantity);
  const price = prices.prices[key];
  if (price.usd === null) {
    return { item, quantity, unit, unitPriceUsd: null, amountUsd: null, amountMicroUsd: null, source: price.source, priceKey: key };
  }
  const amountMicroUsd = toSafeMicro(item, multiplyToMicro(quantity, price.usd));
  return {
    item,
    quantity,
    unit,
    unitPriceUsd: price.usd,
    amountUsd: amountMicroUsd / 1e6,
    amountMicroUsd,
    source: price.source,
    priceKey: key,
  };
}

/** A line that costs nothing by AWS's pricing, shown so the report says so. */
export function freeLine(item: string, quantity: number, unit: string, source: string): LineItem {
  checkQuantity(item, quantity);
  return { item, quantity, unit, unitPriceUsd: 0, amountUsd: 0, amountMicroUsd: 0, source, priceKey: null };
}
