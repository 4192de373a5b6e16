// Zod building blocks for scenario fields: quantities with units, bounded numbers and strict
// objects whose unknown keys come back with a "did you mean". Each block parses the YAML value
// into msksim's units and describes itself for the JSON Schema (pattern, examples), so the
// editor and the loader accept exactly the same spellings.
import { z } from 'zod';
import { encodeIssue } from './issue-text.js';
import { suggest } from './suggest.js';
import { shownValue } from './display.js';
import { MAX_DURATION_VALUE_S, MAX_MESSAGES_PER_S, MAX_RATE_BYTES_PER_S, MAX_SIZE_BYTES, RESERVED_KEYS } from './limits.js';
import {
  DURATION_UNITS,
  INSTANT_PATTERN,
  parseDuration,
  parseInstant,
  parsePercent,
  parseRate,
  parseSize,
  SIZE_UNITS,
  UNIT_PATTERNS,
  type Parsed,
  type Rate,
} from './units.js';

// A type alias, not an interface, so it is assignable to zod's open metadata record.
type FieldDoc = {
  description: string;
  title?: string;
  examples?: readonly unknown[];
  default?: unknown;
};

/**
 * JSON Schema keywords for fields that parse with a transform. Zod drops `default` and
 * `examples` of transforms from an input-side JSON Schema (they would be output values); here
 * they are input spellings ("7d"), so json-schema.ts puts them back from this registry.
 */
export const editorHints = z.registry<{ default?: unknown; examples?: readonly unknown[] }>();

/** A value parsed by `parse`; the issue carries the parser's message and fix. */
function unitField<T>(parse: (value: unknown) => Parsed<T>, jsonSchema: Record<string, unknown>, doc: FieldDoc) {
  const schema = z
    .unknown()
    .transform((value, ctx): T => {
      const parsed = parse(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: encodeIssue(parsed.message, parsed.fix) });
      return z.NEVER;
    })
    .meta({ ...jsonSchema, ...doc });
  editorHints.add(schema, { default: doc.default, examples: doc.examples });
  return schema;
}

/** The largest value a field takes, and how the message and the JSON Schema write it. */
interface Max {
  max: number;
  text: string;
}

/** `parse`, then the bound: a value above it is an error naming the limit. */
function bounded<T>(parse: (value: unknown) => Parsed<T>, measure: (value: T) => Max & { value: number }, what: string) {
  return (raw: unknown): Parsed<T> => {
    const parsed = parse(raw);
    if (!parsed.ok) return parsed;
    const { value, max, text } = measure(parsed.value);
    if (value <= max) return parsed;
    return { ok: false, message: `${what} ${shownValue(raw)} is above msksim's limit of ${text}`, fix: `write at most ${text}` };
  };
}

/** A size in bytes: "1KiB", "200GiB"; at most `max` bytes (1 PiB unless given). */
export function size(doc: FieldDoc & { example: string; max?: number }) {
  const max = { max: doc.max ?? MAX_SIZE_BYTES, text: sizeText(doc.max ?? MAX_SIZE_BYTES) };
  const parse = bounded((v) => parseSize(v, 'size', doc.example), (value) => ({ value, ...max }), 'size');
  return unitField(parse, { type: 'string', pattern: UNIT_PATTERNS.size }, withExample(doc, max.text));
}

const BYTE_RATE_MAX: Max = { max: MAX_RATE_BYTES_PER_S, text: `${sizeText(MAX_RATE_BYTES_PER_S)}/s` };
const MESSAGE_RATE_MAX: Max = { max: MAX_MESSAGES_PER_S, text: `${MAX_MESSAGES_PER_S}msg/s` };

function rateMax(rate: Rate): Max & { value: number } {
  return rate.kind === 'bytes' ? { value: rate.bytesPerS, ...BYTE_RATE_MAX } : { value: rate.perS, ...MESSAGE_RATE_MAX };
}

/** A byte rate or message rate: "40MiB/s", "2000msg/s". */
export function rate(doc: FieldDoc & { example: string }) {
  const parse = bounded((v) => parseRate(v, 'rate', doc.example), rateMax, 'rate');
  return unitField<Rate>(parse, { type: 'string', pattern: UNIT_PATTERNS.rate }, withExample(doc, `${BYTE_RATE_MAX.text} or ${MESSAGE_RATE_MAX.text}`));
}

/** A byte rate only (no msg/s): "100MiB/s" → bytes/s. */
export function byteRate(doc: FieldDoc & { example: string }) {
  const parse = (v: unknown): Parsed<number> => {
    const r = bounded((x) => parseRate(x, 'rate', doc.example), rateMax, 'rate')(v);
    if (!r.ok) return r;
    if (r.value.kind === 'messages') return { ok: false, message: 'this rate must be in bytes per second', fix: `write e.g. ${doc.example}` };
    return { ok: true, value: r.value.bytesPerS };
  };
  return unitField(parse, { type: 'string', pattern: UNIT_PATTERNS.rate.replace('|msg', '') }, withExample(doc, BYTE_RATE_MAX.text));
}

/** A duration in seconds: "7d", "500ms", "1h30m"; at most `max` seconds (10 years unless given). */
export function duration(doc: FieldDoc & { example: string; max?: number }) {
  const max = { max: doc.max ?? MAX_DURATION_VALUE_S, text: durationText(doc.max ?? MAX_DURATION_VALUE_S) };
  const parse = bounded((v) => parseDuration(v, 'duration', doc.example), (value) => ({ value, ...max }), 'duration');
  return unitField(parse, { type: 'string', pattern: UNIT_PATTERNS.duration }, withExample(doc, max.text));
}

/** An ISO-8601 instant in epoch seconds: "2024-01-01T00:00:00Z". */
export function instant(doc: FieldDoc) {
  return unitField(parseInstant, { type: 'string', pattern: INSTANT_PATTERN }, doc);
}

/**
 * A percentage as a fraction; how a bare number reads is part of the field's contract. `range`
 * bounds a bare number (in its own reading: 0–100 for 'percent', 0–1 for 'fraction') in the
 * JSON Schema; the loader checks the value, whichever way it is written.
 */
export function percent(doc: FieldDoc, plainNumbers: 'percent' | 'fraction' | 'reject', range?: { minimum: number; maximum: number }) {
  const json =
    plainNumbers === 'reject'
      ? { type: 'string', pattern: UNIT_PATTERNS.percent }
      : { anyOf: [{ type: 'number', ...range }, { type: 'string', pattern: UNIT_PATTERNS.percent }] };
  return unitField((v) => parsePercent(v, plainNumbers), json, doc);
}

/** The doc with its example as `examples`, and the bound at the end of the description. */
function withExample(doc: FieldDoc & { example: string; max?: number }, maxText: string): FieldDoc {
  const { example, max: _max, ...rest } = doc;
  return { examples: [example], ...rest, description: `${rest.description} At most ${maxText}.` };
}

/** Bytes as the largest binary unit that divides them: 2^50 → "1024TiB". */
function sizeText(bytes: number): string {
  for (const unit of ['TiB', 'GiB', 'MiB', 'KiB'] as const) {
    const factor = SIZE_UNITS[unit]!;
    if (bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return `${bytes}B`;
}

/** Seconds as the largest unit that divides them: 315360000 → "3650d". */
function durationText(seconds: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const factor = DURATION_UNITS[unit]!;
    if (seconds % factor === 0) return `${seconds / factor}${unit}`;
  }
  return `${Math.round(seconds * 1000)}ms`;
}

/** A byte count a run may not exceed: a size ("1GiB"), or a bare 0 (nothing at all). */
export function byteBudget(doc: FieldDoc & { example: string }) {
  const parse = (v: unknown): Parsed<number> => (v === 0 ? { ok: true, value: 0 } : bounded((x) => parseSize(x, 'size', doc.example), (value) => ({ value, max: MAX_SIZE_BYTES, text: sizeText(MAX_SIZE_BYTES) }), 'size')(v));
  return unitField(parse, { anyOf: [{ type: 'number', const: 0 }, { type: 'string', pattern: UNIT_PATTERNS.size }] }, withExample(doc, sizeText(MAX_SIZE_BYTES)));
}

const MONEY_PATTERN = '^\\$?[0-9][0-9,]*(\\.[0-9]+)?$';

/** US dollars a month: 12000, "12000", "$12,000" or "$12000.50"; finite, at least 0, at most `max`. */
export function money(doc: FieldDoc & { example: string; max: number }) {
  const parse = (v: unknown): Parsed<number> => {
    const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : undefined;
    const fix = `write e.g. ${doc.example}`;
    if (text === undefined || !new RegExp(MONEY_PATTERN).test(text) || (typeof v === 'number' && !(v >= 0 && v < Infinity))) {
      return { ok: false, message: `${shownValue(v)} is not an amount of US dollars`, fix };
    }
    const value = Number(text.replace(/[$,]/g, ''));
    if (!(value <= doc.max)) return { ok: false, message: `${shownValue(v)} is above msksim's limit of $${doc.max.toLocaleString('en-US')}`, fix };
    return { ok: true, value };
  };
  return unitField(parse, { anyOf: [{ type: 'number', minimum: 0, maximum: doc.max }, { type: 'string', pattern: MONEY_PATTERN }] }, withExample(doc, `$${doc.max.toLocaleString('en-US')}`));
}

/** A finite number with documentation (zod refuses Infinity and NaN, which YAML can spell). */
export function num(doc: FieldDoc) {
  return z.number().meta(doc);
}

/** An integer from min to max. */
export function int(min: number, max: number, doc: FieldDoc) {
  return z.number().int().min(min).max(max).meta(doc);
}

/**
 * A map of user-chosen keys (catalog ids, price keys). The keys that would reach an object's
 * prototype are refused, in the schema (propertyNames) as in the loader (reserved-keys.ts).
 */
export function record<V extends z.ZodType>(value: V, doc: FieldDoc) {
  const key = z
    .string()
    .regex(new RegExp(`^(?!(?:${RESERVED_KEYS.join('|')})$)`))
    .meta({ description: `Any key but ${RESERVED_KEYS.join(', ')}.` });
  return z.record(key, value).meta(doc);
}

/** A string from a fixed set (unknown values get a suggestion). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, doc: FieldDoc) {
  return z.enum(values).meta(doc);
}

/**
 * A strict object: unknown keys are errors. The issue names each unknown key with the nearest
 * known key, so the loader can point at the key itself and suggest the spelling.
 */
export function strict<S extends z.ZodRawShape>(shape: S, doc: FieldDoc) {
  const known = Object.keys(shape);
  return z
    .strictObject(shape, {
      error: (issue) => {
        if (issue.code !== 'unrecognized_keys') return undefined;
        const suggestions = Object.fromEntries(issue.keys.map((key) => [key, suggest(key, known) ?? null]));
        return JSON.stringify({ suggestions, known });
      },
    })
    .meta(doc);
}
