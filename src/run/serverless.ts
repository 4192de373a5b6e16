// The `serverless` deployment kind: MSK Serverless, simulated by the fluid cluster model as a
// virtual cluster whose only limits are the Serverless quotas (serverless-config.ts), and billed
// by cluster-hours, partition-hours, GiB in, GiB out and GiB-month stored (DESIGN §3.7).
import { HOURS_PER_MONTH, SERVERLESS_QUOTAS } from '../catalog/index.js';
import { serverlessBill, type ServerlessUsage } from '../cost/index.js';
import type { ClusterRunData } from '../model/run-cluster.js';
import type { LatencyReport } from '../model/latency-recorder.js';
import type { LatencyMode } from '../model/latency-figures.js';
import { normalQuantile } from '../latency/normal-quantile.js';
import type { ResolvedAssumptions } from '../catalog/index.js';
import { simulateCluster } from '../model/run-cluster.js';
import { CLUSTER_EGRESS, CLUSTER_INGRESS, PARTITION_EGRESS, PARTITION_INGRESS, RESOURCE_KIND_NAMES } from '../model/resources.js';
import type { ResolvedServerlessDeployment, ResolvedScenario } from '../scenario/index.js';
import { MIB_PER_GIB, SECONDS_PER_HOUR } from '../units.js';
import { bindingConstraint } from './binding.js';
import { checkServerless } from './check-serverless.js';
import type { DeploymentKind, RunContext } from './deployment-kind.js';
import type { QuotaSummary, ServerlessResult } from './result.js';
import { buildServerlessConfig } from './serverless-config.js';
import { clusterSummary, round } from './summary.js';
import { topicSummaries } from './topic-summary.js';

export const SERVERLESS_LATENCY_NOTE =
  'MSK Serverless latency is assumed, not simulated: AWS publishes no latency curve and no broker internals to queue at. The figures follow a lognormal law through serverless.publishLatencyP50S and serverless.publishLatencyP99S (plus serverless.endToEndExtraS for deliveries), assumptions to override with your own measurements; time under a throttling quota is not in them, and shows as throttled bytes, producer backlog and consumer lag instead.';

export const serverlessKind: DeploymentKind<ResolvedServerlessDeployment> = {
  type: 'serverless',
  check(scenario: ResolvedScenario, deployment: ResolvedServerlessDeployment, index: number): ReturnType<DeploymentKind['check']> {
    return checkServerless(scenario, deployment, index);
  },
  run(deployment: ResolvedServerlessDeployment, ctx: RunContext): ServerlessResult {
    const config = buildServerlessConfig(ctx.scenario, deployment, ctx.assumptions, { verify: ctx.verify });
    const run = simulateCluster(config);
    const usage = serverlessUsage(run, ctx.scenario, ctx.assumptions.values['serverless.crossAzClientFraction']);
    return {
      type: 'serverless',
      name: deployment.name,
      brokerType: 'MSK Serverless',
      brokers: 1,
      azs: 1,
      simulationEvents: run.events,
      binding: bindingConstraint(run, null),
      brokerSummaries: [],
      quotas: quotaSummaries(run),
      cluster: clusterSummary(run),
      topics: topicSummaries(run, config, { brokers: false, ingressLimitMiBps: SERVERLESS_QUOTAS.partitionIngressMaxMiBps.value }),
      timeline: run.timeline,
      timelineDropped: run.timelineDropped,
      topicNames: config.topics.map((t) => t.name),
      groupNames: config.topics.map((t) => t.consumerGroups.map((g) => g.name)),
      usage,
      bill: serverlessBill(usage, ctx.prices),
      latency: assumedLatency(ctx.assumptions),
      latencyNote: SERVERLESS_LATENCY_NOTE,
      series: run.series,
    };
  },
};

/**
 * Usage over the horizon scaled to a 730-hour month. The cluster and its partitions exist for the
 * whole horizon (topics are not created or deleted mid-run); data in is what the cluster accepted
 * (throttled bytes are billed when they are finally sent), data out every consumer fetch, replays
 * included; storage the time-average of the bytes retained, one copy — AWS prices Serverless
 * storage per GiB-month of data stored and manages its replicas itself (msk-facts.md §4a).
 * Cross-AZ client traffic is the assumption serverless.crossAzClientFraction of the client bytes,
 * 0 by default: clients reach Serverless through endpoints in their own subnets.
 */
export function serverlessUsage(run: ClusterRunData, scenario: ResolvedScenario, crossAzFraction = 0): ServerlessUsage {
  const u = run.usage;
  const monthHours = HOURS_PER_MONTH.value;
  const perMonth = (monthHours * SECONDS_PER_HOUR) / run.durationS;
  const partitions = scenario.workload.topics.reduce((n, t) => n + t.partitions, 0);
  return {
    clusterHours: monthHours,
    partitionHours: partitions * monthHours,
    dataInGiB: round((u.producedIntoLeadersMiB / MIB_PER_GIB) * perMonth),
    dataOutGiB: round((u.fetchedMiB / MIB_PER_GIB) * perMonth),
    storageGiBMonth: round(u.storedMiBSeconds / MIB_PER_GIB / run.durationS),
    crossAzGiB: round((((u.producedIntoLeadersMiB + u.fetchedMiB) / MIB_PER_GIB) * perMonth) * crossAzFraction),
  };
}

const QUOTA_LIMITS = [
  [CLUSTER_INGRESS, SERVERLESS_QUOTAS.clusterIngressMaxMiBps.value],
  [CLUSTER_EGRESS, SERVERLESS_QUOTAS.clusterEgressMaxMiBps.value],
  [PARTITION_INGRESS, SERVERLESS_QUOTAS.partitionIngressMaxMiBps.value],
  [PARTITION_EGRESS, SERVERLESS_QUOTAS.partitionEgressMaxMiBps.value],
] as const;

function quotaSummaries(run: ClusterRunData): QuotaSummary[] {
  const { kind } = run.resources;
  const u = run.utilization;
  return QUOTA_LIMITS.map(([k, limitMiBps]) => {
    let best = -1;
    for (let r = 0; r < kind.length; r++) if (kind[r] === k && (best < 0 || u.utilMax[r]! > u.utilMax[best]!)) best = r;
    return {
      quota: RESOURCE_KIND_NAMES[k],
      limitMiBps,
      peakUtilization: round(u.utilMax[best]!),
      peakAtS: u.utilMaxAtS[best]!,
      meanUtilization: round(u.utilIntegral[best]! / run.durationS),
    };
  });
}

/**
 * The whole-run figures of the assumed law: a lognormal through the assumed p50 and p99 (σ from
 * their ratio), its quantiles in closed form; end-to-end shifted by the delivery's extra. No
 * hourly figures and no request-level windows: there is nothing simulated to vary by hour.
 */
export function assumedLatency(assumptions: ResolvedAssumptions): LatencyReport {
  const a = assumptions.values;
  const p50 = a['serverless.publishLatencyP50S'];
  const p99 = Math.max(p50, a['serverless.publishLatencyP99S']);
  const extra = a['serverless.endToEndExtraS'];
  const sigma = Math.log(p99 / p50) / normalQuantile(0.99);
  const q = (p: number): number => p50 * Math.exp(sigma * normalQuantile(p));
  const ms = (s: number): number => Math.round(s * 1e6) / 1e3;
  const figures = (shift: number) => ({
    p50: ms(q(0.5) + shift),
    p95: ms(q(0.95) + shift),
    p99: ms(q(0.99) + shift),
    p999: ms(q(0.999) + shift),
  });
  const pub = figures(0);
  const e2e = figures(extra);
  return {
    estimate: {
      mode: 'assumed' as LatencyMode,
      produceRequests: 0,
      publishLatency50pct: pub.p50,
      publishLatency95pct: pub.p95,
      publishLatency99pct: pub.p99,
      publishLatency999pct: pub.p999,
      publishLatencyMax: null,
      endToEndLatency50pct: e2e.p50,
      endToEndLatency95pct: e2e.p95,
      endToEndLatency99pct: e2e.p99,
      endToEndLatency999pct: e2e.p999,
      endToEndLatencyMax: null,
      saturatedSeconds: 0,
      saturated: [],
      requestQueuesSaturatedSeconds: 0,
      requestQueuesSaturated: [],
    },
    hourly: [],
    windows: [],
  };
}
