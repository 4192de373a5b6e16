// Scenario text → ResolvedScenario, or every problem with its file, line and column. The YAML
// is parsed with positions kept (a LineCounter), checked against the schema, resolved, and
// hashed. Nothing here touches the file system: trace files come through `options.readFile`.
import { LineCounter, parseDocument } from 'yaml';
import { DEFAULTS } from './defaults.js';
import { formatPath, sortErrors, type ScenarioError } from './errors.js';
import { scenarioHash } from './hash.js';
import { issuesToProblems } from './issues.js';
import { createLocator, type Locator } from './locate.js';
import type { Problem } from './problem.js';
import type { ResolveContext } from './resolve-context.js';
import { valueOf } from './resolve-producer.js';
import { checkParts, resolveScenario } from './resolve.js';
import { scenarioSchema } from './schema.js';
import type { ResolvedScenario } from './types.js';
import { parseInstant } from './units.js';
import { yamlError } from './yaml-errors.js';

export interface LoadOptions {
  /** Reads a trace file; throws (with a readable message) when it cannot. */
  readFile(path: string): string;
  /**
   * Maps a trace path as written in the scenario to the path to read and show in errors (the
   * CLI makes it relative to the scenario file). Identity if omitted.
   */
  resolvePath?(path: string): string;
  /**
   * Checks that need knowledge above this layer (the catalog: assumption ids, price keys,
   * broker limits), run on the resolved scenario; their problems are located like the rest.
   */
  check?(scenario: ResolvedScenario): readonly Problem[];
}

export type LoadResult = { ok: true; scenario: ResolvedScenario } | { ok: false; errors: ScenarioError[] };

/** Most aliases a scenario may expand, against "billion laughs" documents. */
const MAX_ALIAS_COUNT = 1000;

export function loadScenario(text: string, fileName: string, options: LoadOptions): LoadResult {
  const lineCounter = new LineCounter();
  // `merge: true` allows `<<: *base`, the usual way to share settings between deployment candidates.
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) return { ok: false, errors: sortErrors(doc.errors.map((e) => yamlError(e, text, fileName))) };

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
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    const problems = [...issuesToProblems(parsed.error.issues, input), ...checkParts(input, ctx)];
    return { ok: false, errors: toErrors(problems, fileName, locator) };
  }
  const resolved = resolveScenario(parsed.data, fileName, ctx);
  if (!resolved.ok) return { ok: false, errors: toErrors(resolved.problems, fileName, locator) };
  const scenario: ResolvedScenario = { ...resolved.scenario, hash: scenarioHash(resolved.scenario) };
  const late = options.check?.(scenario) ?? [];
  if (late.length > 0) return { ok: false, errors: toErrors(late, fileName, locator) };
  return { ok: true, scenario };
}

function resolveContext(input: object, options: LoadOptions): ResolveContext {
  const start = parseInstant((input as { start?: unknown }).start ?? DEFAULTS.start);
  // An invalid `start` is reported by the schema; time-of-day checks meanwhile use the default.
  const startEpochS = start.ok ? start.value : valueOf(parseInstant(DEFAULTS.start));
  return {
    startEpochS,
    readTrace: (file) => {
      const name = options.resolvePath ? options.resolvePath(file) : file;
      try {
        return { ok: true, name, text: options.readFile(name) };
      } catch (error) {
        return { ok: false, name, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

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
