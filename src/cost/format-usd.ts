// Display of an amount in dollars and cents. Only display rounds to cents (half-to-even, like
// the micro-dollar amounts); bills keep micro-dollars.
import { rescale, toDecimal } from '../catalog/index.js';

export function formatUsd(amountUsd: number): string {
  const cents = rescale(toDecimal(amountUsd), 2);
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}$${dollars}.${rest}`;
}
