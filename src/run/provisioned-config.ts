// Resolves one provisioned deployment of a scenario into the model's configuration: capacities
// from the catalog, the constants AWS does not publish from the assumptions, the workload as is.
import { MSK_DEFAULT_CONFIGURATION, STANDARD_STORAGE, standardBroker, type ResolvedAssumptions, type StandardBrokerCaps } from '../catalog/index.js';
import type { ResolvedProvisionedDeployment, ResolvedScenario } from '../scenario/types.js';
import type { BrokerSpec, BucketSpec, ModelConfig } from '../model/config.js';

export function buildModelConfig(
  scenario: ResolvedScenario,
  deployment: ResolvedProvisionedDeployment,
  assumptions: ResolvedAssumptions,
  options: { verify?: boolean } = {},
): ModelConfig {
  const a = assumptions.values;
  const caps = standardBroker(deployment.brokerType);
  const storage = STANDARD_STORAGE;
  const expand = deployment.storage.autoExpand;
  return {
    ...clusterTiming(scenario, assumptions, deployment),
    broker: brokerSpec(caps, deployment, assumptions),
    cpu: {
      coreSecondsPerMiBProduced: a['cpu.coreSecondsPerMiBProduced'],
      coreSecondsPerMiBReplicated: a['cpu.coreSecondsPerMiBReplicated'],
      coreSecondsPerMiBFetched: a['cpu.coreSecondsPerMiBFetched'],
      coreSecondsPerRequest: a['cpu.coreSecondsPerRequest'],
    },
    initialCreditFraction: a['credits.initialFillFraction'],
    warmStart: deployment.warmStart,
    autoExpand:
      expand === null
        ? null
        : {
            targetFraction: expand.targetFraction,
            maxSizeGiB: Math.min(expand.maxSizeGiB, storage.autoExpansion.maxGiBPerBroker.value),
            cooldownS: storage.autoExpansion.cooldownS.value,
            minStepGiB: storage.autoExpansion.stepMinGiB.value,
            stepFraction: storage.autoExpansion.stepFractionOfCurrent.value,
          },
    diskAlarmFraction: storage.diskUsedAlarmPct.value / 100,
    cpuGuidanceFraction: 0.6,
    replicaLagTimeMaxS: MSK_DEFAULT_CONFIGURATION.replicaLagTimeMaxS.value,
    topics: scenario.workload.topics,
    compactionRetainedFraction: assumptions.values['compaction.retainedFraction'],
    verify: options.verify ?? false,
    latency: latencyConfig(scenario, assumptions, {
      ioThreads: a['broker.ioThreads'] > 0 ? a['broker.ioThreads'] : caps.ioThreads,
      networkThreads: caps.networkThreads,
      replicaFetchers: deployment.replicaFetchers ?? MSK_DEFAULT_CONFIGURATION.numReplicaFetchers.value,
    }),
  };
}

/** The horizon, grid and brokers of a cluster deployment: what every kind with brokers takes alike. */
export function clusterTiming(scenario: ResolvedScenario, assumptions: ResolvedAssumptions, deployment: { brokers: number; azs: number }) {
  return {
    durationS: scenario.durationS,
    startEpochS: scenario.startEpochS,
    seed: scenario.seed,
    intervalS: scenario.output.intervalS,
    profileStepS: assumptions.values['workload.profileStepS'],
    brokers: deployment.brokers,
    azs: deployment.azs,
    clientAzs: scenario.clients.azs ?? deployment.azs,
  };
}

/** The latency layer's configuration: the scenario's windows, and the assumptions with the broker's threads. */
export function latencyConfig(
  scenario: ResolvedScenario,
  assumptions: ResolvedAssumptions,
  threads: { ioThreads: number; networkThreads: number; replicaFetchers: number },
): NonNullable<ModelConfig['latency']> {
  const a = assumptions.values;
  return {
    params: {
      rttSameAzS: a['network.rttSameAzS'],
      rttCrossAzS: a['network.rttCrossAzS'],
      rttInterBrokerS: a['network.rttInterBrokerS'],
      ioThreads: threads.ioThreads,
      networkThreads: threads.networkThreads,
      cpuSecondsPerRequest: a['cpu.coreSecondsPerRequest'],
      cpuSecondsPerMiB: a['cpu.coreSecondsPerMiBProduced'],
      // Sources of variability (src/latency/variability.ts), each overridable in the scenario.
      rttJitterMeanS: a['network.rttJitterMeanS'],
      gcPauseCoreS: a['jvm.gcPauseCoreS'],
      gcPauseShareCore: a['jvm.gcPauseShareCore'],
      writebackStallSPerMiBps: a['ebs.writebackStallSPerMiBps'],
      writebackStallSharePerMiBps: a['ebs.writebackStallSharePerMiBps'],
      replicaFetchers: threads.replicaFetchers,
      fetcherSPerMiB: a['replication.fetcherSPerMiB'],
      fetchFixedS: a['replication.fetchFixedS'],
      segmentRollS: a['log.segmentRollS'],
      ebsReadLatencyS: a['ebs.readLatencyS'],
    },
    saturatedUtilization: a['latency.saturatedUtilization'],
    estimate: scenario.latency.estimate,
    windows: scenario.latency.windows,
  };
}

function brokerSpec(caps: StandardBrokerCaps, deployment: ResolvedProvisionedDeployment, assumptions: ResolvedAssumptions): BrokerSpec {
  const a = assumptions.values;
  const network = (): BucketSpec =>
    bucket(caps.networkBaselineMiBps, caps.networkBurstable ? caps.networkBurstMiBps : caps.networkBaselineMiBps, a['network.burstMinutesAtMax'], a['network.burstRefillFraction']);
  const credits = caps.cpuCredits;
  const cpuCores: BucketSpec =
    credits === null
      ? bucket(caps.vcpu, caps.vcpu, 0, 1)
      : {
          // t3: earns `earnedPerHour` vCPU-minutes an hour (= baseline share × vCPUs), holds at
          // most `maxAccrued`; one credit is one vCPU for one minute.
          baseline: (caps.vcpu * credits.baselinePctPerVcpu) / 100,
          burst: caps.vcpu,
          size: credits.maxAccrued * 60,
          earnFraction: 1,
        };
  const heapGiB = Math.min(caps.memoryGiB * a['memory.heapFraction'], a['memory.heapMaxGiB']);
  return {
    typeName: deployment.brokerType,
    networkInMiBps: network(),
    networkOutMiBps: network(),
    ebsMiBps: bucket(caps.ebsBaselineMiBps, caps.ebsBurst30MinPer24h ? caps.ebsMaxMiBps : caps.ebsBaselineMiBps, a['ebs.burstMinutesAtMax'], a['ebs.burstRefillFraction']),
    volumeThroughputMiBps: deployment.storage.provisionedThroughputMiBps ?? STANDARD_STORAGE.defaultVolumeThroughputMiBps.value,
    cpuCores,
    storageGiB: deployment.storage.sizeGiB,
    pageCacheGiB: Math.max(0, (caps.memoryGiB - heapGiB) * a['memory.pageCacheFraction']),
  };
}

/** A bucket holding `minutes` at the burst rate above the baseline. */
function bucket(baseline: number, burst: number, minutes: number, earnFraction: number): BucketSpec {
  return { baseline, burst, size: Math.max(0, burst - baseline) * minutes * 60, earnFraction };
}
