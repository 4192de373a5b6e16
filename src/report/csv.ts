// Time series as CSV, one row per sample and broker (the long format CloudWatch exports and
// spreadsheets pivot), with MSK's metric names as columns; cluster-wide series in a second file.
import type { DeploymentResult } from '../model/run-scenario.js';
import { BROKER_SERIES, CLUSTER_SERIES } from '../model/recorder.js';
import { isoTime } from '../model/time-text.js';

export function brokerSeriesCsv(d: DeploymentResult, startEpochS: number): string {
  const r = d.series;
  const lines: string[] = [['timeS', 'timestamp', 'broker', ...BROKER_SERIES].join(',')];
  const columns = BROKER_SERIES.map((name) => r.broker[name]);
  for (let k = 0; k < r.samples; k++) {
    const time = r.timesS[k]!;
    const stamp = isoTime(time, startEpochS);
    for (let b = 0; b < d.brokers; b++) {
      let line = `${time},${stamp},${b + 1}`;
      for (const column of columns) line += `,${formatNumber(column[b]![k]!)}`;
      lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function clusterSeriesCsv(d: DeploymentResult, startEpochS: number): string {
  const r = d.series;
  const lines: string[] = [['timeS', 'timestamp', ...CLUSTER_SERIES].join(',')];
  for (let k = 0; k < r.samples; k++) {
    const time = r.timesS[k]!;
    let line = `${time},${isoTime(time, startEpochS)}`;
    for (const name of CLUSTER_SERIES) line += `,${formatNumber(r.cluster[name][k]!)}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/** Whole bytes for large values, up to 4 decimals for percentages, no trailing zeros. */
function formatNumber(x: number): string {
  if (Number.isInteger(x)) return String(x);
  if (Math.abs(x) >= 1000) return String(Math.round(x));
  const rounded = Math.round(x * 1e4) / 1e4;
  return String(rounded === 0 ? 0 : rounded);
}
