// What a run returns: plain data, a union on the deployment's `type`, with no reference to the
// simulation, so results cross worker threads by structuredClone (DESIGN §1.1).
import type { ResolvedAssumptions, ResolvedPrices } from '../catalog/index.js';
import type { Bill, ExpressUsage, ServerlessUsage, StandardUsage } from '../cost/index.js';
import type { LatencyReport } from '../model/latency-recorder.js';
import type { SeriesData } from '../model/observe/series.js';
import type { TimelineEvent } from '../model/observe/timeline.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { Binding } from './binding.js';
import type { BrokerSummary, ClusterSummary } from './summary.js';
import type { TopicSummary } from './topic-summary.js';

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
  /** Per topic: its hottest partition (and where its hot partitions are led). */
  topics: TopicSummary[];
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

/** Peak use of one Serverless quota: the busiest resource of its kind (partition quotas: the busiest class's mean partition). */
export interface QuotaSummary {
  quota: string;
  limitMiBps: number;
  /** Of the quota, 0–1, the largest over the run, and when. */
  peakUtilization: number;
  peakAtS: number;
  meanUtilization: number;
}

/**
 * MSK Serverless through the same fluid model (serverless-config.ts): one virtual broker, so
 * `brokers` is 1 and `brokerSummaries` is empty — the quotas are what there is to report.
 */
export interface ServerlessResult extends Omit<ProvisionedResult, 'type' | 'usage'> {
  type: 'serverless';
  quotas: QuotaSummary[];
  usage: ServerlessUsage;
  /** Why the result has no latency figures. */
  latencyNote: string;
}

/**
 * MSK Express brokers through the same fluid model (express-config.ts): per-broker client
 * quotas, elastic storage, replication out of the brokers' sight.
 */
export interface ExpressResult extends Omit<ProvisionedResult, 'type' | 'usage'> {
  type: 'express';
  usage: ExpressUsage;
  /** What differs from the scenario as written: topics run at RF 3 / min.insync.replicas 2. */
  notes: string[];
}

export type DeploymentResult = ProvisionedResult | ExpressResult | ServerlessResult;

export interface ScenarioResult {
  scenario: ResolvedScenario;
  assumptions: ResolvedAssumptions;
  prices: ResolvedPrices;
  deployments: DeploymentResult[];
}
