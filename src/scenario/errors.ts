// A problem in a scenario, located for the user: the file, the 1-based line and column, the
// path of the offending value in the document (`deployments[0].brokers`), what is wrong and
// how to fix it. Every problem found is reported, one line each, sorted by position; whatever
// the user wrote is escaped on the way out (display.ts), so each problem stays one safe line.
import { escapeControl, quoted, shown } from './display.js';

export interface ScenarioError {
  /** The scenario file, or the trace file the problem is in. */
  file: string;
  /** 1-based; 0 when the problem has no position (an empty document). */
  line: number;
  /** 1-based; 0 when the problem has no position. */
  column: number;
  /** Path of the value in the scenario, e.g. `workload.topics[0].partitions`; '' for the root. */
  path: string;
  /** What is wrong, without a trailing period. */
  message: string;
  /** How to put it right, without a trailing period. */
  fix: string;
}

/** A path as a list of keys and indices (what zod and the YAML document use). */
export type PathSegments = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** ['workload', 'topics', 0, 'name'] → `workload.topics[0].name`; odd keys are quoted, long ones cut. */
export function formatPath(path: PathSegments): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? shown(segment) : `.${shown(segment)}`;
    else out += `[${quoted(segment)}]`;
  }
  return out;
}

/** `file:line:col: path: message. Fix: …` on one line, control characters escaped. */
export function formatError(error: ScenarioError): string {
  const where = error.line > 0 ? `${error.file}:${error.line}:${error.column}` : error.file;
  const path = error.path === '' ? '' : `${error.path}: `;
  const fix = error.fix === '' ? '' : ` Fix: ${error.fix}.`;
  return escapeControl(`${where}: ${path}${error.message}.${fix}`);
}

/** Most problems listed one by one; a file with thousands of mistakes is the wrong file. */
export const MAX_ERRORS_SHOWN = 100;

export function formatErrors(errors: readonly ScenarioError[]): string {
  const lines = errors.slice(0, MAX_ERRORS_SHOWN).map(formatError);
  const more = errors.length - MAX_ERRORS_SHOWN;
  if (more > 0) lines.push(`… and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** Position order, so output is stable whatever order the checks ran in. */
export function sortErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  return [...errors].sort(
    (a, b) =>
      compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.path, b.path) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
