// A bill: its lines, the exact total, and the lines that could not be priced. A missing price
// is said plainly and left out of the total rather than guessed (null stays null).
import type { ResolvedPrices } from '../catalog/index.js';
import type { LineItem } from './line-item.js';

export interface Bill {
  readonly region: string;
  readonly lines: readonly LineItem[];
  readonly totalUsd: number;
  /** Σ of the priced lines' amountMicroUsd, an integer. */
  readonly totalMicroUsd: number;
  /** Items whose price is null; the total excludes them. */
  readonly missingPrices: readonly string[];
  readonly discountPct: number;
}

/** Lines with zero quantity are dropped unless `keep` says otherwise (broker-hours are always kept). */
export function assembleBill(lines: readonly LineItem[], prices: ResolvedPrices, keep: (line: LineItem) => boolean): Bill {
  const shown = lines.filter((line) => line.quantity > 0 || keep(line));
  let totalMicroUsd = 0;
  const missingPrices: string[] = [];
  for (const line of shown) {
    if (line.amountMicroUsd === null) missingPrices.push(`${line.item} (no price for ${prices.region}: set pricing override "${String(line.priceKey)}")`);
    else totalMicroUsd += line.amountMicroUsd;
  }
  if (!Number.isSafeInteger(totalMicroUsd)) throw new RangeError('bill total is too large to sum exactly');
  // Invariant (STYLE habit 3): the total is the sum of the lines, recomputed independently.
  const check = shown.reduce((sum, line) => sum + BigInt(line.amountMicroUsd ?? 0), 0n);
  if (check !== BigInt(totalMicroUsd)) throw new Error('cost bug: bill total differs from the sum of its lines');
  return {
    region: prices.region,
    lines: shown,
    totalUsd: totalMicroUsd / 1e6,
    totalMicroUsd,
    missingPrices,
    discountPct: prices.discountPct,
  };
}
