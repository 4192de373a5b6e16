// One simulated cluster from its configuration to plain results: the observers' data, the
// timeline, the totals and latency, with no reference to the simulation (DESIGN §1.1), so a
// result can cross worker threads by structuredClone.
import type { ModelConfig } from './config.js';
import { LatencyRecorder, type LatencyReport } from './latency-recorder.js';
import type { HottestData } from './observe/hottest.js';
import type { LagData } from './observe/lag.js';
import type { SeriesData } from './observe/series.js';
import type { TimelineEvent } from './observe/timeline.js';
import type { UsageData } from './observe/usage.js';
import type { UtilizationData } from './observe/utilization.js';
import type { ResourceKind } from './resources.js';
import { ClusterModel } from './simulation.js';
import { totalOnDiskMiB, totalProducerBacklogMiB, totalStoredMiB, type Totals } from './state.js';

export interface ClusterResources {
  owner: Int32Array;
  kind: Uint8Array;
  sustained: Float64Array;
  /** The volume's throughput on EBS resources, else Infinity. */
  ceiling: Float64Array;
  /** Bucket sizes (0: no bucket), to tell a credit limit from a sustained one. */
  bucketSize: Float64Array;
}

export interface ClusterRunData {
  brokers: number;
  azs: number;
  durationS: number;
  startEpochS: number;
  /** Events the simulation processed: workload changes and crossings, not time steps. */
  events: number;
  resources: ClusterResources;
  timeline: TimelineEvent[];
  timelineDropped: number;
  series: SeriesData;
  usage: UsageData;
  utilization: UtilizationData;
  lag: LagData;
  /** Per topic: its hottest partition over the run. */
  hottest: HottestData;
  /** storedEndMiB: the log retention keeps (produced = stored + deleted + …); onDiskEndMiB: of it on disk, one copy (compaction). */
  totals: Totals & { storedEndMiB: number; onDiskEndMiB: number; producerBacklogEndMiB: number };
  /** Per broker at the end: provisioned GiB, and 1 if it runs. */
  storageGiBEnd: Float64Array;
  aliveEnd: Uint8Array;
  latency: LatencyReport | null;
}

export function simulateCluster(config: ModelConfig): ClusterRunData {
  const model = new ClusterModel(config);
  const l = config.latency;
  const latency =
    l === null
      ? null
      : new LatencyRecorder(
          () => model.utilization.finish().lastBucketEmptyS,
          l.params,
          l.saturatedUtilization,
          l.estimate,
          l.windows,
          model.streams.stream('latency-estimate'),
          model.streams.stream('latency-request-level'),
        );
  if (latency !== null) model.addListener(latency);
  model.run();
  const s = model.state;
  const res = s.resources;
  return {
    brokers: config.brokers,
    azs: config.azs,
    durationS: config.durationS,
    startEpochS: config.startEpochS,
    events: model.eventsProcessed,
    resources: {
      owner: Int32Array.from(res.owner),
      kind: Uint8Array.from(res.kind),
      sustained: Float64Array.from(res.sustained),
      ceiling: Float64Array.from(res.ceiling),
      bucketSize: Float64Array.from(res.bucket, (b) => (b.burst > b.baseline ? b.size : 0)),
    },
    timeline: model.timeline.events,
    timelineDropped: model.timeline.dropped,
    series: model.series.finish(),
    usage: model.usage.finish(),
    utilization: model.utilization.finish(),
    lag: model.lag.finish(),
    hottest: model.hottest.finish(),
    totals: { ...s.totals, storedEndMiB: totalStoredMiB(s), onDiskEndMiB: totalOnDiskMiB(s), producerBacklogEndMiB: totalProducerBacklogMiB(s) },
    storageGiBEnd: Float64Array.from(s.disks.sizeGiB),
    aliveEnd: Uint8Array.from(s.alive),
    latency: latency?.finish(config.durationS) ?? null,
  };
}

export type { ResourceKind };
