// The binding constraint (DESIGN §4) as structured data: what limited the cluster, where, when
// and why — brokers that went down, partitions that refused produce, a resource that throttled
// a flow, latency that saturated — or, only if none of these happened, which resource came
// closest. Never "nothing limited" while something did. The words are src/report's.
import type { LatencyReport } from '../model/latency-recorder.js';
import type { ClusterRunData } from '../model/run-cluster.js';
import { brokerResource, EBS, KINDS_PER_BROKER, RESOURCE_KIND_NAMES, type ResourceKindName } from '../model/resources.js';
import { BYTES_PER_MIB } from '../units.js';

export type ResourceLabel = ResourceKindName | 'volume throughput';

export type BindingConstraint =
  | {
      kind: 'brokers-down';
      bound: true;
      /** 1-based brokers that stopped, in order, and the first stop. */
      brokers: number[];
      cause: 'disk-full' | 'scheduled';
      timeS: number;
      offlinePartitionsMax: number;
      producerBacklogBytesMax: number;
    }
  | { kind: 'unavailable'; bound: true; timeS: number; partitionMinutes: number; refusedBytes: number }
  | {
      kind: 'throttled';
      bound: true;
      broker: number;
      resource: ResourceLabel;
      /** The flows it limited: produce, replication or consumer fetches. */
      flowKind: number;
      bucketEmpty: boolean;
      volumeThroughputMiBps: number | null;
      timeS: number;
      /** Minutes, over the run, that any resource limited some flow. */
      minutesThrottling: number;
      peakUtilization: number;
    }
  | { kind: 'latency-saturated'; bound: true; resources: string[]; saturatedSeconds: number }
  | { kind: 'none'; bound: false; broker: number; resource: ResourceLabel; timeS: number; peakUtilization: number };

export interface Binding {
  primary: BindingConstraint;
  /** Other limits of the run, less severe than the primary one. */
  also: BindingConstraint[];
}

export function bindingConstraint(run: ClusterRunData, latency: LatencyReport | null): Binding {
  const found: BindingConstraint[] = [];
  const downs = run.timeline.filter((e) => e.kind === 'broker-down');
  if (downs.length > 0) {
    const first = downs[0]!;
    found.push({
      kind: 'brokers-down',
      bound: true,
      brokers: [...new Set(downs.map((e) => e.broker + 1))],
      cause: first.kind === 'broker-down' ? first.cause : 'scheduled',
      timeS: first.timeS,
      offlinePartitionsMax: maxOf(run.series.cluster.OfflinePartitionsCount),
      producerBacklogBytesMax: Math.round(run.lag.maxMiB[0]! * BYTES_PER_MIB),
    });
  }
  if (run.totals.unavailablePartitionS > 0) {
    const start = run.timeline.find((e) => e.kind === 'unavailable-started');
    found.push({
      kind: 'unavailable',
      bound: true,
      timeS: start?.timeS ?? downs[0]?.timeS ?? 0,
      partitionMinutes: Math.round((run.totals.unavailablePartitionS / 60) * 1e6) / 1e6,
      refusedBytes: Math.round(run.totals.refusedMiB * BYTES_PER_MIB),
    });
  }
  const u = run.utilization;
  const t = u.firstThrottle;
  if (t !== null) {
    const r = t.resource < KINDS_PER_BROKER ? brokerResource(t.broker, t.resource) : busiestOfKind(run, t.resource);
    let throttlingS = 0;
    for (const s of u.throttledS) throttlingS = Math.max(throttlingS, s);
    found.push({
      kind: 'throttled',
      bound: true,
      broker: t.broker + 1,
      resource: t.volumeBound ? 'volume throughput' : RESOURCE_KIND_NAMES[t.resource]!,
      flowKind: t.flowKind,
      bucketEmpty: t.bucketEmpty,
      volumeThroughputMiBps: t.resource === EBS && t.volumeBound ? run.resources.ceiling[r]! : null,
      timeS: t.timeS,
      minutesThrottling: Math.round((throttlingS / 60) * 1e6) / 1e6,
      peakUtilization: u.utilMax[r]!,
    });
  }
  const queues = latency?.estimate?.requestQueuesSaturated ?? [];
  if (queues.length > 0) {
    found.push({ kind: 'latency-saturated', bound: true, resources: queues, saturatedSeconds: latency?.estimate?.requestQueuesSaturatedSeconds ?? 0 });
  }
  if (found.length > 0) return { primary: found[0]!, also: found.slice(1) };
  let best = 0;
  for (let i = 1; i < u.utilMax.length; i++) if (u.utilMax[i]! > u.utilMax[best]!) best = i;
  return {
    primary: {
      kind: 'none',
      bound: false,
      broker: run.resources.owner[best]! + 1,
      resource: RESOURCE_KIND_NAMES[run.resources.kind[best]!]!,
      timeS: u.utilMaxAtS[best]!,
      peakUtilization: u.utilMax[best]!,
    },
    also: [],
  };
}

/** A quota of several resources (one per partition class): the one that came closest to its limit. */
function busiestOfKind(run: ClusterRunData, kind: number): number {
  let best = -1;
  const { utilMax } = run.utilization;
  for (let r = 0; r < run.resources.kind.length; r++) {
    if (run.resources.kind[r] === kind && (best < 0 || utilMax[r]! > utilMax[best]!)) best = r;
  }
  return best;
}

function maxOf(series: Float64Array): number {
  let m = 0;
  for (const x of series) if (x > m) m = x;
  return m;
}
