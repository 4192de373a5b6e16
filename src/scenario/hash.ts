// The scenario hash printed in every report (STYLE habit 2): SHA-256 of the resolved scenario
// as canonical JSON (keys sorted at every level, no whitespace). Hashing the resolved form, not
// the text, means comments, key order, formatting and equivalent spellings ("1024B" vs "1KiB")
// do not change the hash, while any change to what is simulated does. The trace's rows are
// part of it; the file name the scenario was loaded from is not.
import { createHash } from 'node:crypto';
import type { ResolvedScenario } from './types.js';

export function scenarioHash(scenario: Omit<ResolvedScenario, 'hash'>): string {
  const { fileName: _fileName, ...content } = scenario;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** JSON with object keys sorted, so equal values always serialise to equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot hash non-finite number ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
