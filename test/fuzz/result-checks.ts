// What must hold of a run that went through, beyond the model's own invariants (which
// `verify: true` checks after every event): the reports render, hold only finite numbers, and
// no headline contradicts the state — the binding constraint is not "none" while brokers went
// down, partitions refused produce or a resource throttled; no disk above 100 %; the bill is
// finite, ≥ 0 and the sum of its lines; latency percentiles in order.
import type { ScenarioResult } from '../../src/run/index.js';
import { brokerSeriesCsv, clusterSeriesCsv, latencyCsv } from '../../src/report/csv.js';
import { reportJson, reportObject } from '../../src/report/json.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { VERSION } from '../../src/version.js';

export type CheckKind = 'report-threw' | 'non-finite' | 'report-text' | 'headline' | 'disk' | 'bill' | 'latency-order';

export interface CheckProblem {
  kind: CheckKind;
  message: string;
}

const META = { toolVersion: VERSION, outputs: { md: ['report.md'] } };

/** Every problem of a finished run; `scenarioText` excuses words the user wrote (a name "NaN"). */
export function resultProblems(result: ScenarioResult, scenarioText: string): CheckProblem[] {
  const rendered = render(result);
  if (typeof rendered === 'string') return [{ kind: 'report-threw', message: rendered }];
  const problems: CheckProblem[] = [];
  for (const path of nonFinitePaths(reportObject(result, META), 'report')) problems.push({ kind: 'non-finite', message: `${path} is not a finite number` });
  for (const [name, text] of rendered) {
    for (const word of ['NaN', 'Infinity', 'undefined', '[object Object]']) {
      if (text.includes(word) && !scenarioText.includes(word)) problems.push({ kind: 'report-text', message: `${name} shows "${word}"` });
    }
  }
  for (const d of result.deployments) problems.push(...deploymentProblems(d).map((p) => ({ ...p, message: `${d.name}: ${p.message}` })));
  return problems;
}

/** The JSON, Markdown and CSV texts by name, or the error one of them threw. */
function render(result: ScenarioResult): [string, string][] | string {
  try {
    const json = reportJson(result, META);
    JSON.parse(json);
    const out: [string, string][] = [['report.json', json], ['report.md', reportMarkdown(result, VERSION)]];
    const start = result.scenario.startEpochS;
    const decoder = new TextDecoder();
    for (const d of result.deployments) {
      out.push([`${d.name}-brokers.csv`, decoder.decode(brokerSeriesCsv(d, start))], [`${d.name}-cluster.csv`, decoder.decode(clusterSeriesCsv(d, start))]);
      const latency = latencyCsv(d, start);
      if (latency !== null) out.push([`${d.name}-latency.csv`, decoder.decode(latency)]);
    }
    return out;
  } catch (error) {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
}

/** Paths of NaN and ±Infinity in a value (JSON.stringify would write them as null). */
export function nonFinitePaths(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (ArrayBuffer.isView(value)) {
    const items = value as unknown as ArrayLike<number>;
    for (let i = 0; i < items.length && out.length < 20; i++) nonFinitePaths(items[i], `${path}[${i}]`, out);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nonFinitePaths(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, `${path}.${k}`, out);
  }
  return out;
}

type Deployment = ScenarioResult['deployments'][number];

function deploymentProblems(d: Deployment): CheckProblem[] {
  return [...headlineProblems(d), ...diskProblems(d), ...billProblems(d), ...latencyProblems(d)];
}

/** "Never 'nothing limited' while something did" (src/run/binding.ts). */
function headlineProblems(d: Deployment): CheckProblem[] {
  const primary = d.binding.primary;
  const problems: CheckProblem[] = [];
  if (primary.bound !== (primary.kind !== 'none')) problems.push({ kind: 'headline', message: `binding ${primary.kind} has bound = ${primary.bound}` });
  if (primary.kind !== 'none') return problems;
  const c = d.cluster;
  const wentDown = d.timeline.some((e) => e.kind === 'broker-down');
  const contradictions: [boolean, string][] = [
    [c.brokersDown > 0, `${c.brokersDown} brokers down at the end`],
    [wentDown, 'a broker-down event in the timeline'],
    [c.unavailablePartitionMinutes > 0, `${c.unavailablePartitionMinutes} unavailable partition-minutes`],
    [c.refusedBytes > 0, `${c.refusedBytes} refused bytes`],
    [c.throttledBytes > 0, `${c.throttledBytes} throttled bytes`],
  ];
  for (const [holds, what] of contradictions) if (holds) problems.push({ kind: 'headline', message: `binding constraint is "none" with ${what}` });
  return problems;
}

function diskProblems(d: Deployment): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const b of d.brokerSummaries) {
    const { usedPctMax, usedPctEnd } = b.storage;
    if (!(usedPctMax <= 100 + 1e-6) || !(usedPctEnd >= 0) || !(usedPctEnd <= usedPctMax)) {
      problems.push({ kind: 'disk', message: `broker ${b.broker}: disk used max ${usedPctMax} %, end ${usedPctEnd} %` });
    }
  }
  return problems;
}

function billProblems(d: Deployment): CheckProblem[] {
  const bill = d.bill;
  let micro = 0;
  for (const line of bill.lines) micro += line.amountMicroUsd ?? 0;
  const problems: CheckProblem[] = [];
  if (!(Number.isFinite(bill.totalUsd) && bill.totalUsd >= 0)) problems.push({ kind: 'bill', message: `total ${bill.totalUsd} USD` });
  if (micro !== bill.totalMicroUsd) problems.push({ kind: 'bill', message: `lines sum to ${micro} µUSD, the total says ${bill.totalMicroUsd}` });
  if (bill.totalUsd !== bill.totalMicroUsd / 1e6) problems.push({ kind: 'bill', message: `total ${bill.totalUsd} USD is not ${bill.totalMicroUsd} µUSD` });
  return problems;
}

const ORDERS = [
  ['publishLatency50pct', 'publishLatency95pct', 'publishLatency99pct', 'publishLatency999pct', 'publishLatencyMax'],
  ['endToEndLatency50pct', 'endToEndLatency95pct', 'endToEndLatency99pct', 'endToEndLatency999pct', 'endToEndLatencyMax'],
] as const;

/** p50 ≤ p95 ≤ p99 ≤ p99.9 ≤ max, all ≥ 0, in every set of figures. */
function latencyProblems(d: Deployment): CheckProblem[] {
  const latency = d.latency;
  if (latency === null) return [];
  const sets: [string, Record<string, unknown>][] = [
    ...(latency.estimate === null ? [] : [['whole run', { ...latency.estimate }] as [string, Record<string, unknown>]]),
    ...latency.hourly.map((h): [string, Record<string, unknown>] => [`hour ${h.hour}`, { ...h }]),
    ...latency.windows.flatMap((w): [string, Record<string, unknown>][] => [
      [`${w.window} request-level`, { ...w.requestLevel }],
      [`${w.window} estimate`, { ...w.estimate }],
    ]),
  ];
  const problems: CheckProblem[] = [];
  for (const [where, figures] of sets) {
    for (const order of ORDERS) {
      const values = order.map((k) => figures[k]).filter((v): v is number => typeof v === 'number');
      const sorted = values.every((v, i) => v >= 0 && (i === 0 || v >= values[i - 1]!));
      if (!sorted) problems.push({ kind: 'latency-order', message: `${where} (produce requests ${String(figures.produceRequests)}): ${order.map((k) => `${k} ${String(figures[k])}`).join(', ')}` });
    }
  }
  return problems;
}
