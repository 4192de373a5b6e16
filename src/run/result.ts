// What a run returns: plain data, a union on the deployment's `type`, with no reference to the
// simulation, so results cross worker threads by structuredClone (DESIGN §1.1).
import type { ResolvedAssumptions, ResolvedPrices } from '../catalog/index.js';
import type { Bill, StandardUsage } from '../cost/index.js';
import type { LatencyReport } from '../model/latency-recorder.js';
import type { SeriesData } from '../model/observe/series.js';
import type { TimelineEvent } from '../model/observe/timeline.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { Binding } from './binding.js';
import type { BrokerSummary, ClusterSummary } from './summary.js';

export interface ProvisionedResult {
  type: 'provisioned';
  name: string;
  brokerType: string;
  brokers: number;
  azs: number;
  /** Events the simulation processed: workload changes and crossings, not time steps. */
  simulationEvents: number;
  binding: Binding;
  brokerSummaries: BrokerSummary[];
  cluster: ClusterSummary;
  /** Structured; brokers are 0-based. src/report words them. */
  timeline: TimelineEvent[];
  /** Timeline events past the kept limit, counted. */
  timelineDropped: number;
  /** Names of the topics and of their consumer groups, for the timeline's words. */
  topicNames: string[];
  groupNames: string[][];
  usage: StandardUsage;
  bill: Bill;
  latency: LatencyReport | null;
  /** Not serialised into the JSON report; the CSV carries it. Null once written and dropped. */
  series: SeriesData | null;
}

export type DeploymentResult = ProvisionedResult;

export interface ScenarioResult {
  scenario: ResolvedScenario;
  assumptions: ResolvedAssumptions;
  prices: ResolvedPrices;
  deployments: DeploymentResult[];
}
