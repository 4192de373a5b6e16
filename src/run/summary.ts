// Per-broker and cluster summaries of a finished run: utilisation (mean, p95, max) of each
// resource against its sustained capacity, time above the CPU guidance, time with each credit
// bucket empty, throttled and lost bytes, and the largest backlogs.
import { max } from 'd3-array';
import { selectInPlace } from '../engine/select.js';
import type { ClusterRunData } from '../model/run-cluster.js';
import type { ModelConfig } from '../model/config.js';
import { bindingConstraint } from './binding.js';
import { azOfBroker } from '../model/placement.js';
import { brokerResource, CPU, EBS, KINDS_PER_BROKER, NET_IN, NET_OUT, resourceName, UTILIZATION_SERIES } from '../model/resources.js';
import { BYTES_PER_MIB } from '../units.js';

export interface UtilizationSummary {
  meanPct: number;
  p95Pct: number;
  maxPct: number;
}

export interface BrokerSummary {
  broker: number;
  az: number;
  networkIn: UtilizationSummary;
  networkOut: UtilizationSummary;
  ebsThroughput: UtilizationSummary;
  cpu: UtilizationSummary;
  minutesCpuAboveGuidance: number;
  minutesBucketEmpty: { ebsBurst: number; networkIn: number; networkOut: number; cpuCredits: number };
  /** Minutes during which one of its resources limited some flow. */
  minutesThrottling: number;
  throttledBytes: number;
  lostBytes: number;
  /** Largest producer backlog of the partitions it leads, follower lag it carries, consumer lag it serves. */
  maxProducerBacklogBytes: number;
  maxFollowerLagBytes: number;
  maxConsumerLagBytes: number;
  maxUnderReplicatedPartitions: number;
  storage: { provisionedGiBEnd: number; usedPctMax: number; usedPctEnd: number };
  runningAtEnd: boolean;
}

export interface ClusterSummary {
  producedBytes: number;
  /** On disk at the end, one copy: what retention keeps, compacted topics at compaction.retainedFraction of it. */
  storedBytesEnd: number;
  deletedBytes: number;
  producerBacklogBytesEnd: number;
  producerBacklogBytesMax: number;
  followerLagBytesMax: number;
  consumerLagBytesMax: number;
  lostBytes: number;
  throttledBytes: number;
  /** Produce refused while partitions were offline or below min.insync.replicas with acks=all (it waits in producers). */
  refusedBytes: number;
  /** Sends failed at the client: buffer.memory full, or not accepted within delivery.timeout.ms. */
  clientLostBytes: number;
  unavailablePartitionMinutes: number;
  brokersDown: number;
  headroom: Headroom;
}

/**
 * How much more load the deployment takes before its first resource binds: the least, over time
 * and resources, of sustained capacity ÷ load (quotas too; credits do not count). Below 1 a
 * resource ran past its sustained capacity — on credits, up to an Express maximum, or throttled.
 */
export interface Headroom {
  /** Load multiplier at which the first resource reaches its sustained capacity (null: nothing loaded). */
  multiplier: number | null;
  /** That resource, as reports name it, and when it was closest. */
  resource: string | null;
  atS: number | null;
  /** Minutes the busiest resource ran above its sustained capacity (riding credits, or an Express maximum). */
  minutesAboveSustained: number;
}

export function brokerSummaries(run: ClusterRunData): BrokerSummary[] {
  const u = run.utilization;
  const out: BrokerSummary[] = [];
  for (let b = 0; b < run.brokers; b++) {
    const at = (kind: number) => brokerResource(b, kind);
    const util = (kind: number): UtilizationSummary => ({
      meanPct: round((u.utilIntegral[at(kind)]! / run.durationS) * 100),
      p95Pct: round(quantile95(run.series.broker[UTILIZATION_SERIES[kind]!][b]!)),
      maxPct: round(u.utilMax[at(kind)]! * 100),
    });
    const disk = run.series.broker.KafkaDataLogsDiskUsed[b]!;
    let throttlingS = 0;
    for (let k = 0; k < KINDS_PER_BROKER; k++) throttlingS = Math.max(throttlingS, u.throttledS[at(k)]!);
    out.push({
      broker: b + 1,
      az: azOfBroker(b, run.azs) + 1,
      networkIn: util(NET_IN),
      networkOut: util(NET_OUT),
      ebsThroughput: util(EBS),
      cpu: util(CPU),
      minutesCpuAboveGuidance: round(u.cpuAboveGuidanceS[b]! / 60),
      minutesBucketEmpty: {
        ebsBurst: round(u.bucketEmptyS[at(EBS)]! / 60),
        networkIn: round(u.bucketEmptyS[at(NET_IN)]! / 60),
        networkOut: round(u.bucketEmptyS[at(NET_OUT)]! / 60),
        cpuCredits: round(u.bucketEmptyS[at(CPU)]! / 60),
      },
      minutesThrottling: round(throttlingS / 60),
      throttledBytes: Math.round(u.throttledMiB[b]! * BYTES_PER_MIB),
      lostBytes: Math.round(run.lag.lostMiB[b]! * BYTES_PER_MIB),
      maxProducerBacklogBytes: Math.round(run.lag.brokerMaxMiB[b * 3]! * BYTES_PER_MIB),
      maxFollowerLagBytes: Math.round(run.lag.brokerMaxMiB[b * 3 + 1]! * BYTES_PER_MIB),
      maxConsumerLagBytes: Math.round(run.lag.brokerMaxMiB[b * 3 + 2]! * BYTES_PER_MIB),
      maxUnderReplicatedPartitions: max(run.series.broker.UnderReplicatedPartitions[b]!) ?? 0,
      storage: {
        provisionedGiBEnd: round(run.storageGiBEnd[b]!),
        usedPctMax: round(max(disk) ?? 0),
        usedPctEnd: round(disk[disk.length - 1] ?? 0),
      },
      runningAtEnd: run.aliveEnd[b] === 1,
    });
  }
  return out;
}

export function clusterSummary(run: ClusterRunData): ClusterSummary {
  const t = run.totals;
  let throttled = 0;
  for (const x of run.utilization.throttledMiB) throttled += x;
  return {
    producedBytes: Math.round(t.producedMiB * BYTES_PER_MIB),
    storedBytesEnd: Math.round(t.onDiskEndMiB * BYTES_PER_MIB),
    deletedBytes: Math.round(t.deletedMiB * BYTES_PER_MIB),
    producerBacklogBytesEnd: Math.round(t.producerBacklogEndMiB * BYTES_PER_MIB),
    producerBacklogBytesMax: Math.round(run.lag.maxMiB[0]! * BYTES_PER_MIB),
    followerLagBytesMax: Math.round(run.lag.maxMiB[1]! * BYTES_PER_MIB),
    consumerLagBytesMax: Math.round(run.lag.maxMiB[2]! * BYTES_PER_MIB),
    lostBytes: Math.round(t.lostMiB * BYTES_PER_MIB),
    throttledBytes: Math.round(throttled * BYTES_PER_MIB),
    refusedBytes: Math.round(t.refusedMiB * BYTES_PER_MIB),
    clientLostBytes: Math.round(t.clientLostMiB * BYTES_PER_MIB),
    unavailablePartitionMinutes: round(t.unavailablePartitionS / 60),
    brokersDown: run.aliveEnd.reduce((n, a) => n + (a === 0 ? 1 : 0), 0),
    headroom: headroom(run),
  };
}

function headroom(run: ClusterRunData): Headroom {
  const u = run.utilization;
  const table = run.resources;
  let best = -1;
  let above = 0;
  for (let r = 0; r < u.utilMax.length; r++) {
    if (best < 0 || u.utilMax[r]! > u.utilMax[best]!) best = r;
    above = Math.max(above, u.aboveSustainedS[r]!);
  }
  const peak = best < 0 ? 0 : u.utilMax[best]!;
  if (!(peak > 0)) return { multiplier: null, resource: null, atS: null, minutesAboveSustained: 0 };
  return { multiplier: round(1 / peak), resource: resourceName(table, best), atS: u.utilMaxAtS[best]!, minutesAboveSustained: round(above / 60) };
}

/**
 * The 95th percentile with d3's R-7 interpolation (as d3.quantile), selected by d3's
 * Floyd–Rivest quickselect specialised to numbers (engine/select.ts) on a typed copy:
 * d3.quantile walks a typed array through a generic iterator and comparator, which costs more
 * than the rest of a summary.
 */
function quantile95(series: Float64Array): number {
  const n = series.length;
  if (n === 0) return 0;
  const values = Float64Array.from(series);
  const i = (n - 1) * 0.95;
  const i0 = Math.floor(i);
  selectInPlace(values, i0);
  const low = values[i0]!;
  if (i0 + 1 >= n) return low;
  let high = Infinity;
  for (let k = i0 + 1; k < n; k++) if (values[k]! < high) high = values[k]!;
  return low + (high - low) * (i - i0);
}

/** Six significant decimals are plenty for a report and keep the JSON stable to read. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * What every kind's result takes from its run as it is: events, the binding constraint, the
 * summaries, the timeline with the names it speaks of, latency and the series.
 */
export function runFields(run: ClusterRunData, config: ModelConfig, topicNames: string[]) {
  return {
    simulationEvents: run.events,
    binding: bindingConstraint(run, run.latency),
    brokerSummaries: brokerSummaries(run),
    cluster: clusterSummary(run),
    timeline: run.timeline,
    timelineDropped: run.timelineDropped,
    topicNames,
    groupNames: config.topics.map((t) => t.consumerGroups.map((g) => g.name)),
    latency: run.latency,
    series: run.series,
  };
}
