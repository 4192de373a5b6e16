// Zod building blocks for scenario fields: quantities with units, bounded numbers and strict
// objects whose unknown keys come back with a "did you mean". Each block parses the YAML value
// into msksim's units and describes itself for the JSON Schema (pattern, examples), so the
// editor and the loader accept exactly the same spellings.
import { z } from 'zod';
import { encodeIssue } from './issue-text.js';
import { suggest } from './suggest.js';
import { INSTANT_PATTERN, parseDuration, parseInstant, parsePercent, parseRate, parseSize, UNIT_PATTERNS, type Parsed, type Rate } from './units.js';

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

/** A size in bytes: "1KiB", "200GiB". */
export function size(doc: FieldDoc & { example: string }) {
  return unitField((v) => parseSize(v, 'size', doc.example), { type: 'string', pattern: UNIT_PATTERNS.size }, withExample(doc));
}

/** A byte rate or message rate: "40MiB/s", "2000msg/s". */
export function rate(doc: FieldDoc & { example: string }) {
  return unitField<Rate>((v) => parseRate(v, 'rate', doc.example), { type: 'string', pattern: UNIT_PATTERNS.rate }, withExample(doc));
}

/** A byte rate only (no msg/s): "100MiB/s" → bytes/s. */
export function byteRate(doc: FieldDoc & { example: string }) {
  const parse = (v: unknown): Parsed<number> => {
    const r = parseRate(v, 'rate', doc.example);
    if (!r.ok) return r;
    if (r.value.kind === 'messages') return { ok: false, message: 'this rate must be in bytes per second', fix: `write e.g. ${doc.example}` };
    return { ok: true, value: r.value.bytesPerS };
  };
  return unitField(parse, { type: 'string', pattern: UNIT_PATTERNS.rate.replace('|msg', '') }, withExample(doc));
}

/** A duration in seconds: "7d", "500ms", "1h30m". */
export function duration(doc: FieldDoc & { example: string }) {
  return unitField((v) => parseDuration(v, 'duration', doc.example), { type: 'string', pattern: UNIT_PATTERNS.duration }, withExample(doc));
}

/** An ISO-8601 instant in epoch seconds: "2024-01-01T00:00:00Z". */
export function instant(doc: FieldDoc) {
  return unitField(parseInstant, { type: 'string', pattern: INSTANT_PATTERN }, doc);
}

/** A percentage as a fraction; how a bare number reads is part of the field's contract. */
export function percent(doc: FieldDoc, plainNumbers: 'percent' | 'fraction' | 'reject') {
  const json =
    plainNumbers === 'reject'
      ? { type: 'string', pattern: UNIT_PATTERNS.percent }
      : { anyOf: [{ type: 'number' }, { type: 'string', pattern: UNIT_PATTERNS.percent }] };
  return unitField((v) => parsePercent(v, plainNumbers), json, doc);
}

function withExample(doc: FieldDoc & { example: string }): FieldDoc {
  const { example, ...rest } = doc;
  return { examples: [example], ...rest };
}

/** A finite number with documentation. */
export function num(doc: FieldDoc) {
  return z.number().meta(doc);
}

/** An integer ≥ min. */
export function int(min: number, doc: FieldDoc) {
  return z.number().int().min(min).meta(doc);
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
