// Runs every deployment of a scenario and gathers what the reports need: summaries, the binding
// constraint, the timeline of notable events, the time series and the bill from simulated usage.
import { HOURS_PER_MONTH, resolveAssumptions, resolvePrices, type ResolvedAssumptions, type ResolvedPrices } from '../catalog/index.js';
import { standardBill, type Bill, type StandardUsage } from '../cost/index.js';
import type { ResolvedProvisionedDeployment, ResolvedScenario } from '../scenario/types.js';
import { bindingConstraint, type BindingConstraint } from './binding.js';
import { ClusterSimulation } from './cluster-sim.js';
import { buildModelConfig } from './from-scenario.js';
import type { LatencyReport } from './latency-recorder.js';
import type { Recorder, RunEvent } from './recorder.js';
import { brokerSummaries, clusterSummary, round, type BrokerSummary, type ClusterSummary } from './summary.js';

const MIB_PER_GIB = 1024;

export interface DeploymentResult {
  name: string;
  type: 'provisioned';
  brokerType: string;
  brokers: number;
  azs: number;
  /** Events the simulation processed: workload changes and crossings, not time steps. */
  simulationEvents: number;
  binding: BindingConstraint;
  brokerSummaries: BrokerSummary[];
  cluster: ClusterSummary;
  timeline: RunEvent[];
  usage: StandardUsage;
  bill: Bill;
  latency: LatencyReport | null;
  /** Not serialised into the JSON report; the CSV carries it. */
  series: Recorder;
}

export interface ScenarioResult {
  scenario: ResolvedScenario;
  assumptions: ResolvedAssumptions;
  prices: ResolvedPrices;
  deployments: DeploymentResult[];
}

export function runScenario(scenario: ResolvedScenario, options: { verify?: boolean } = {}): ScenarioResult {
  const assumptions = resolveAssumptions(scenario.assumptionOverrides);
  const prices = resolvePrices({
    region: scenario.region,
    overrides: scenario.pricing.overrides,
    discountPct: scenario.pricing.discountFraction * 100,
  });
  const deployments = scenario.deployments.map((d) => runDeployment(scenario, d, assumptions, prices, options.verify ?? false));
  return { scenario, assumptions, prices, deployments };
}

function runDeployment(
  scenario: ResolvedScenario,
  deployment: ResolvedProvisionedDeployment,
  assumptions: ResolvedAssumptions,
  prices: ResolvedPrices,
  verify: boolean,
): DeploymentResult {
  const sim = new ClusterSimulation(buildModelConfig(scenario, deployment, assumptions, { verify }));
  sim.run();
  const usage = monthlyUsage(sim, deployment);
  return {
    name: deployment.name,
    type: 'provisioned',
    brokerType: deployment.brokerType,
    brokers: deployment.brokers,
    azs: deployment.azs,
    simulationEvents: sim.eventsProcessed,
    binding: bindingConstraint(sim),
    brokerSummaries: brokerSummaries(sim),
    cluster: clusterSummary(sim),
    timeline: sim.recorder.events.map((e) => ({ ...e, broker: e.broker + 1 })),
    usage,
    bill: standardBill(usage, prices),
    latency: sim.latencyReport,
    series: sim.recorder,
  };
}

/**
 * Usage over the simulated horizon scaled to a 730-hour month (DESIGN §3.7): brokers bill for
 * every hour they exist, storage by its provisioned size (auto-expansion included), and client
 * traffic that crosses an AZ by the bytes moved.
 */
function monthlyUsage(sim: ClusterSimulation, deployment: ResolvedProvisionedDeployment): StandardUsage {
  const r = sim.recorder;
  const duration = sim.config.durationS;
  const perMonth = (HOURS_PER_MONTH.value * 3600) / duration;
  const pst = deployment.storage.provisionedThroughputMiBps;
  return {
    brokerHours: { [deployment.brokerType]: deployment.brokers * HOURS_PER_MONTH.value },
    storageGiBMonth: round(r.storageGiBSeconds / duration),
    provisionedThroughputMiBpsMonth: pst === null ? 0 : pst * deployment.brokers,
    crossAzGiB: round(((r.crossAzProducedMiB + r.crossAzFetchedMiB) / MIB_PER_GIB) * perMonth),
    interBrokerReplicationGiB: round((r.replicatedMiB / MIB_PER_GIB) * perMonth),
  };
}
