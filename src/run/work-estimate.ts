// The work a deployment's run will need, computed from the settings in well under a
// second: time-series values held until written, partition replicas per broker, the model's
// partition classes, events, and the requests of each request-level latency window. The
// admission checks (check-provisioned.ts) hold these against msksim's limits and MSK's quotas;
// `msksim validate` prints them.
import type { ResolvedAssumptions } from '../catalog/index.js';
import { BROKER_SERIES, CLUSTER_SERIES } from '../model/observe/series.js';
import type { ResolvedDeployment, ResolvedScenario } from '../scenario/index.js';
import { estimateEvents, type EventsEstimate } from './events-estimate.js';
import { maxOf, partitionLayout } from './partition-layout.js';
import { modelConfigOf } from './model-config.js';
import { windowRequests } from './window-requests.js';

export interface WorkEstimate {
  /** Grid samples of every time series over the horizon. */
  samples: number;
  /** Time series: per broker and for the cluster. */
  series: number;
  /** Partition replicas on the fullest broker, and which (0-based). */
  replicasPerBrokerMax: number;
  replicasBroker: number;
  flowClasses: number;
  events: EventsEstimate;
  /** Produce requests of one request-level window at the peak load, warm-up included (before msksim's cap). */
  windowRequests: number;
  windows: number;
}

export function estimateWork(scenario: ResolvedScenario, d: ResolvedDeployment, assumptions: ResolvedAssumptions): WorkEstimate {
  const config = modelConfigOf(scenario, d, assumptions);
  const layout = partitionLayout(config);
  const fullest = maxOf(layout.replicasPerBroker);
  const windows = scenario.latency.windows;
  return {
    samples: Math.floor(scenario.durationS / scenario.output.intervalS) + 1,
    series: BROKER_SERIES.length * config.brokers + CLUSTER_SERIES.length,
    replicasPerBrokerMax: fullest.value,
    replicasBroker: fullest.index,
    flowClasses: layout.flowClasses,
    events: estimateEvents(scenario, config.profileStepS, config.brokers),
    windowRequests: windows.length === 0 || config.latency === null ? 0 : windowRequests(scenario, Math.max(...windows.map((w) => w.durationS))),
    windows: config.latency === null ? 0 : windows.length,
  };
}
