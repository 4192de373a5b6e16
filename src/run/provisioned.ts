// The `provisioned` deployment kind: MSK Standard brokers, simulated by the fluid cluster model.
import { HOURS_PER_MONTH, type ResolvedAssumptions } from '../catalog/index.js';
import { standardBill, type StandardUsage } from '../cost/index.js';
import type { ClusterRunData } from '../model/run-cluster.js';
import { simulateCluster } from '../model/run-cluster.js';
import type { ModelConfig } from '../model/config.js';
import { topicShapes } from '../model/partitions.js';
import type { Problem, ResolvedProvisionedDeployment, ResolvedScenario } from '../scenario/index.js';
import { MIB_PER_GIB, SECONDS_PER_HOUR } from '../units.js';
import { checkProvisioned } from './check-provisioned.js';
import type { DeploymentKind, RunContext } from './deployment-kind.js';
import { buildModelConfig } from './provisioned-config.js';
import type { ProvisionedResult } from './result.js';
import { topicSummaries } from './topic-summary.js';
import { round, runFields } from './summary.js';

export const provisionedKind: DeploymentKind<ResolvedProvisionedDeployment> = {
  type: 'provisioned',
  check(scenario: ResolvedScenario, deployment: ResolvedProvisionedDeployment, index: number, assumptions: ResolvedAssumptions): Problem[] {
    return checkProvisioned(scenario, deployment, index, assumptions);
  },
  run(deployment: ResolvedProvisionedDeployment, ctx: RunContext): ProvisionedResult {
    const config = buildModelConfig(ctx.scenario, deployment, ctx.assumptions, { verify: ctx.verify });
    const run = simulateCluster(config);
    const usage = monthlyUsage(run, deployment);
    return {
      type: 'provisioned',
      name: deployment.name,
      brokerType: deployment.brokerType,
      brokers: deployment.brokers,
      azs: deployment.azs,
      ...runFields(run, config, topicLabels(config)),
      topics: topicSummaries(run, config, { brokers: true, ingressLimitMiBps: null }),
      usage,
      bill: standardBill(usage, ctx.prices),
    };
  },
};

/**
 * How the timeline names a topic: topics of one shape move as one (src/model/partitions.ts), so
 * an event on the first of them is an event on all.
 */
function topicLabels(config: ModelConfig): string[] {
  const shapes = topicShapes(config);
  const members = new Map<number, number>();
  for (const s of shapes) members.set(s.representative, (members.get(s.representative) ?? 0) + 1);
  return config.topics.map((t, i) => {
    const n = members.get(i) ?? 1;
    return n > 1 ? `${t.name} and ${n - 1} topic${n > 2 ? 's' : ''} of the same shape` : t.name;
  });
}

/**
 * Usage over the simulated horizon scaled to a 730-hour month (DESIGN §3.7): brokers bill for
 * every hour they exist, storage by its provisioned size in force (auto-expansion included),
 * and client traffic that crosses an AZ by the bytes moved.
 */
function monthlyUsage(run: ClusterRunData, deployment: ResolvedProvisionedDeployment): StandardUsage {
  const u = run.usage;
  const monthS = HOURS_PER_MONTH.value * SECONDS_PER_HOUR;
  const perMonth = monthS / run.durationS;
  const brokerHours: StandardUsage['brokerHours'] = {};
  for (const [type, seconds] of Object.entries(u.brokerSeconds)) {
    brokerHours[type as keyof StandardUsage['brokerHours']] = round((seconds / SECONDS_PER_HOUR) * perMonth);
  }
  const pst = deployment.storage.provisionedThroughputMiBps;
  return {
    brokerHours,
    storageGiBMonth: round(u.storageGiBSeconds / run.durationS),
    provisionedThroughputMiBpsMonth: pst === null ? 0 : pst * deployment.brokers,
    crossAzGiB: round(((u.crossAzProducedMiB + u.crossAzFetchedMiB) / MIB_PER_GIB) * perMonth),
    interBrokerReplicationGiB: round((u.replicatedMiB / MIB_PER_GIB) * perMonth),
  };
}
