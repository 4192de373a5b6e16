// The `express` deployment kind: MSK Provisioned with Express brokers, simulated by the fluid
// cluster model (express-config.ts) and billed by broker-hours, GiB written and GiB-month of
// data retained (DESIGN §3.7).
import { EXPRESS_CLUSTER, HOURS_PER_MONTH, type ResolvedAssumptions } from '../catalog/index.js';
import { expressBill, type ExpressUsage } from '../cost/index.js';
import type { ClusterRunData } from '../model/run-cluster.js';
import { simulateCluster } from '../model/run-cluster.js';
import type { Problem, ResolvedExpressDeployment, ResolvedScenario } from '../scenario/index.js';
import { MIB_PER_GIB, SECONDS_PER_HOUR } from '../units.js';
import { checkExpress } from './check-express.js';
import type { DeploymentKind, RunContext } from './deployment-kind.js';
import { buildExpressConfig, expressOverrides } from './express-config.js';
import type { ExpressResult } from './result.js';
import { round, runFields } from './summary.js';
import { topicSummaries } from './topic-summary.js';

export const expressKind: DeploymentKind<ResolvedExpressDeployment> = {
  type: 'express',
  check(scenario: ResolvedScenario, deployment: ResolvedExpressDeployment, index: number, assumptions: ResolvedAssumptions): Problem[] {
    return checkExpress(scenario, deployment, index, assumptions);
  },
  run(deployment: ResolvedExpressDeployment, ctx: RunContext): ExpressResult {
    const config = buildExpressConfig(ctx.scenario, deployment, ctx.assumptions, { verify: ctx.verify });
    const run = simulateCluster(config);
    const usage = expressUsage(run, deployment);
    return {
      type: 'express',
      name: deployment.name,
      brokerType: deployment.brokerType,
      brokers: deployment.brokers,
      azs: deployment.azs,
      ...runFields(run, config, config.topics.map((t) => t.name)),
      topics: topicSummaries(run, config, { brokers: true, ingressLimitMiBps: EXPRESS_CLUSTER.partitionThroughputMaxMiBps.value }),
      usage,
      bill: expressBill(usage, ctx.prices),
      notes: expressOverrides(ctx.scenario),
    };
  },
};

/**
 * Usage over the horizon scaled to a 730-hour month: broker-hours for every broker, data written
 * as the bytes producers got into the leaders (throttled bytes are billed when finally sent),
 * storage as the time-average of the bytes retained — one copy. AWS's Express pricing is per
 * GB-month "of data retained", and AWS's own sizing script prices Express storage as ingress ×
 * retention with no replication factor, where it multiplies Standard EBS by it (msk-facts.md
 * [S1] calculate_express_sizing; the "× 3" estimate of [S2] is the storage used on disk, not
 * what is billed). Client traffic that crosses an AZ is billed as on Standard brokers; the
 * copies to followers are not billed.
 */
export function expressUsage(run: ClusterRunData, deployment: ResolvedExpressDeployment): ExpressUsage {
  const u = run.usage;
  const monthHours = HOURS_PER_MONTH.value;
  const perMonth = (monthHours * SECONDS_PER_HOUR) / run.durationS;
  const brokerHours: ExpressUsage['brokerHours'] = {};
  for (const [type, seconds] of Object.entries(u.brokerSeconds)) {
    brokerHours[type as keyof ExpressUsage['brokerHours']] = round((seconds / SECONDS_PER_HOUR) * perMonth);
  }
  if (Object.keys(brokerHours).length === 0) brokerHours[deployment.brokerType] = deployment.brokers * monthHours;
  return {
    brokerHours,
    dataWrittenGiB: round((u.producedIntoLeadersMiB / MIB_PER_GIB) * perMonth),
    storageGiBMonth: round(u.storedMiBSeconds / MIB_PER_GIB / run.durationS),
    crossAzGiB: round(((u.crossAzProducedMiB + u.crossAzFetchedMiB) / MIB_PER_GIB) * perMonth),
  };
}
