// Time series as CSV, one row per sample and broker (the long format CloudWatch exports and
// spreadsheets pivot), with MSK's metric names as columns; cluster-wide series in a second file.
import { stringify } from 'csv-stringify/sync';
import { BROKER_SERIES, CLUSTER_SERIES, type SeriesData } from '../model/observe/series.js';
import type { DeploymentResult } from '../run/index.js';
import { isoTime } from './time-text.js';
import { SECONDS_PER_HOUR } from '../units.js';

export function brokerSeriesCsv(d: DeploymentResult, startEpochS: number): Uint8Array {
  const r = seriesOf(d);
  const out = new CsvWriter();
  out.row(header(['timeS', 'timestamp', 'broker', ...BROKER_SERIES]));
  const columns = BROKER_SERIES.map((name) => r.broker[name]);
  const format = BROKER_SERIES.map((name) => (name.endsWith('PerSec') ? formatInteger : formatHundredths));
  for (let k = 0; k < r.timesS.length; k++) {
    const time = r.timesS[k]!;
    const stamp = isoTime(time, startEpochS);
    for (let b = 0; b < d.brokers; b++) {
      let line = `${time},${stamp},${b + 1}`;
      for (let c = 0; c < columns.length; c++) line += `,${format[c]!(columns[c]![b]![k]!)}`;
      out.row(line);
    }
  }
  return out.bytes();
}

export function clusterSeriesCsv(d: DeploymentResult, startEpochS: number): Uint8Array {
  const r = seriesOf(d);
  const out = new CsvWriter();
  out.row(header(['timeS', 'timestamp', ...CLUSTER_SERIES]));
  for (let k = 0; k < r.timesS.length; k++) {
    const time = r.timesS[k]!;
    let line = `${time},${isoTime(time, startEpochS)}`;
    for (const name of CLUSTER_SERIES) line += `,${formatInteger(r.cluster[name][k]!)}`;
    out.row(line);
  }
  return out.bytes();
}

function seriesOf(d: DeploymentResult): SeriesData {
  if (d.series === null) throw new Error(`the time series of ${d.name} were already written and dropped`);
  return d.series;
}

/** Hourly latency figures (milliseconds), each row tagged with the mode that produced it. */
export function latencyCsv(d: DeploymentResult, startEpochS: number): Uint8Array | null {
  const hourly = d.latency?.hourly ?? [];
  if (hourly.length === 0) return null;
  const out = new CsvWriter();
  const fields = LATENCY_FIELDS;
  out.row(header(['hour', 'timestamp', 'mode', 'produceRequests', ...fields, 'saturatedSeconds']));
  for (const h of hourly) {
    const values = fields.map((f) => (h[f] === null ? '' : String(h[f])));
    out.row([h.hour, isoTime(h.hour * SECONDS_PER_HOUR, startEpochS), h.mode, h.produceRequests, ...values, h.saturatedSeconds].join(','));
  }
  return out.bytes();
}

const LATENCY_FIELDS = [
  'publishLatency50pct',
  'publishLatency95pct',
  'publishLatency99pct',
  'publishLatency999pct',
  'publishLatencyMax',
  'endToEndLatency50pct',
  'endToEndLatency95pct',
  'endToEndLatency99pct',
  'endToEndLatency999pct',
  'endToEndLatencyMax',
] as const;

/**
 * A text row, quoted by csv-stringify (RFC 4180) wherever a cell needs it. The numeric rows below
 * hold only numbers and ISO timestamps, which never need quoting; routing hundreds of thousands
 * of them through csv-stringify measured 5.5 s against 0.3 s for the direct writer (a month of
 * one-minute samples on six brokers), so they are written directly.
 */
function header(cells: readonly string[]): string {
  return stringify([cells as string[]], { record_delimiter: 'unix' }).trimEnd();
}

/**
 * Rows encoded straight into a growing byte buffer: a month of one-minute rows is tens of
 * megabytes, and holding it as one joined string costs far more in garbage collection.
 */
class CsvWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  private length = 0;

  row(line: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit; the rows here are ASCII.
    const needed = this.length + line.length * 3 + 1;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length, 'utf8');
    this.buffer[this.length++] = 0x0a;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** Bytes and bytes per second: whole numbers. */
function formatInteger(x: number): string {
  return String(Math.round(x));
}

/**
 * Percentages and credit balances to two decimals, formatted with integer arithmetic: writing
 * a month of one-minute samples calls this millions of times, and float-to-string is the cost.
 */
function formatHundredths(x: number): string {
  const hundredths = Math.round(x * 100);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const rest = abs % 100;
  if (rest === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${rest < 10 ? '0' : ''}${rest % 10 === 0 ? rest / 10 : rest}`;
}
