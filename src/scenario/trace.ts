// A producer rate trace from CSV, such as a CloudWatch `BytesInPerSec` export. The file has a
// header row; one column holds the time (ISO-8601, or seconds such as epoch seconds), another
// the rate in the unit the scenario declares. Times become seconds after the first row; rates
// become MiB/s. Every bad row is reported with its line and column, not just the first.
import { parse } from 'csv-parse/sync';
import { quoted, shown } from './display.js';
import { readIsoInstant } from './iso-time.js';
import { MAX_TRACE_ROWS } from './limits.js';
import { findBinary } from './text-checks.js';
import type { TracePoint } from './types.js';

export interface TraceSpec {
  timeColumn: string;
  valueColumn: string;
  /** Multiplier from a value in the file to MiB/s. */
  toMiBps: number;
  /** Largest rate a row may give, in MiB/s (msksim's limit on rates). */
  maxMiBps?: number;
}

export interface TraceProblem {
  line: number;
  column: number;
  message: string;
  fix: string;
}

export type TraceResult =
  | { ok: true; points: TracePoint[]; durationS: number }
  | { ok: false; problems: TraceProblem[] };

/** ISO-8601 as CloudWatch exports write it: "T" or a space, ±hh:mm or ±hhmm; no zone is UTC. */
const ISO_OPTIONS = { separators: 'T ', compactOffset: true };
/** Epoch seconds past this (year 5138) are almost certainly epoch milliseconds. */
const MAX_PLAUSIBLE_EPOCH_S = 1e11;

interface Row {
  fields: string[];
  line: number;
  text: string;
}

export function parseTrace(text: string, spec: TraceSpec): TraceResult {
  const binary = findBinary(text);
  if (binary !== undefined) return fail(binary.line, binary.column, binary.message, 'give a CSV text file: a header row, then one time,value row per line');
  let rows: Row[];
  try {
    rows = readRows(text);
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return { ok: false, problems: [{ line: e.lines ?? 0, column: 1, message: `not valid CSV: ${e.message ?? String(error)}`, fix: 'check the quoting on that line' }] };
  }
  const header = rows[0];
  if (header === undefined) return fail(1, 1, 'the file is empty', 'add a header row and at least 2 data rows');
  const timeIndex = header.fields.indexOf(spec.timeColumn);
  const valueIndex = header.fields.indexOf(spec.valueColumn);
  const problems: TraceProblem[] = [];
  for (const [index, name, key] of [[timeIndex, spec.timeColumn, 'timeColumn'], [valueIndex, spec.valueColumn, 'valueColumn']] as const) {
    if (index < 0) {
      problems.push({ line: header.line, column: 1, message: `no column ${quoted(name)} in the header (${shown(header.fields.join(', '), 200)})`, fix: `set trace.${key} to one of the header's columns` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const data = rows.slice(1);
  if (data.length < 2) return fail(header.line, 1, `a trace needs at least 2 data rows, found ${data.length}`, 'add rows');
  if (data.length > MAX_TRACE_ROWS) return fail(header.line, 1, `more than ${MAX_TRACE_ROWS} data rows`, 'resample the trace to a coarser interval');

  const points: TracePoint[] = [];
  let firstS: number | undefined;
  let previousS = -Infinity;
  for (const row of data) {
    const time = parseTime(row.fields[timeIndex]);
    const value = parseValue(row.fields[valueIndex], spec);
    if (!time.ok) problems.push({ line: row.line, column: columnOf(row, timeIndex), message: time.message, fix: time.fix });
    if (!value.ok) problems.push({ line: row.line, column: columnOf(row, valueIndex), message: value.message, fix: value.fix });
    if (!time.ok) continue;
    if (time.value <= previousS) {
      problems.push({ line: row.line, column: columnOf(row, timeIndex), message: 'time is not after the previous row', fix: 'sort the rows by time and remove duplicate times' });
    }
    previousS = Math.max(previousS, time.value);
    firstS ??= time.value;
    if (!value.ok) continue;
    points.push({ timeS: time.value - firstS, rateMiBps: value.value * spec.toMiBps });
  }
  if (problems.length > 0) return { ok: false, problems };
  const last = points[points.length - 1];
  const beforeLast = points[points.length - 2];
  if (last === undefined || beforeLast === undefined) return fail(header.line, 1, 'a trace needs at least 2 data rows', 'add rows');
  return { ok: true, points, durationS: last.timeS + (last.timeS - beforeLast.timeS) };
}

function fail(line: number, column: number, message: string, fix: string): TraceResult {
  return { ok: false, problems: [{ line, column, message, fix }] };
}

function readRows(text: string): Row[] {
  const records = parse(text, {
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    comment: '#',
    bom: true,
  }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
  return records.map(({ record, raw, info }) => {
    // `raw` includes comment and blank lines before the record; the record is the last line.
    const lines = raw.replace(/\r?\n$/, '').split(/\r?\n/);
    return { fields: record.map((f) => f.trim()), line: info.lines, text: lines[lines.length - 1] ?? '' };
  });
}

/** 1-based character column of field `index`; exact for unquoted rows, else the row start. */
function columnOf(row: Row, index: number): number {
  if (row.text.includes('"')) return 1;
  const cells = row.text.split(',');
  let column = 1;
  for (let i = 0; i < index && i < cells.length; i++) column += (cells[i]?.length ?? 0) + 1;
  return column;
}

type Value = { ok: true; value: number } | { ok: false; message: string; fix: string };

function parseTime(cell: string | undefined): Value {
  if (cell === undefined || cell === '') return { ok: false, message: 'the time is missing', fix: 'fill in the time column on every row' };
  if (/^\d+(?:\.\d+)?$/.test(cell)) {
    const seconds = Number(cell);
    if (seconds > MAX_PLAUSIBLE_EPOCH_S) return { ok: false, message: `time ${cell} looks like epoch milliseconds`, fix: 'write epoch seconds (divide by 1000)' };
    return { ok: true, value: seconds };
  }
  // Without a zone, a time is UTC; the calendar is checked (no 30 February).
  const instant = readIsoInstant(cell, ISO_OPTIONS);
  if (instant !== undefined) return { ok: true, value: instant.epochS };
  return { ok: false, message: `${quoted(cell)} is not a time`, fix: 'write an ISO-8601 time (2024-01-01T00:00:00Z) or epoch seconds' };
}

function parseValue(cell: string | undefined, spec: TraceSpec): Value {
  if (cell === undefined || cell === '') return { ok: false, message: 'the value is missing', fix: 'fill in the value column on every row' };
  const value = Number(cell);
  if (!Number.isFinite(value) || !/^[+-]?(\d|\.\d)/.test(cell)) {
    return { ok: false, message: `${quoted(cell)} is not a number`, fix: 'write a plain number (the unit is set by trace.unit)' };
  }
  if (value < 0) return { ok: false, message: `rate ${shown(cell)} is negative`, fix: 'write a rate ≥ 0' };
  const maxMiBps = spec.maxMiBps ?? Infinity;
  if (value * spec.toMiBps > maxMiBps) {
    return { ok: false, message: `rate ${shown(cell)} is above msksim's limit of ${maxMiBps} MiB/s`, fix: 'check the value and trace.unit' };
  }
  return { ok: true, value };
}
