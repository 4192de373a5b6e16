// Checks of a provisioned deployment that need the catalog or a dry run of the model, each
// located at the deployment's field so it prints as file:line:col with the fix.
import { PROVISIONED_QUOTAS, standardBroker, type ResolvedAssumptions } from '../catalog/index.js';
import { RandomStreams } from '../engine/index.js';
import { createState } from '../model/state.js';
import { TopicLoad } from '../model/topic-load.js';
import { initialiseWarmStart, warmStartDiskGiB } from '../model/warm-start.js';
import { MAX_SERIES_VALUES } from '../scenario/limits.js';
import type { Problem, ResolvedProvisionedDeployment, ResolvedScenario } from '../scenario/index.js';
import { checkClassEvents, checkFlowClasses, checkPartitionQuota } from './check-partitions.js';
import { buildModelConfig } from './provisioned-config.js';
import { estimateWork, type WorkEstimate } from './work-estimate.js';

export function checkProvisioned(scenario: ResolvedScenario, d: ResolvedProvisionedDeployment, i: number, assumptions: ResolvedAssumptions): Problem[] {
  const problems: Problem[] = [];
  const caps = standardBroker(d.brokerType);
  const pst = d.storage.provisionedThroughputMiBps;
  if (pst !== null && !caps.pstEligible) {
    problems.push({
      path: ['deployments', i, 'storage', 'provisionedThroughput'],
      message: `${d.brokerType} cannot have provisioned storage throughput (MSK allows it on kafka.m5.4xlarge and larger, kafka.m7g.2xlarge and larger)`,
      fix: 'remove provisionedThroughput, or choose a larger broker type',
    });
  } else if (pst !== null && caps.pstMaxMiBps !== null && pst > caps.pstMaxMiBps) {
    problems.push({
      path: ['deployments', i, 'storage', 'provisionedThroughput'],
      message: `${d.brokerType} supports at most ${caps.pstMaxMiBps} MiB/s of provisioned storage throughput`,
      fix: `write ${caps.pstMaxMiBps}MiB/s or less, or choose a larger broker type`,
    });
  }
  const maxBrokers = PROVISIONED_QUOTAS.brokersPerClusterKRaft.value;
  if (d.brokers > maxBrokers) {
    problems.push({
      path: ['deployments', i, 'brokers'],
      message: `${d.brokers} brokers exceed MSK's quota of ${maxBrokers} brokers per cluster (KRaft; 30 with ZooKeeper)`,
      fix: `use at most ${maxBrokers} brokers, or larger brokers`,
    });
  }
  // The work estimate walks the placement, N·(N − 1) replica lists at most: only for a cluster MSK allows.
  if (d.brokers > maxBrokers) return problems;
  const work = estimateWork(scenario, d, assumptions);
  problems.push(...checkSeriesSize(scenario, d, work), ...checkPartitionQuota(scenario, d, i, work), ...checkFlowClasses(d, i, work), ...checkClassEvents(d, i, work));
  if (problems.length === 0 && d.warmStart) problems.push(...checkWarmStart(scenario, d, i, assumptions));
  return problems;
}

/** The time series of a run are held in memory until written: bound them before allocating. */
function checkSeriesSize(scenario: ResolvedScenario, d: ResolvedProvisionedDeployment, work: WorkEstimate): Problem[] {
  const { series, samples } = work;
  if (samples * series <= MAX_SERIES_VALUES) return [];
  const minIntervalS = Math.ceil(scenario.durationS / (Math.floor(MAX_SERIES_VALUES / series) - 1));
  return [
    {
      path: ['output', 'interval'],
      message: `${samples.toLocaleString('en-US')} samples of ${series} series for ${d.name} are ${(samples * series).toLocaleString('en-US')} values, over msksim's limit of ${MAX_SERIES_VALUES.toLocaleString('en-US')}`,
      fix: `write an interval of at least ${minIntervalS}s, or shorten the duration`,
    },
  ];
}

/**
 * A warm start fills every partition with one retention period of data at t = 0. If that does
 * not fit on the disks the run would start with brokers down and bill a cluster that moved no
 * data: say so instead, with the size that would hold it.
 */
function checkWarmStart(scenario: ResolvedScenario, d: ResolvedProvisionedDeployment, i: number, assumptions: ResolvedAssumptions): Problem[] {
  // Only the history before t = 0 matters here: evaluate the profiles up to the first second.
  const config = { ...buildModelConfig(scenario, d, assumptions), durationS: 1 };
  const streams = new RandomStreams(config.seed);
  const state = createState(config, streams);
  const load = new TopicLoad(config, streams.stream('workload'));
  load.update(0);
  initialiseWarmStart(state, load);
  const used = warmStartDiskGiB(state);
  let worst = 0;
  for (let b = 1; b < used.length; b++) if (used[b]! > used[worst]!) worst = b;
  const usedGiB = used[worst]!;
  if (usedGiB <= d.storage.sizeGiB) return [];
  const pct = Math.round((usedGiB / d.storage.sizeGiB) * 100);
  return [
    {
      path: ['deployments', i, 'storage', 'size'],
      message: `warm start puts ${Math.ceil(usedGiB)} GiB on broker ${worst + 1} at t = 0 (${pct} % of its ${d.storage.sizeGiB} GiB): one retention period of every topic does not fit`,
      fix: `provision at least ${Math.ceil(usedGiB / 0.85)}GiB per broker (85 % full), add brokers, shorten retention, or set warmStart: false`,
    },
  ];
}
