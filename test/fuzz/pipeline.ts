// One mutant through the whole pipeline, in process, as `msksim run` takes it: the file is
// written to disk and read by the CLI's loader (YAML, schema, resolution, catalog checks), run
// with the model's invariants checked after every event (`verify: true`), and its reports
// rendered and checked (result-checks.ts). The outcome is one of three:
//   refused — a user error (CliError, exit 2) whose every problem is located: file:line:col
//             or the setting's path, with a Fix;
//   ran     — and every check held;
//   failed  — anything else: what `msksim run` would turn into exit 3, or a check that failed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { CatalogError } from '../../src/catalog/index.js';
import { CliError } from '../../src/cli/command.js';
import { loadScenarioFile } from '../../src/cli/load-scenario.js';
import { InvariantError } from '../../src/model/invariants.js';
import { reportJson } from '../../src/report/json.js';
import { runScenario, type ScenarioResult } from '../../src/run/index.js';
import type { ResolvedScenario } from '../../src/scenario/index.js';
import { VERSION } from '../../src/version.js';
import type { Mutant } from './mutant.js';
import type { FuzzOptions } from './options.js';
import { resultProblems, type CheckKind } from './result-checks.js';

export type FailureKind = 'load-threw' | 'unlocated-refusal' | 'invariant' | 'run-threw' | 'nondeterministic' | 'slow' | CheckKind;

export type Outcome =
  | { state: 'refused'; message: string; seconds: number }
  | { state: 'ran'; bindings: string[]; seconds: number }
  | { state: 'failed'; kind: FailureKind; message: string; seconds: number };

/** A mutant that runs longer than this is a finding (the run's admission checks should bound it). */
export const SLOW_SECONDS = 20;

/**
 * Every 20th mutant (by index, so a replay does the same), if it runs, is loaded and run again:
 * the same scenario and seed must give a byte-identical report.json.
 */
const DETERMINISM_EVERY = 20;

type Stopped = { state: 'refused'; message: string } | { state: 'failed'; kind: FailureKind; message: string };
type Step<T> = { ok: true; value: T } | { ok: false; outcome: Stopped };

/** Writes the mutant into `dir` (its scenario and trace files) and returns the scenario's path. */
export function writeMutant(mutant: Mutant, dir: string, bytes: Buffer = mutant.bytes): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(mutant.traces)) writeFileSync(join(dir, name), content);
  const path = join(dir, 'mutant.yaml');
  writeFileSync(path, bytes);
  return path;
}

export function runMutant(mutant: Mutant, options: FuzzOptions, dir: string): Outcome & { bytes: Buffer } {
  return runFile(writeMutant(mutant, dir), options, mutant.index % DETERMINISM_EVERY === 0);
}

/**
 * The scenario at `path` through the pipeline. In the CI size a longer horizon or request-level
 * window is cut to the cap in the file itself (so the file written out for a failure is the one
 * that ran) before it runs; `bytes` is the file as it ran.
 */
export function runFile(path: string, options: Caps, rerun: boolean): Outcome & { bytes: Buffer } {
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  let bytes: Buffer = readFileSync(path);
  let loaded = load(path);
  const cut = loaded.ok ? capped(bytes, loaded.value, options) : null;
  if (cut !== null) {
    bytes = cut;
    writeFileSync(path, bytes);
    loaded = load(path);
  }
  if (!loaded.ok) return { ...loaded.outcome, seconds: seconds(), bytes };
  const ran = run(loaded.value);
  if (!ran.ok) return { ...ran.outcome, seconds: seconds(), bytes };
  const problems = resultProblems(ran.value, bytes.toString('utf8'));
  if (problems.length > 0) {
    return { state: 'failed', kind: problems[0]!.kind, message: problems.map((p) => `${p.kind}: ${p.message}`).join('\n'), seconds: seconds(), bytes };
  }
  if (rerun) {
    const again = load(path);
    const rerun = again.ok ? run(again.value) : again;
    const same = rerun.ok && json(rerun.value) === json(ran.value);
    if (!same) return { state: 'failed', kind: 'nondeterministic', message: 'the same scenario and seed gave a different report.json', seconds: seconds(), bytes };
  }
  const s = seconds();
  if (s > SLOW_SECONDS) return { state: 'failed', kind: 'slow', message: `ran for ${s.toFixed(1)} s (limit ${SLOW_SECONDS} s)`, seconds: s, bytes };
  return { state: 'ran', bindings: ran.value.deployments.map((d) => d.binding.primary.kind), seconds: s, bytes };
}

type Caps = Pick<FuzzOptions, 'maxDurationS' | 'maxWindowS'>;

/** The text with the horizon and the request-level windows cut to the caps, or null if within them. */
function capped(bytes: Buffer, scenario: ResolvedScenario, caps: Caps): Buffer | null {
  const longHorizon = caps.maxDurationS !== null && scenario.durationS > caps.maxDurationS;
  const longWindow = caps.maxWindowS !== null && scenario.latency.windows.some((w) => w.durationS > caps.maxWindowS!);
  if (!longHorizon && !longWindow) return null;
  const doc = parseDocument(bytes.toString('utf8'));
  if (longHorizon) doc.set('duration', `${caps.maxDurationS! / 86_400}d`);
  if (longWindow) {
    const window = `${caps.maxWindowS}s`;
    // `latency` loaded as a mapping; through an alias or a merge key it is left as written.
    const latency = doc.get('latency', true);
    if (latency === undefined || isMap(latency)) doc.setIn(['latency', 'windowDuration'], window);
    const windows = doc.getIn(['latency', 'windows'], true);
    if (isSeq(windows)) for (const item of windows.items) if (isMap(item)) item.set('duration', window);
  }
  return Buffer.from(doc.toString({ lineWidth: 0 }));
}

function json(result: ScenarioResult): string {
  return reportJson(result, { toolVersion: VERSION, outputs: {} });
}

function load(path: string): Step<ResolvedScenario> {
  try {
    return { ok: true, value: loadScenarioFile(path) };
  } catch (error) {
    if (error instanceof CliError) {
      const unlocated = unlocatedLines(error.message);
      if (error.exitCode === 2 && unlocated.length === 0) return { ok: false, outcome: { state: 'refused', message: error.message } };
      return { ok: false, outcome: { state: 'failed', kind: 'unlocated-refusal', message: `exit ${error.exitCode}; not located or without a fix:\n${unlocated.join('\n')}\n---\n${error.message}` } };
    }
    return { ok: false, outcome: { state: 'failed', kind: 'load-threw', message: describe(error) } };
  }
}

function run(scenario: ResolvedScenario): Step<ScenarioResult> {
  try {
    return { ok: true, value: runScenario(scenario, { verify: true }) };
  } catch (error) {
    // `msksim run` turns a CatalogError into a user error naming the file (commands/run.ts).
    if (error instanceof CatalogError && error.message.trim() !== '') return { ok: false, outcome: { state: 'refused', message: error.message } };
    const kind = error instanceof InvariantError ? 'invariant' : 'run-threw';
    return { ok: false, outcome: { state: 'failed', kind, message: describe(error) } };
  }
}

/** Stack included: a failure is a bug to find. */
function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/** A located problem: file:line:col (line ≥ 1) or a setting's path, and a Fix. */
const LOCATED = /:[1-9]\d*:[1-9]\d*: |: [A-Za-z$][\w.[\]"-]*: /;

/**
 * The lines of a refusal that do not say where or how to fix it. The first line of a list
 * ("3 problems in FILE:") and the "… and N more" line are headers.
 */
export function unlocatedLines(message: string): string[] {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(message)) return ['a control character in the message'];
  const lines = message.split('\n');
  const header = /^\d+ problems? in .*:$/;
  const body = lines.length > 1 && header.test(lines[0]!) ? lines.slice(1) : lines;
  return body.filter((line) => !/^… and \d+ more problems?$/.test(line) && !(LOCATED.test(line) && line.includes('Fix:')));
}
