// Per-broker and cluster summaries of a finished run: utilisation (mean, p95, max) of each
// resource against its sustained capacity, time above the CPU guidance, time with each credit
// bucket empty, throttled and lost bytes, and the largest backlogs.
import { quickselect } from 'd3-array';
import type { ClusterSimulation } from './cluster-sim.js';
import { CPU, EBS, FETCH, NET_IN, NET_OUT, PRODUCE, REPLICATE, RESOURCES_PER_BROKER } from './network.js';
import { azOfBroker } from './placement.js';
import type { BrokerSeriesName } from './recorder.js';

const MIB = 1024 * 1024;

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
  throttledBytes: number;
  lostBytes: number;
  /** Largest producer backlog of the partitions it leads, follower lag it carries, consumer lag it serves. */
  maxProducerBacklogBytes: number;
  maxFollowerLagBytes: number;
  maxConsumerLagBytes: number;
  storage: { provisionedGiBEnd: number; usedPctMax: number; usedPctEnd: number };
}

export interface ClusterSummary {
  producedBytes: number;
  storedBytesEnd: number;
  deletedBytes: number;
  producerBacklogBytesEnd: number;
  producerBacklogBytesMax: number;
  followerLagBytesMax: number;
  consumerLagBytesMax: number;
  lostBytes: number;
  throttledBytes: number;
  brokersDown: number;
}

const RESOURCE_SERIES: Record<number, BrokerSeriesName> = {
  [NET_IN]: 'NetworkInUtilization',
  [NET_OUT]: 'NetworkOutUtilization',
  [EBS]: 'EbsThroughputUtilization',
  [CPU]: 'CpuUser',
};

export function brokerSummaries(s: ClusterSimulation): BrokerSummary[] {
  const r = s.recorder;
  const duration = s.config.durationS;
  const out: BrokerSummary[] = [];
  for (let b = 0; b < s.config.brokers; b++) {
    const base = b * RESOURCES_PER_BROKER;
    const util = (kind: number): UtilizationSummary => {
      return {
        meanPct: round((r.utilIntegral[base + kind]! / duration) * 100),
        p95Pct: round(quantile95(r.broker[RESOURCE_SERIES[kind]!][b]!)),
        maxPct: round(r.utilMax[base + kind]! * 100),
      };
    };
    const disk = r.broker.KafkaDataLogsDiskUsed[b]!;
    out.push({
      broker: b + 1,
      az: azOfBroker(b, s.config.azs) + 1,
      networkIn: util(NET_IN),
      networkOut: util(NET_OUT),
      ebsThroughput: util(EBS),
      cpu: util(CPU),
      minutesCpuAboveGuidance: round(r.cpuAboveGuidanceS[b]! / 60),
      minutesBucketEmpty: {
        ebsBurst: round(r.bucketEmptyS[base + EBS]! / 60),
        networkIn: round(r.bucketEmptyS[base + NET_IN]! / 60),
        networkOut: round(r.bucketEmptyS[base + NET_OUT]! / 60),
        cpuCredits: round(r.bucketEmptyS[base + CPU]! / 60),
      },
      throttledBytes: Math.round(r.throttledMiB[b]! * MIB),
      lostBytes: Math.round(r.lostMiB[b]! * MIB),
      maxProducerBacklogBytes: Math.round(r.brokerLagMaxMiB[b * 3 + PRODUCE]! * MIB),
      maxFollowerLagBytes: Math.round(r.brokerLagMaxMiB[b * 3 + REPLICATE]! * MIB),
      maxConsumerLagBytes: Math.round(r.brokerLagMaxMiB[b * 3 + FETCH]! * MIB),
      storage: {
        provisionedGiBEnd: round(s.storageGiB[b]!),
        usedPctMax: round(Math.max(...disk)),
        usedPctEnd: round(disk[disk.length - 1] ?? 0),
      },
    });
  }
  return out;
}

export function clusterSummary(s: ClusterSimulation): ClusterSummary {
  const r = s.recorder;
  let throttled = 0;
  for (const t of r.throttledMiB) throttled += t;
  return {
    producedBytes: Math.round(s.producedMiB * MIB),
    storedBytesEnd: Math.round(s.storedMiB() * MIB),
    deletedBytes: Math.round(s.deletedMiB * MIB),
    producerBacklogBytesEnd: Math.round(s.producerBacklogMiB() * MIB),
    producerBacklogBytesMax: Math.round(r.maxProducerBacklogMiB * MIB),
    followerLagBytesMax: Math.round(r.maxFollowerLagMiB * MIB),
    consumerLagBytesMax: Math.round(r.maxConsumerLagMiB * MIB),
    lostBytes: Math.round(s.lostMiB * MIB),
    throttledBytes: Math.round(throttled * MIB),
    brokersDown: s.alive.reduce((n, a) => n + (a === 0 ? 1 : 0), 0),
  };
}

/**
 * The 95th percentile of a series with d3's R-7 interpolation (as d3.quantile), selecting with
 * Floyd–Rivest on a typed copy rather than sorting or iterating generically.
 */
function quantile95(series: Float64Array): number {
  const n = series.length;
  if (n === 0) return 0;
  const values = Float64Array.from(series);
  const i = (n - 1) * 0.95;
  const i0 = Math.floor(i);
  quickselect(values as unknown as number[], i0);
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
