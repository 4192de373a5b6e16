// Quantities with units as users write them in a scenario ("40MiB/s", "7d", "60%") and their
// conversion to msksim's one convention (bytes, seconds, fractions; callers turn bytes into
// MiB/GiB). Decimal prefixes are powers of 1000 (1 KB = 1000 B) and binary ones powers of 1024
// (1 KiB = 1024 B), as in IEC 80000-13: AWS quotes MSK throughput in MiB/s and storage in GiB,
// while network and GB-month prices are decimal, so both are needed and neither is guessed.
// Parsing never throws: errors are values carrying the message and the fix shown to the user.
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

const NUMBER = String.raw`(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?`;
const QUANTITY = new RegExp(`^(${NUMBER})\\s?([A-Za-z%/]*)$`);
const DURATION_PART = new RegExp(`(${NUMBER}) ?([a-z]+)`, 'g');
const COMPOUND_DURATION = new RegExp(`^(?:${NUMBER} ?[a-z]+)+$`);

/** Regular expressions for the JSON Schema, so editors flag bad units while typing. */
export const UNIT_PATTERNS = {
  size: `^${NUMBER} ?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$`,
  rate: `^${NUMBER} ?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|msg)/s$`,
  duration: `^(${NUMBER} ?(ms|s|min|m|h|d|w))+$`,
  percent: `^-?${NUMBER} ?%$`,
} as const;

/** A byte rate or a message rate; messages become bytes once the message size is known. */
export type Rate = { kind: 'bytes'; bytesPerS: number } | { kind: 'messages'; perS: number };

function fail<T>(message: string, fix: string): Parsed<T> {
  return { ok: false, message, fix };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
}

/** Splits "40 MiB/s" into 40 and "MiB/s"; rejects signs and non-numbers with a fix. */
function splitQuantity(value: unknown, what: string, example: string): Parsed<{ n: number; unit: string }> {
  if (typeof value === 'number') {
    if (value < 0) return fail(`${what} must not be negative (got ${value})`, `write a value ≥ 0 with a unit, e.g. ${example}`);
    return fail(`${what} ${value} has no unit`, `write ${value}${example.replace(/^[\d.]+/, '')}`);
  }
  if (typeof value !== 'string') return fail(`${what} must be a string with a unit, got ${describe(value)}`, `write e.g. ${example}`);
  const text = value.trim();
  if (text.startsWith('-')) return fail(`${what} must not be negative (got "${text}")`, `remove the minus sign, e.g. ${example}`);
  const match = QUANTITY.exec(text);
  if (!match || match[1] === undefined || match[2] === undefined) {
    return fail(`${what} "${text}" is not a number followed by a unit`, `write e.g. ${example}`);
  }
  const n = Number(match[1]);
  if (!Number.isFinite(n)) return fail(`${what} "${text}" is too large`, `write e.g. ${example}`);
  const unit = match[2];
  if (unit === '') return fail(`${what} "${text}" has no unit`, `write ${match[1]}${example.replace(/^[\d.]+/, '')}`);
  return { ok: true, value: { n, unit } };
}

/** Spelled-out units people write by habit, mapped to msksim's symbol. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  sec: 's', secs: 's', second: 's', seconds: 's', mins: 'min', minute: 'min', minutes: 'min',
  hr: 'h', hrs: 'h', hour: 'h', hours: 'h', day: 'd', days: 'd', week: 'w', weeks: 'w',
  msec: 'ms', millis: 'ms', 'msgs/s': 'msg/s', 'messages/s': 'msg/s',
};

function unknownUnit<T>(what: string, unit: string, known: readonly string[], n: string): Parsed<T> {
  const alias = UNIT_ALIASES[unit.toLowerCase()];
  if (alias !== undefined && known.includes(alias)) return fail(`${what} has an unknown unit "${unit}"`, `write ${n}${alias}`);
  if (/bps$|bit/i.test(unit)) {
    return fail(`${what} unit "${unit}" is in bits; msksim uses bytes`, `divide by 8, e.g. 100Mbps = 12.5MB/s`);
  }
  const near = suggest(unit, known);
  const fix = near ? `write ${n}${near}` : `use one of ${known.join(', ')}`;
  return fail(`${what} has an unknown unit "${unit}"`, fix);
}

/** "1KiB" → 1024 (bytes). */
export function parseSize(value: unknown, what = 'size', example = '1KiB'): Parsed<number> {
  const q = splitQuantity(value, what, example);
  if (!q.ok) return q;
  const factor = SIZE_UNITS[q.value.unit];
  if (factor === undefined && SIZE_UNITS[q.value.unit.replace(/\/s$/, '')] !== undefined) {
    return fail(`${what} "${q.value.n}${q.value.unit}" is a rate, not a size`, `write ${q.value.n}${q.value.unit.slice(0, -2)}`);
  }
  if (factor === undefined) return unknownUnit(what, q.value.unit, Object.keys(SIZE_UNITS), String(q.value.n));
  return { ok: true, value: q.value.n * factor };
}

/** "40MiB/s" → 40 × 2^20 bytes/s; "2000msg/s" → 2000 messages/s. */
export function parseRate(value: unknown, what = 'rate', example = '40MiB/s'): Parsed<Rate> {
  const q = splitQuantity(value, what, example);
  if (!q.ok) {
    // A bare number is the most common slip; name both spellings in the fix.
    if (typeof value === 'number' && value >= 0) {
      return fail(`${what} ${value} has no unit`, `write ${value}MiB/s, or ${value}msg/s for messages per second`);
    }
    return q;
  }
  const { n, unit } = q.value;
  if (unit === 'msg/s') return { ok: true, value: { kind: 'messages', perS: n } };
  const sizeUnit = unit.endsWith('/s') ? unit.slice(0, -2) : undefined;
  const factor = sizeUnit === undefined ? undefined : SIZE_UNITS[sizeUnit];
  if (factor === undefined) {
    if (SIZE_UNITS[unit] !== undefined) return fail(`${what} "${n}${unit}" is a size, not a rate`, `write ${n}${unit}/s`);
    return unknownUnit(what, unit, RATE_UNITS, String(n));
  }
  return { ok: true, value: { kind: 'bytes', bytesPerS: n * factor } };
}

/** "7d" → 604800, "1h30m" → 5400 (seconds). Compound durations are summed. */
export function parseDuration(value: unknown, what = 'duration', example = '30s'): Parsed<number> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (COMPOUND_DURATION.test(text)) {
    let total = 0;
    for (const part of text.matchAll(DURATION_PART)) {
      const factor = DURATION_UNITS[part[2] ?? ''];
      if (factor === undefined) return unknownUnit(what, part[2] ?? '', Object.keys(DURATION_UNITS), part[1] ?? '');
      total += Number(part[1]) * factor;
    }
    return { ok: true, value: total };
  }
  const q = splitQuantity(value, what, example);
  if (!q.ok) return q;
  const factor = DURATION_UNITS[q.value.unit];
  if (factor !== undefined) return { ok: true, value: q.value.n * factor };
  return unknownUnit(what, q.value.unit, Object.keys(DURATION_UNITS), String(q.value.n));
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
    if (plainNumbers === 'percent') return { ok: true, value: value / 100 };
    if (plainNumbers === 'fraction') return { ok: true, value };
    return fail(`${what} ${value} has no % sign`, `write ${value}%`);
  }
  if (typeof value === 'string') {
    const match = /^(-?)\s*(\d+(?:\.\d+)?|\.\d+)\s?%$/.exec(value.trim());
    if (match && match[2] !== undefined) {
      const n = Number(match[2]) / 100;
      return { ok: true, value: match[1] === '-' ? -n : n };
    }
  }
  const example = plainNumbers === 'fraction' ? '0.3 or 30%' : plainNumbers === 'percent' ? '60 or 60%' : '5%';
  return fail(`${what} must be a percentage, got ${describe(value)}`, `write e.g. ${example}`);
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
const INSTANT = new RegExp(INSTANT_PATTERN);

/**
 * An ISO-8601 instant → Unix epoch seconds. A date-time must carry its zone (Z or ±hh:mm) so a
 * scenario means the same on every machine; a bare date is midnight UTC.
 */
export function parseInstant(value: unknown): Parsed<number> {
  const fix = 'write an ISO-8601 UTC time such as 2024-01-01T00:00:00Z';
  if (typeof value !== 'string' || !INSTANT.test(value.trim())) {
    return fail(`${describe(value)} is not an ISO-8601 date-time with a zone`, fix);
  }
  const ms = Date.parse(value.trim());
  if (!Number.isFinite(ms)) return fail(`${describe(value)} is not a valid date`, fix);
  return { ok: true, value: ms / 1000 };
}
