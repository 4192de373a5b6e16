// The comparison of a scenario's deployments (issue: provisioned vs Express vs Serverless side by
// side): a row per deployment with its monthly cost, headroom, throttled and lost bytes, latency
// and a verdict per SLO, and the recommendation — the cheapest deployment that meets every SLO.
// Plain data; src/report words it.
import type { ResolvedSlo } from '../scenario/types.js';
import type { DeploymentResult, ScenarioResult } from './result.js';
import type { Headroom } from './summary.js';
import { HOURS_PER_MONTH } from '../catalog/index.js';
import { BYTES_PER_GIB, SECONDS_PER_HOUR } from '../units.js';

export type SloName = 'publishLatency99pct' | 'endToEndLatency99pct' | 'maxUtilization' | 'throttledBytes' | 'lostBytes' | 'maxMonthlyCost';

export interface SloVerdict {
  slo: SloName;
  /** The objective, in the unit of `value`: ms, a fraction, bytes or USD. */
  limit: number;
  /** What the run measured; null when the deployment has no such figure (Serverless latency). */
  value: number | null;
  /** value ≤ limit; null when there is no figure to judge. */
  met: boolean | null;
}

export interface ComparisonRow {
  name: string;
  type: DeploymentResult['type'];
  /** "6 × kafka.m5.xlarge", "MSK Serverless". */
  shape: string;
  monthlyUsd: number;
  /** Monthly bill ÷ GiB accepted from producers in the month; null when nothing was produced. */
  usdPerGiBIngested: number | null;
  headroom: Headroom;
  /** Peak utilisation of the busiest resource, of its sustained capacity (1 / headroom). */
  peakUtilization: number | null;
  throttledBytes: number;
  /** Deleted before a group read them, plus failed at the client. */
  lostBytes: number;
  publishLatency99pctMs: number | null;
  endToEndLatency99pctMs: number | null;
  slo: SloVerdict[];
  /** Every SLO met (true when none is set). */
  meetsSlos: boolean;
}

export interface Comparison {
  rows: ComparisonRow[];
  /** The cheapest deployment that meets every SLO, or null. */
  recommended: string | null;
  /** Each deployment cheaper than the recommendation (or every one, when none is), with the first SLO it misses. */
  rejected: { name: string; miss: SloVerdict }[];
}

export function compareDeployments(result: ScenarioResult): Comparison {
  const slo = result.scenario.slo;
  const rows = result.deployments.map((d) => row(d, slo, result.scenario.durationS));
  const byCost = [...rows].sort((a, b) => a.monthlyUsd - b.monthlyUsd || a.name.localeCompare(b.name));
  const best = byCost.find((r) => r.meetsSlos) ?? null;
  const cheaper = best === null ? byCost : byCost.slice(0, byCost.indexOf(best));
  return { rows, recommended: best?.name ?? null, rejected: cheaper.map((r) => ({ name: r.name, miss: r.slo.find((v) => v.met !== true)! })) };
}

function row(d: DeploymentResult, slo: ResolvedSlo, durationS: number): ComparisonRow {
  const est = d.latency?.estimate ?? null;
  const peak = d.cluster.headroom.multiplier === null ? null : 1 / d.cluster.headroom.multiplier;
  const lost = d.cluster.lostBytes + d.cluster.clientLostBytes;
  const monthlyGiB = ingestedGiBPerMonth(d, durationS);
  const verdicts = sloVerdicts(slo, {
    publishLatency99pct: est?.publishLatency99pct ?? null,
    endToEndLatency99pct: est?.endToEndLatency99pct ?? null,
    maxUtilization: peak,
    throttledBytes: d.cluster.throttledBytes,
    lostBytes: lost,
    maxMonthlyCost: d.bill.totalUsd,
  });
  return {
    name: d.name,
    type: d.type,
    shape: d.type === 'serverless' ? 'MSK Serverless' : `${d.brokers} × ${d.brokerType}`,
    monthlyUsd: d.bill.totalUsd,
    usdPerGiBIngested: monthlyGiB > 0 ? d.bill.totalUsd / monthlyGiB : null,
    headroom: d.cluster.headroom,
    peakUtilization: peak,
    throttledBytes: d.cluster.throttledBytes,
    lostBytes: lost,
    publishLatency99pctMs: est?.publishLatency99pct ?? null,
    endToEndLatency99pctMs: est?.endToEndLatency99pct ?? null,
    slo: verdicts,
    meetsSlos: verdicts.every((v) => v.met === true),
  };
}

/** Bytes producers got in over the run, scaled to the 730-hour month the bill is for. */
function ingestedGiBPerMonth(d: DeploymentResult, durationS: number): number {
  const accepted = d.cluster.producedBytes - d.cluster.producerBacklogBytesEnd - d.cluster.clientLostBytes;
  return (Math.max(0, accepted) / BYTES_PER_GIB) * ((HOURS_PER_MONTH.value * SECONDS_PER_HOUR) / durationS);
}

function sloVerdicts(slo: ResolvedSlo, measured: Record<SloName, number | null>): SloVerdict[] {
  const limits: [SloName, number | undefined][] = [
    ['publishLatency99pct', slo.publishLatency99pctS === undefined ? undefined : slo.publishLatency99pctS * 1000],
    ['endToEndLatency99pct', slo.endToEndLatency99pctS === undefined ? undefined : slo.endToEndLatency99pctS * 1000],
    ['maxUtilization', slo.maxUtilization],
    ['throttledBytes', slo.throttledBytes],
    ['lostBytes', slo.lostBytes],
    ['maxMonthlyCost', slo.maxMonthlyCostUsd],
  ];
  const out: SloVerdict[] = [];
  for (const [name, limit] of limits) {
    if (limit === undefined) continue;
    const value = measured[name];
    out.push({ slo: name, limit, value, met: value === null ? null : value <= limit * (1 + 1e-12) });
  }
  return out;
}
