// Quantities with units as users write them in a scenario ("40MiB/s", "7d", "60%") and their
// conversion to msksim's one convention (bytes, seconds, fractions; callers turn bytes into
// MiB/GiB). Decimal prefixes are powers of 1000 (1 KB = 1000 B) and binary ones powers of 1024
// (1 KiB = 1024 B), as in IEC 80000-13: AWS quotes MSK throughput in MiB/s and storage in GiB,
// while network and GB-month prices are decimal, so both are needed and neither is guessed.
// Parsing never throws: errors are values carrying the message and the fix shown to the user.
import { quoted, shown, shownValue } from './display.js';
import { readIsoInstant } from './iso-time.js';
import { skipNumber, splitDurationParts, splitNumberUnit, splitPercent } from './scan.js';
import { suggest } from './suggest.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; fix: string };

export { BYTES_PER_MIB, BYTES_PER_GIB } from '../units.js';

export const SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
};

export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
};

export const RATE_UNITS = [...Object.keys(SIZE_UNITS).map((u) => `${u}/s`), 'msg/s'];

/** A number as in the JSON Schema patterns below (no sign; the parsers scan it by hand, scan.ts). */
const NUMBER = String.raw`(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?`;

/**
 * Regular expressions for the JSON Schema, so editors flag bad units while typing. msksim itself
 * does not match them (scan.ts reads values in linear time). Each is unambiguous — a unit
 * contains no digit and no "e", so a string splits into number and unit in one way only — and
 * so an editor's backtracking matcher is linear on them too (test/scenario/linear-parsing).
 */
export const UNIT_PATTERNS = {
  size: `^${NUMBER} ?(?:B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$`,
  rate: `^${NUMBER} ?(?:B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|msg)/s$`,
  duration: `^(?:${NUMBER} ?(?:ms|s|min|m|h|d|w))+$`,
  percent: String.raw`^-?(?:\d+(?:\.\d+)?|\.\d+) ?%$`,
} as const;

/**
 * Longest text read as a quantity. "1w2d3h4m5s6ms" is 13 characters; anything past this is not
 * a quantity, and is refused before it is scanned, so a 10 kB value costs no more than a short
 * one (the scan itself is linear, scan.ts).
 */
export const MAX_QUANTITY_CHARS = 64;

function tooLong<T>(what: string, text: string, example: string): Parsed<T> | undefined {
  if (text.length <= MAX_QUANTITY_CHARS) return undefined;
  return fail(`${what} ${quoted(text, 20)} is too long to be a ${what} (over ${MAX_QUANTITY_CHARS} characters)`, `write e.g. ${example}`);
}

/** A byte rate or a message rate; messages become bytes once the message size is known. */
export type Rate = { kind: 'bytes'; bytesPerS: number } | { kind: 'messages'; perS: number };

function fail<T>(message: string, fix: string): Parsed<T> {
  return { ok: false, message, fix };
}

/** The part of an example after its number: "40MiB/s" → "MiB/s". */
function unitOf(example: string): string {
  return example.slice(skipNumber(example, 0));
}

/** Splits "40 MiB/s" into 40 and "MiB/s"; rejects signs, non-numbers and overflow with a fix. */
function splitQuantity(value: unknown, what: string, example: string): Parsed<{ n: number; number: string; unit: string }> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(`${what} ${value} is not a finite number`, `write e.g. ${example}`);
    if (value < 0) return fail(`${what} must not be negative (got ${value})`, `write a value ≥ 0 with a unit, e.g. ${example}`);
    return fail(`${what} ${value} has no unit`, `write ${value}${unitOf(example)}`);
  }
  if (typeof value !== 'string') return fail(`${what} must be a string with a unit, got ${shownValue(value)}`, `write e.g. ${example}`);
  const text = value.trim();
  const long = tooLong<{ n: number; number: string; unit: string }>(what, text, example);
  if (long !== undefined) return long;
  if (text.startsWith('-')) return fail(`${what} must not be negative (got ${quoted(text)})`, `remove the minus sign, e.g. ${example}`);
  const split = splitNumberUnit(text);
  if (split === undefined) return fail(`${what} ${quoted(text)} is not a number followed by a unit`, `write e.g. ${example}`);
  const n = Number(split.number);
  if (!Number.isFinite(n)) return fail(`${what} ${quoted(text)} is too large`, `write e.g. ${example}`);
  if (split.unit === '') return fail(`${what} ${quoted(text)} has no unit`, `write ${shown(split.number)}${unitOf(example)}`);
  return { ok: true, value: { n, number: split.number, unit: split.unit } };
}

/** A product that overflowed (1e300TiB) is an error, never Infinity. */
function finite<T>(value: number, wrap: (v: number) => T, what: string, text: string, example: string): Parsed<T> {
  if (!Number.isFinite(value)) return fail(`${what} ${quoted(text)} is too large`, `write e.g. ${example}`);
  return { ok: true, value: wrap(value) };
}

/** Spelled-out units people write by habit, mapped to msksim's symbol. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  sec: 's', secs: 's', second: 's', seconds: 's', mins: 'min', minute: 'min', minutes: 'min',
  hr: 'h', hrs: 'h', hour: 'h', hours: 'h', day: 'd', days: 'd', week: 'w', weeks: 'w',
  msec: 'ms', millis: 'ms', 'msgs/s': 'msg/s', 'messages/s': 'msg/s',
};

function unknownUnit<T>(what: string, unit: string, known: readonly string[], n: string): Parsed<T> {
  const alias = Object.hasOwn(UNIT_ALIASES, unit.toLowerCase()) ? UNIT_ALIASES[unit.toLowerCase()] : undefined;
  if (alias !== undefined && known.includes(alias)) return fail(`${what} has an unknown unit ${quoted(unit)}`, `write ${shown(n)}${alias}`);
  if (unit.length < 16 && /bps$|bit/i.test(unit)) {
    return fail(`${what} unit ${quoted(unit)} is in bits; msksim uses bytes`, `divide by 8, e.g. 100Mbps = 12.5MB/s`);
  }
  const near = suggest(unit, known);
  const fix = near ? `write ${shown(n)}${near}` : `use one of ${known.join(', ')}`;
  return fail(`${what} has an unknown unit ${quoted(unit)}`, fix);
}

function factorOf(units: Readonly<Record<string, number>>, unit: string): number | undefined {
  return Object.hasOwn(units, unit) ? units[unit] : undefined;
}

/** "1KiB" → 1024 (bytes). */
export function parseSize(value: unknown, what = 'size', example = '1KiB'): Parsed<number> {
  // Kafka writes sizes in bytes (buffer.memory=33554432): a bare number is most likely that.
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
    return fail(`${what} ${value} has no unit`, `write ${value}B if it is in bytes, as Kafka's settings are, or e.g. ${example}`);
  }
  const q = splitQuantity(value, what, example);
  if (!q.ok) return q;
  const { n, number, unit } = q.value;
  const factor = factorOf(SIZE_UNITS, unit);
  if (factor === undefined && unit.endsWith('/s') && factorOf(SIZE_UNITS, unit.slice(0, -2)) !== undefined) {
    return fail(`${what} ${quoted(`${number}${unit}`)} is a rate, not a size`, `write ${shown(number)}${unit.slice(0, -2)}`);
  }
  if (factor === undefined) return unknownUnit(what, unit, Object.keys(SIZE_UNITS), number);
  return finite(n * factor, (v) => v, what, `${number}${unit}`, example);
}

/** "40MiB/s" → 40 × 2^20 bytes/s; "2000msg/s" → 2000 messages/s. */
export function parseRate(value: unknown, what = 'rate', example = '40MiB/s'): Parsed<Rate> {
  const q = splitQuantity(value, what, example);
  if (!q.ok) {
    // A bare number is the most common slip; name both spellings in the fix.
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      return fail(`${what} ${value} has no unit`, `write ${value}MiB/s, or ${value}msg/s for messages per second`);
    }
    return q;
  }
  const { n, number, unit } = q.value;
  if (unit === 'msg/s') return { ok: true, value: { kind: 'messages', perS: n } };
  const sizeUnit = unit.endsWith('/s') ? unit.slice(0, -2) : undefined;
  const factor = sizeUnit === undefined ? undefined : factorOf(SIZE_UNITS, sizeUnit);
  if (factor === undefined) {
    if (factorOf(SIZE_UNITS, unit) !== undefined) return fail(`${what} ${quoted(`${number}${unit}`)} is a size, not a rate`, `write ${shown(number)}${unit}/s`);
    return unknownUnit(what, unit, RATE_UNITS, number);
  }
  return finite(n * factor, (bytesPerS): Rate => ({ kind: 'bytes', bytesPerS }), what, `${number}${unit}`, example);
}

/** "7d" → 604800, "1h30m" → 5400 (seconds). Compound durations are summed. */
export function parseDuration(value: unknown, what = 'duration', example = '30s'): Parsed<number> {
  const text = typeof value === 'string' ? value.trim() : '';
  const long = tooLong<number>(what, text, example);
  if (long !== undefined) return long;
  const parts = text.startsWith('-') ? undefined : splitDurationParts(text);
  // One part, or a shape that is not a duration: the general quantity messages apply.
  if (parts === undefined || parts.length === 1) {
    const q = splitQuantity(value, what, example);
    if (!q.ok) return q;
    const factor = factorOf(DURATION_UNITS, q.value.unit);
    if (factor === undefined) return unknownUnit(what, q.value.unit, Object.keys(DURATION_UNITS), q.value.number);
    return finite(q.value.n * factor, (v) => v, what, text, example);
  }
  let total = 0;
  for (const part of parts) {
    if (part.unit === '') return fail(`${what} ${quoted(text)} has no unit after ${shown(part.number)}`, `write e.g. 1h30m`);
    const factor = factorOf(DURATION_UNITS, part.unit);
    if (factor === undefined) return unknownUnit(what, part.unit, Object.keys(DURATION_UNITS), part.number);
    total += Number(part.number) * factor;
  }
  return finite(total, (v) => v, what, text, example);
}

/**
 * "60%" → 0.6. A plain number is read as `plainNumbers` says: 'percent' for keys named
 * …Percent (60 → 0.6), 'fraction' for keys named …Fraction (0.6 → 0.6), 'reject' elsewhere
 * (a bare 5 is ambiguous between 5 % and 500 %).
 */
export function parsePercent(
  value: unknown,
  plainNumbers: 'percent' | 'fraction' | 'reject',
  what = 'percentage',
): Parsed<number> {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail(`${what} ${value} is not a finite number`, `write e.g. ${plainNumbers === 'fraction' ? '0.3' : '60%'}`);
    if (plainNumbers === 'percent') return { ok: true, value: value / 100 };
    if (plainNumbers === 'fraction') return { ok: true, value };
    return fail(`${what} ${value} has no % sign`, `write ${value}%`);
  }
  if (typeof value === 'string') {
    const long = tooLong<number>(what, value.trim(), '5%');
    if (long !== undefined) return long;
    const n = splitPercent(value.trim());
    if (n !== undefined && Number.isFinite(n)) return { ok: true, value: n / 100 };
    if (n !== undefined) return fail(`${what} ${quoted(value.trim())} is too large`, 'write e.g. 60%');
  }
  const example = plainNumbers === 'fraction' ? '0.3 or 30%' : plainNumbers === 'percent' ? '60 or 60%' : '5%';
  return fail(`${what} must be a percentage, got ${shownValue(value)}`, `write e.g. ${example}`);
}

/** "02:00" or "14:30:00" → seconds after midnight; undefined if not a time of day. */
export function parseTimeOfDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return undefined;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (h > 23 || m > 59 || s > 59) return undefined;
  return h * 3600 + m * 60 + s;
}

export const INSTANT_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$`;

/**
 * An ISO-8601 instant → Unix epoch seconds. A date-time must carry its zone (Z or ±hh:mm) so a
 * scenario means the same on every machine; a bare date is midnight UTC. The date must exist
 * (2024-02-30 is refused, not rolled over to 1 March).
 */
export function parseInstant(value: unknown): Parsed<number> {
  const fix = 'write an ISO-8601 UTC time such as 2024-01-01T00:00:00Z';
  const text = typeof value === 'string' ? value.trim() : undefined;
  const instant = text === undefined ? undefined : readIsoInstant(text, { separators: 'T', compactOffset: false });
  if (instant === undefined || instant.hasTime !== instant.hasZone) {
    return fail(`${shownValue(value)} is not a valid ISO-8601 date, or date-time with a zone`, fix);
  }
  return { ok: true, value: instant.epochS };
}
