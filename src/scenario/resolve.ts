// A schema-valid scenario → the ResolvedScenario: defaults filled, units normalised, rules that
// span fields checked. When the schema found problems, `checkParts` still runs these checks on
// every topic and deployment that is valid on its own, so one run reports everything it can.
import { checkPartitionTotal } from './budgets.js';
import { DEFAULTS } from './defaults.js';
import { MAX_DURATION_S, MIN_OUTPUT_INTERVAL_S } from './limits.js';
import { Problems, type Problem } from './problem.js';
import type { ResolveContext } from './resolve-context.js';
import { checkReplicasFit, resolveDeployment } from './resolve-deployment.js';
import { valueOf } from './resolve-producer.js';
import { resolveTopic } from './resolve-topic.js';
import { deploymentSchema, type RawDeployment } from './schema-deployment.js';
import { topicSchema, type RawTopic } from './schema-workload.js';
import type { RawScenario } from './schema.js';
import type { OutputFormat, ResolvedLatency, ResolvedLatencyWindow, ResolvedScenario, ResolvedSlo } from './types.js';
import { checkUniqueNames } from './unique.js';
import { parseDuration } from './units.js';

export type ResolveResult = { ok: true; scenario: Omit<ResolvedScenario, 'hash'> } | { ok: false; problems: Problem[] };

export function resolveScenario(raw: RawScenario, fileName: string, ctx: ResolveContext): ResolveResult {
  const problems = new Problems();
  const durationS = raw.duration ?? valueOf(parseDuration(DEFAULTS.duration));
  if (durationS <= 0 || durationS > MAX_DURATION_S) {
    problems.add(['duration'], `duration must be longer than 0s and at most 3 years (1095d)`, 'write e.g. 30d');
  }
  const intervalS = raw.output?.interval ?? valueOf(parseDuration(DEFAULTS.outputInterval));
  if (intervalS < MIN_OUTPUT_INTERVAL_S || intervalS > durationS) {
    problems.add(['output', 'interval'], `the output interval must be from 1s to the duration`, 'write e.g. 60s');
  }
  const discountFraction = raw.pricing?.discountPercent ?? DEFAULTS.discountPercent / 100;
  if (discountFraction < 0 || discountFraction >= 1) {
    problems.add(['pricing', 'discountPercent'], 'the discount must be from 0% to below 100%', 'write e.g. discountPercent: 10');
  }
  const latency = resolveLatency(raw, durationS, problems);
  const slo = resolveSlo(raw.slo, problems);
  const topics = raw.workload.topics.map((t, i) => resolveTopic(t, ['workload', 'topics', i], problems, ctx));
  const deployments = raw.deployments.map((d, i) => resolveDeployment(d, ['deployments', i], problems));
  checkAcross(raw.workload.topics, raw.deployments, problems);
  if (problems.count > 0) return { ok: false, problems: problems.list };
  return {
    ok: true,
    scenario: {
      name: raw.name ?? nameFromFile(fileName),
      description: raw.description ?? '',
      seed: raw.seed ?? DEFAULTS.seed,
      durationS,
      startEpochS: ctx.startEpochS,
      region: raw.region ?? DEFAULTS.region,
      pricing: { discountFraction, overrides: ownRecord(raw.pricing?.overrides) },
      workload: { topics: topics.filter((t) => t !== undefined) },
      deployments: deployments.filter((d) => d !== undefined),
      clients: { azs: raw.clients?.azs ?? null },
      assumptionOverrides: ownRecord(raw.assumptions),
      latency,
      slo,
      output: { intervalS, formats: unique(raw.output?.formats ?? [...DEFAULTS.outputFormats]) },
      fileName,
    },
  };
}

function resolveLatency(raw: RawScenario, durationS: number, problems: Problems): ResolvedLatency {
  const named = raw.latency?.windowDuration ?? valueOf(parseDuration(DEFAULTS.latencyWindowDuration));
  if (named <= 0 || named > MAX_LATENCY_WINDOW_S) {
    problems.add(['latency', 'windowDuration'], 'a request-level window must last from 1ms to 1h', 'write e.g. 60s');
  }
  const windows = (raw.latency?.windows ?? [...DEFAULTS.latencyWindows]).map((w, i): ResolvedLatencyWindow => {
    if (typeof w === 'string') return { kind: w, durationS: named };
    const length = w.duration ?? named;
    if (w.at < 0 || w.at + length > durationS) {
      problems.add(['latency', 'windows', i, 'at'], 'the window must lie within the simulated horizon', `start it between 0s and the duration minus its length`);
    }
    if (length <= 0 || length > MAX_LATENCY_WINDOW_S) {
      problems.add(['latency', 'windows', i, 'duration'], 'a request-level window must last from 1ms to 1h', 'write e.g. 5m');
    }
    return { kind: 'at', atS: w.at, durationS: length };
  });
  return { estimate: raw.latency?.estimate ?? DEFAULTS.latencyEstimate, windows };
}

/** Request-level simulation costs about a second per million requests: an hour is the limit. */
const MAX_LATENCY_WINDOW_S = 3600;

/**
 * The resolution checks on the parts of a schema-invalid scenario that are valid by themselves
 * (each topic, each deployment). Parts with schema problems are skipped: those are reported.
 */
export function checkParts(input: unknown, ctx: ResolveContext): Problem[] {
  const problems = new Problems();
  const root = (input ?? {}) as { workload?: { topics?: unknown }; deployments?: unknown };
  const topics = validItems(root.workload?.topics, (t) => topicSchema.safeParse(t));
  const deployments = validItems(root.deployments, (d) => deploymentSchema.safeParse(d));
  for (const { value, index } of topics) resolveTopic(value, ['workload', 'topics', index], problems, ctx);
  for (const { value, index } of deployments) resolveDeployment(value, ['deployments', index], problems);
  checkAcrossIndexed(topics, deployments, problems);
  return problems.list;
}

function checkAcross(topics: readonly RawTopic[], deployments: readonly RawDeployment[], problems: Problems): void {
  const index = <T>(list: readonly T[]) => list.map((value, i) => ({ value, index: i }));
  checkAcrossIndexed(index(topics), index(deployments), problems);
}

function checkAcrossIndexed(
  topics: readonly Indexed<RawTopic>[],
  deployments: readonly Indexed<RawDeployment>[],
  problems: Problems,
): void {
  const named = (items: readonly Indexed<{ name: string }>[]) => items.map((i) => ({ name: i.value.name, index: i.index }));
  checkUniqueNames(named(topics), ['workload', 'topics'], 'topic', problems);
  checkUniqueNames(named(deployments), ['deployments'], 'deployment', problems);
  checkPartitionTotal(topics.map((t) => t.value), ['workload', 'topics'], problems);
  const rawTopics = topics.map((t) => t.value);
  for (const { value, index } of deployments) checkReplicasFit(value, ['deployments', index], rawTopics, problems);
}

interface Indexed<T> {
  value: T;
  index: number;
}

function validItems<T>(list: unknown, parse: (item: unknown) => { success: true; data: T } | { success: false }): Indexed<T>[] {
  if (!Array.isArray(list)) return [];
  const out: Indexed<T>[] = [];
  list.forEach((item, index) => {
    const parsed = parse(item);
    if (parsed.success) out.push({ value: parsed.data, index });
  });
  return out;
}

function nameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.ya?ml$/i, '') || 'scenario';
}

/**
 * A user's map copied onto an object without a prototype, so no key — whatever the schema let
 * through — can reach Object.prototype or shadow its methods downstream.
 */
function ownRecord(source: Readonly<Record<string, number>> | undefined): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  for (const [key, value] of Object.entries(source ?? {})) out[key] = value;
  return out;
}

function unique(formats: readonly OutputFormat[]): OutputFormat[] {
  return [...new Set(formats)];
}

/** The objectives written, under the resolved names; none set is an empty object. */
function resolveSlo(raw: RawScenario['slo'], problems: Problems): ResolvedSlo {
  const out: ResolvedSlo = {};
  if (raw === undefined) return out;
  if (raw.maxUtilization !== undefined && !(raw.maxUtilization >= 0 && raw.maxUtilization <= 1)) {
    problems.add(['slo', 'maxUtilization'], `a utilisation objective must be from 0% to 100% of sustained capacity, got ${Math.round(raw.maxUtilization * 100)}%`, 'write e.g. maxUtilization: 60%');
  }
  if (raw.publishLatency99pct !== undefined) out.publishLatency99pctS = raw.publishLatency99pct;
  if (raw.endToEndLatency99pct !== undefined) out.endToEndLatency99pctS = raw.endToEndLatency99pct;
  if (raw.maxUtilization !== undefined) out.maxUtilization = raw.maxUtilization;
  if (raw.throttledBytes !== undefined) out.throttledBytes = raw.throttledBytes;
  if (raw.lostBytes !== undefined) out.lostBytes = raw.lostBytes;
  if (raw.maxMonthlyCost !== undefined) out.maxMonthlyCostUsd = raw.maxMonthlyCost;
  return out;
}
