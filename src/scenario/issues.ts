// Zod's issues rewritten for people editing YAML: what is wrong at which key, and the fix.
// Unions are resolved to the branch the user evidently meant, so a misspelt unit inside
// `messageSize: { distribution: lognormal, … }` is reported as such, not as "invalid input".
import type { z } from 'zod';
import { quoted, shownValue } from './display.js';
import { decodeIssue } from './issue-text.js';
import type { Problem } from './problem.js';
import { FUTURE_DEPLOYMENT_TYPES } from './schema-deployment.js';
import { FUTURE_TOP_LEVEL_KEYS } from './schema.js';
import { suggest } from './suggest.js';

type Issue = z.core.$ZodIssue;
type Path = readonly (string | number)[];

export function issuesToProblems(issues: readonly Issue[], input: unknown, base: Path = []): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, input, [...base, ...(issue.path as Path)]));
}

function issueToProblems(issue: Issue, input: unknown, path: Path): Problem[] {
  const value = valueAt(input, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue, path);
    case 'invalid_type':
      if (value === undefined) return [missing(path)];
      if (typeof value === 'number' && !Number.isFinite(value)) return [{ path, ...notFinite(value) }];
      return [{ path, ...wrongType(issue.expected, value) }];
    case 'invalid_value':
      if (value === undefined) return [missing(path)];
      return [{ path, ...notOneOf(issue.values, value, path) }];
    case 'invalid_union':
      return invalidUnion(issue, input, path, value);
    case 'too_small':
    case 'too_big':
      return [{ path, ...outOfRange(issue) }];
    case 'invalid_format':
      return [{ path, message: `${named(value)} is not a valid ${lastKey(path)}`, fix: Object.hasOwn(FORMAT_FIXES, lastKey(path)) ? FORMAT_FIXES[lastKey(path)]! : issue.message }];
    case 'invalid_key':
      return [{ path, at: 'key', message: `the key ${quote(lastKey(path))} is not allowed here`, fix: 'rename it' }];
    case 'custom': {
      // A field that parses its own value (a unit field) is also asked about a key that is absent.
      if (value === undefined && issue.path.length > 0) return [missing(path)];
      const decoded = decodeIssue(issue.message);
      return [{ path, message: decoded?.message ?? issue.message, fix: decoded?.fix ?? 'check this value against `msksim schema`' }];
    }
    default:
      return [{ path, message: issue.message, fix: 'check this value against `msksim schema`' }];
  }
}

const FORMAT_FIXES: Readonly<Record<string, string>> = {
  name: 'use letters, digits, ".", "_" and "-" (topic names up to 249 characters, others up to 64, starting with a letter or digit)',
  region: 'write an AWS region code such as us-east-1',
};

function unknownKeys(issue: Extract<Issue, { code: 'unrecognized_keys' }>, path: Path): Problem[] {
  let detail: { suggestions: Record<string, string | null>; known: string[] } | undefined;
  try {
    detail = JSON.parse(issue.message) as typeof detail;
  } catch {
    detail = undefined;
  }
  return issue.keys.map((key): Problem => {
    const keyPath = [...path, key];
    if (path.length === 0 && (FUTURE_TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      return { path: keyPath, at: 'key', message: `"${key}" is not supported by this version of msksim yet`, fix: `remove the ${key} section` };
    }
    const near = detail !== undefined && Object.hasOwn(detail.suggestions, key) ? detail.suggestions[key] : undefined;
    const fix = near
      ? `rename it to "${near}"`
      : `remove it; keys allowed here: ${(detail?.known ?? []).filter((k) => k !== '$schema').join(', ')}`;
    return { path: keyPath, at: 'key', message: `unknown key ${quoted(key)}`, fix };
  });
}

/** YAML spells infinity and NaN (.inf, .nan) and reads 1e309 as Infinity; none is a value. */
function notFinite(value: number): { message: string; fix: string } {
  const what = Number.isNaN(value) ? 'is not a number (.nan)' : 'is too large to be a number (read as infinity)';
  return { message: `the value ${what}`, fix: 'write a finite number in range' };
}

function missing(path: Path): Problem {
  const key = lastKey(path);
  return { path, at: 'missing', message: `missing required key "${key}"`, fix: `add a "${key}" key` };
}

function wrongType(expected: string, value: unknown): { message: string; fix: string } {
  const got = describeValue(value);
  switch (expected) {
    case 'number':
    case 'int': {
      const noun = expected === 'int' ? 'a whole number' : 'a number';
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return { message: `expected ${noun}, got the string ${quote(value)}`, fix: `remove the quotes: ${quote(value.trim()).slice(1, -1)}` };
      }
      return { message: `expected ${noun}, got ${got}`, fix: `write ${noun} without quotes or unit` };
    }
    case 'boolean':
      return { message: `expected true or false, got ${got}`, fix: 'write true or false' };
    case 'string':
      return { message: `expected text, got ${got}`, fix: 'write text (quote it if it looks like a number)' };
    case 'array':
      return { message: `expected a list, got ${got}`, fix: 'write a YAML list, one "- item" per line' };
    case 'object':
      return { message: `expected a mapping, got ${got}`, fix: 'write "key: value" entries' };
    default:
      return { message: `expected ${expected}, got ${got}`, fix: `write ${expected}` };
  }
}

function notOneOf(values: readonly unknown[], value: unknown, path: Path): { message: string; fix: string } {
  const choices = values.map((v) => String(v));
  // Suggest only for text: a number near another number ("4" → "2") is no typo.
  const near = typeof value === 'string' ? suggest(value, choices) : undefined;
  const what = lastKey(path) === 'brokerType' ? `${named(value)} is not a known MSK Standard broker type` : `${named(value)} is not allowed`;
  const fix = near !== undefined ? `did you mean ${near}? Allowed: ${choices.join(', ')}` : `use ${choices.length === 2 ? choices.join(' or ') : `one of ${choices.join(', ')}`}`;
  return { message: what, fix };
}

function invalidUnion(issue: Extract<Issue, { code: 'invalid_union' }>, input: unknown, path: Path, value: unknown): Problem[] {
  if ('discriminator' in issue && typeof issue.discriminator === 'string') {
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    const key = issue.discriminator;
    const given = valueAt(input, path);
    if (given === undefined) {
      return [{ path, at: 'missing', message: `missing required key "${key}"`, fix: `add ${key}: one of ${options.join(', ')}` }];
    }
    if (FUTURE_DEPLOYMENT_TYPES.includes(String(given)) && options.includes('provisioned')) {
      return [{ path, message: `deployment type "${String(given)}" is not supported by this version of msksim yet`, fix: `use type: ${options.join(', ')}` }];
    }
    return [{ path, ...notOneOf(options, given, path) }];
  }
  const branches = issue.errors;
  const best = pickBranch(branches);
  if (best === undefined) {
    const expected = [...new Set(branches.flatMap((b) => b.filter(isRootTypeIssue).map(expectedOf)))];
    return [{ path, message: `expected ${expected.join(' or ')}, got ${describeValue(value)}`, fix: `write ${expected.join(' or ')}` }];
  }
  return issuesToProblems(best, input, path);
}

/** The branch the user meant: the one whose problems are not "this is the wrong kind of value". */
function pickBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const plausible = branches.filter((b) => !b.some(isRootTypeIssue));
  if (plausible.length === 0) return undefined;
  // For a mapping, prefer the branch whose literal tag (e.g. `distribution`) matched, then the
  // one that knows more of the keys given ({ hot, shares } means { hot, share }, not { zipf }).
  const scored = plausible.map((b) => ({ b, score: b.length + unknownKeyCount(b) + (b.some((i) => i.code === 'invalid_value' && i.path.length === 1) ? 100 : 0) }));
  scored.sort((x, y) => x.score - y.score);
  return scored[0]?.b;
}

function unknownKeyCount(branch: readonly Issue[]): number {
  let n = 0;
  for (const i of branch) if (i.code === 'unrecognized_keys' && i.path.length === 0) n += i.keys.length;
  return n;
}

function isRootTypeIssue(issue: Issue): boolean {
  return issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value');
}

function expectedOf(issue: Issue): string {
  if (issue.code === 'invalid_type') return issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`;
  if (issue.code === 'invalid_value') return issue.values.map((v) => String(v)).join(' or ');
  return 'a different value';
}

function outOfRange(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): { message: string; fix: string } {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array') {
    return small
      ? { message: `needs at least ${bound} item${bound === 1 ? '' : 's'}`, fix: 'add an item' }
      : { message: `has more than ${bound} items`, fix: `keep at most ${bound}` };
  }
  if (issue.origin === 'string') return { message: small ? 'must not be empty' : `is longer than ${bound} characters`, fix: 'write a name' };
  const op = small ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
  return { message: `must be ${op} ${bound}`, fix: `write a value ${op} ${bound}` };
}

export function valueAt(input: unknown, path: Path): unknown {
  let node = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    // Own keys only: `constructor` must not find Object's.
    if (!Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function lastKey(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return 'value';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

function describeValue(value: unknown): string {
  const shown = quote(value);
  return shown === '' ? kindOf(value) : `${kindOf(value)} ${shown}`;
}

function quote(value: unknown): string {
  if (value === null || typeof value !== 'object') return shownValue(value);
  return '';
}

/** A scalar as written; a list or mapping by its kind (`azs: [3]` → "a list is not allowed"). */
function named(value: unknown): string {
  return quote(value) || kindOf(value);
}
