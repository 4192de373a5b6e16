// Exact decimal arithmetic for prices. A price like $0.21 has no exact binary value, so the float
// product 3 × 0.21 × 730 is 459.90000000000003, not 459.90. Each number is read as the decimal
// the user wrote (JavaScript's shortest round-trip form, String(x)), multiplied exactly with
// BigInt, and rounded once, half-to-even, at the end — the way a bill is computed by hand.

/** value = units / 10^scale, with scale ≥ 0. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_FORM = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;
const MICRO_SCALE = 6;

export function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`expected a finite number, got ${String(x)}`);
  const match = DECIMAL_FORM.exec(String(x));
  if (match === null) throw new RangeError(`cannot read ${String(x)} as a decimal`);
  const negative = match[1] === '-';
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? '';
  const exponent = Number(match[4] ?? '0');
  let units = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: negative ? -units : units, scale };
}

/** n / d rounded half-to-even (banker's rounding), d > 0. */
export function divideRoundHalfEven(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  let quotient = n / d; // truncates toward zero
  const remainder = n % d;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n !== 0n)) {
    quotient += n < 0n ? -1n : 1n;
  }
  return quotient;
}

/** The decimal expressed with `scale` fractional digits, rounding half-to-even if digits are dropped. */
export function rescale(x: Decimal, scale: number): bigint {
  if (scale >= x.scale) return x.units * 10n ** BigInt(scale - x.scale);
  return divideRoundHalfEven(x.units, 10n ** BigInt(x.scale - scale));
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** The nearest double to the decimal; exact decimals of up to 15 digits read back unchanged. */
export function decimalToNumber(x: Decimal): number {
  return Number(`${x.units}e-${x.scale}`);
}

/** round-half-even(a × b × 10⁶): an amount in integer micro-dollars. */
export function multiplyToMicro(a: number, b: number): bigint {
  return rescale(multiply(toDecimal(a), toDecimal(b)), MICRO_SCALE);
}

/** a × b computed exactly in decimal, returned as the nearest double (0.937 × 125 = 117.125). */
export function multiplyExact(a: number, b: number): number {
  return decimalToNumber(multiply(toDecimal(a), toDecimal(b)));
}

/** x × (100 − pct) / 100 computed exactly in decimal (0.21 less 10 % = 0.189, not 0.18899999999999997). */
export function percentOff(x: number, pct: number): number {
  const p = toDecimal(pct);
  const remainingPct: Decimal = { units: 100n * 10n ** BigInt(p.scale) - p.units, scale: p.scale };
  const product = multiply(toDecimal(x), remainingPct);
  return decimalToNumber({ units: product.units, scale: product.scale + 2 });
}
