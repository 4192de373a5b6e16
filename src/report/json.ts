// The JSON report: everything a script or a CI gate needs, and nothing that varies between two
// runs of the same scenario and seed (no wall-clock times, no absolute paths), so that the same
// inputs give a byte-identical file.
import type { DeploymentResult, ScenarioResult } from '../run/index.js';
import { isoTime } from './time-text.js';
import { compareDeployments } from '../run/compare.js';
import { bindingSentence, timelineDetail } from './wording.js';

export const REPORT_SCHEMA_VERSION = 2;

export interface ReportMeta {
  toolVersion: string;
  /** File names (not paths) of the companion outputs, by format. */
  outputs: Record<string, string[]>;
}

export function reportObject(result: ScenarioResult, meta: ReportMeta): Record<string, unknown> {
  const s = result.scenario;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'msksim', version: meta.toolVersion },
    scenario: {
      name: s.name,
      description: s.description,
      file: baseName(s.fileName),
      hash: s.hash,
      seed: s.seed,
      region: s.region,
      start: isoTime(0, s.startEpochS),
      durationS: s.durationS,
      sampleIntervalS: s.output.intervalS,
    },
    comparison: compareDeployments(result),
    assumptions: result.assumptions.entries.map((a) => ({
      id: a.id,
      value: a.value,
      unit: a.unit,
      default: a.defaultValue,
      overridden: a.overridden,
      rationale: a.rationale,
      basis: a.basis,
    })),
    prices: { region: result.prices.region, discountPct: result.prices.discountPct },
    deployments: result.deployments.map((d) => deploymentObject(d, s.startEpochS)),
    outputs: meta.outputs,
  };
}

function deploymentObject(d: DeploymentResult, startEpochS: number): Record<string, unknown> {
  return {
    name: d.name,
    type: d.type,
    brokerType: d.brokerType,
    brokers: d.brokers,
    azs: d.azs,
    simulationEvents: d.simulationEvents,
    bindingConstraint: { ...d.binding.primary, sentence: bindingSentence(d.binding, startEpochS), also: d.binding.also },
    cluster: d.cluster,
    brokerSummaries: d.brokerSummaries,
    topics: d.topics,
    timeline: d.timeline.map((e) => ({ ...e, ...('broker' in e ? { broker: e.broker + 1 } : {}), detail: timelineDetail(e, d.topicNames, d.groupNames) })),
    timelineDropped: d.timelineDropped,
    ...(d.type === 'serverless' ? { quotas: d.quotas, latencyNote: d.latencyNote } : {}),
    ...(d.type === 'express' ? { notes: d.notes } : {}),
    latency: d.latency,
    usagePerMonth: d.usage,
    bill: d.bill,
  };
}

export function reportJson(result: ScenarioResult, meta: ReportMeta): string {
  return `${JSON.stringify(reportObject(result, meta), null, 2)}\n`;
}

function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
