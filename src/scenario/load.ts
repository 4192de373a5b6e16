// Scenario text → ResolvedScenario, or every problem with its file, line and column. The text
// is checked first (text, not binary; bounded size and nesting), the YAML parsed with positions
// kept (a LineCounter), checked against the schema, resolved, and hashed. Trace files come
// through `options.readFile`; the only look at the file system here is the kind-and-size check
// of a trace before it is read (input-file.ts), which callers may replace.
import { LineCounter, parseDocument } from 'yaml';
import { ASSUMPTIONS } from '../catalog/assumptions.js';
import { DEFAULTS } from './defaults.js';
import { formatPath, sortErrors, type ScenarioError } from './errors.js';
import { scenarioHash } from './hash.js';
import { inspectInputFile, type Inspection } from './input-file.js';
import { issuesToProblems } from './issues.js';
import { MAX_DURATION_S, MAX_FLOW_DEPTH, MAX_SCENARIO_BYTES, MAX_TRACE_BYTES } from './limits.js';
import { createLocator, type Locator } from './locate.js';
import type { Problem } from './problem.js';
import { findReservedKeys, throughReservedKey } from './reserved-keys.js';
import type { ResolveContext } from './resolve-context.js';
import { valueOf } from './resolve-producer.js';
import { checkParts, resolveScenario } from './resolve.js';
import { scenarioSchema } from './schema.js';
import { findBinary, findDeepFlow } from './text-checks.js';
import type { ResolvedScenario } from './types.js';
import { parseDuration, parseInstant } from './units.js';
import { aliasCycleErrors, duplicateKeyErrors, yamlError } from './yaml-errors.js';

export interface LoadOptions {
  /** Reads a trace file; throws (with a readable message) when it cannot. */
  readFile(path: string): string;
  /**
   * Maps a trace path as written in the scenario to the path to read and show in errors (the
   * CLI makes it relative to the scenario file). Identity if omitted.
   */
  resolvePath?(path: string): string;
  /**
   * Checks a trace file before `readFile` reads it whole: its kind (not a device or a pipe) and
   * its size (MAX_TRACE_BYTES). Defaults to a stat of the file (input-file.ts); callers whose
   * files are not on disk pass `() => ({ ok: true })`.
   */
  inspectFile?(path: string): Inspection;
  /**
   * Checks that need knowledge above this layer (the catalog: assumption ids, price keys,
   * broker limits), run on the resolved scenario; their problems are located like the rest.
   */
  check?(scenario: ResolvedScenario): readonly Problem[];
}

export type LoadResult = { ok: true; scenario: ResolvedScenario } | { ok: false; errors: ScenarioError[] };

/** Most aliases a scenario may expand, against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 1000;

export function loadScenario(source: string, fileName: string, options: LoadOptions): LoadResult {
  // A byte-order mark is not part of the text: without it, columns are the editor's.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const refusal = checkText(text, fileName);
  if (refusal !== undefined) return { ok: false, errors: [refusal] };
  const lineCounter = new LineCounter();
  // `merge: true` allows `<<: *base`, the usual way to share settings between deployment
  // candidates. Duplicate keys are found in one pass below rather than by the parser's
  // quadratic `uniqueKeys`.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false, merge: true });
  const syntax = [
    ...doc.errors.map((e) => yamlError(e, text, fileName)),
    ...duplicateKeyErrors(doc, lineCounter, fileName),
    ...aliasCycleErrors(doc, lineCounter, fileName),
  ];
  if (syntax.length > 0) return { ok: false, errors: sortErrors(syntax) };

  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(fileName, 1, 1, `the YAML cannot be read: ${message}`, 'define each &anchor before its *alias, and avoid deeply nested aliases');
  }
  if (input === null || input === undefined) {
    return fail(fileName, 1, 1, 'the scenario is empty', 'start from an example in scenarios/ (name, workload, deployments)');
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    return fail(fileName, 1, 1, 'the scenario must be a mapping of keys (name:, workload:, deployments:, …)', 'start from an example in scenarios/');
  }

  const locator = createLocator(doc, lineCounter);
  const ctx = resolveContext(input, options);
  const reserved = findReservedKeys(input);
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success || reserved.length > 0) {
    const found = parsed.success ? [] : [...issuesToProblems(parsed.error.issues, input), ...checkParts(input, ctx)];
    const problems = [...reserved, ...found.filter((p) => !throughReservedKey(p.path))];
    return { ok: false, errors: toErrors(problems, fileName, locator) };
  }
  const resolved = resolveScenario(parsed.data, fileName, ctx);
  if (!resolved.ok) return { ok: false, errors: toErrors(resolved.problems, fileName, locator) };
  const scenario: ResolvedScenario = { ...resolved.scenario, hash: scenarioHash(resolved.scenario) };
  const late = options.check?.(scenario) ?? [];
  if (late.length > 0) return { ok: false, errors: toErrors(late, fileName, locator) };
  return { ok: true, scenario };
}

/** The text checks that come before parsing: size, binary content, runaway nesting. */
function checkText(text: string, fileName: string): ScenarioError | undefined {
  if (text.length > MAX_SCENARIO_BYTES) {
    return { file: fileName, line: 1, column: 1, path: '', message: `the scenario is over msksim's limit of ${MAX_SCENARIO_BYTES / 1024 / 1024} MiB`, fix: 'check that this is a scenario file' };
  }
  const problem = findBinary(text) ?? findDeepFlow(text, MAX_FLOW_DEPTH);
  if (problem === undefined) return undefined;
  return { file: fileName, line: problem.line, column: problem.column, path: '', message: problem.message, fix: problem.fix };
}

function resolveContext(input: object, options: LoadOptions): ResolveContext {
  const raw = input as { start?: unknown; duration?: unknown };
  const start = parseInstant(Object.hasOwn(raw, 'start') ? raw.start : DEFAULTS.start);
  // An invalid `start` or `duration` is reported by the schema; the checks that need them
  // meanwhile use the defaults.
  const startEpochS = start.ok ? start.value : valueOf(parseInstant(DEFAULTS.start));
  const duration = parseDuration(Object.hasOwn(raw, 'duration') ? raw.duration : DEFAULTS.duration);
  const durationS = duration.ok && duration.value > 0 ? Math.min(duration.value, MAX_DURATION_S) : valueOf(parseDuration(DEFAULTS.duration));
  const inspect = options.inspectFile ?? ((path: string) => inspectInputFile(path, MAX_TRACE_BYTES, 'trace'));
  return {
    startEpochS,
    durationS,
    profileStepS: profileStepS(input),
    readTrace: (file) => {
      const name = options.resolvePath ? options.resolvePath(file) : file;
      const inspection = inspect(name);
      if (!inspection.ok) return { ok: false, name, message: inspection.message, fix: inspection.fix };
      try {
        return { ok: true, name, text: options.readFile(name) };
      } catch (error) {
        return { ok: false, name, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/**
 * The `workload.profileStepS` assumption the run will use: the scenario's override, or the
 * catalog default. An override outside the catalog's range is reported by the catalog check;
 * the budget checks meanwhile take it within the range.
 */
function profileStepS(input: object): number {
  const spec = ASSUMPTIONS.find((a) => a.id === PROFILE_STEP_ID);
  if (spec === undefined) throw new Error(`msksim catalog has no ${PROFILE_STEP_ID} assumption`);
  const overrides = (input as { assumptions?: unknown }).assumptions;
  const value = overrides !== null && typeof overrides === 'object' && Object.hasOwn(overrides, PROFILE_STEP_ID) ? (overrides as Record<string, unknown>)[PROFILE_STEP_ID] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(Math.max(value, spec.min), spec.max) : spec.value;
}

const PROFILE_STEP_ID = 'workload.profileStepS';

function toErrors(problems: readonly Problem[], fileName: string, locator: Locator): ScenarioError[] {
  const errors = problems.map((p): ScenarioError => {
    const path = formatPath(p.path);
    if (p.file) return { file: p.file.name, line: p.file.line, column: p.file.column, path, message: p.message, fix: p.fix };
    // A missing key does not exist in the text: key() stops at the deepest ancestor that does.
    const position = (p.at ?? 'value') === 'value' ? locator.value(p.path) : locator.key(p.path);
    return { file: fileName, line: position.line, column: position.column, path, message: p.message, fix: p.fix };
  });
  return sortErrors(dedupe(errors));
}

function dedupe(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.file}|${e.line}|${e.column}|${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function fail(file: string, line: number, column: number, message: string, fix: string): LoadResult {
  return { ok: false, errors: [{ file, line, column, path: '', message, fix }] };
}
