// The `serverless` deployment kind: MSK Serverless, simulated by the fluid cluster model as a
// virtual cluster whose only limits are the Serverless quotas (serverless-config.ts), and billed
// by cluster-hours, partition-hours, GiB in, GiB out and GiB-month stored (DESIGN §3.7).
import { HOURS_PER_MONTH, SERVERLESS_QUOTAS } from '../catalog/index.js';
import { serverlessBill, type ServerlessUsage } from '../cost/index.js';
import type { ClusterRunData } from '../model/run-cluster.js';
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
  'Latency is not modelled for MSK Serverless: AWS publishes no latency curve and no broker internals to queue at; throttling shows as producer backlog and consumer lag instead.';

export const serverlessKind: DeploymentKind<ResolvedServerlessDeployment> = {
  type: 'serverless',
  check(scenario: ResolvedScenario, deployment: ResolvedServerlessDeployment, index: number): ReturnType<DeploymentKind['check']> {
    return checkServerless(scenario, deployment, index);
  },
  run(deployment: ResolvedServerlessDeployment, ctx: RunContext): ServerlessResult {
    const config = buildServerlessConfig(ctx.scenario, deployment, ctx.assumptions, { verify: ctx.verify });
    const run = simulateCluster(config);
    const usage = serverlessUsage(run, ctx.scenario);
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
      latency: null,
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
 * Cross-AZ client traffic is 0: clients reach Serverless through endpoints in their own subnets.
 */
export function serverlessUsage(run: ClusterRunData, scenario: ResolvedScenario): ServerlessUsage {
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
    crossAzGiB: 0,
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
