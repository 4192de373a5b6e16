// Time series on the report's grid, named after MSK's CloudWatch metrics so users can hold them
// against their dashboards (DESIGN §4). Between events every level moves linearly, so a sample
// inside a segment is the segment's start value plus its drift times the time since.
import { bucketRate } from '../buckets.js';
import { brokerResource, CPU, EBS, NET_IN, NET_OUT } from '../resources.js';
import { isrSize } from '../state.js';
import { BYTES_PER_MIB } from '../../units.js';
import { createBrokerRates, type BrokerRates, type Observer, type View } from './view.js';

/** Per-broker series, in CloudWatch's units (bytes per second, percent, counts). */
export const BROKER_SERIES = [
  'BytesInPerSec',
  'BytesOutPerSec',
  'ReplicationBytesInPerSec',
  'ReplicationBytesOutPerSec',
  'CpuUser',
  'KafkaDataLogsDiskUsed',
  'BurstBalance',
  'NetworkInBurstBalance',
  'NetworkOutBurstBalance',
  'CPUCreditBalance',
  'NetworkInUtilization',
  'NetworkOutUtilization',
  'EbsThroughputUtilization',
  'UnderReplicatedPartitions',
] as const;
export type BrokerSeriesName = (typeof BROKER_SERIES)[number];

export const CLUSTER_SERIES = [
  'ProducerBacklogBytes',
  'FollowerLagBytes',
  'ConsumerLagBytes',
  'StoredBytes',
  'UnderMinIsrPartitionCount',
  'OfflinePartitionsCount',
] as const;
export type ClusterSeriesName = (typeof CLUSTER_SERIES)[number];

/** Plain data: a grid and its series. */
export interface SeriesData {
  timesS: Float64Array;
  broker: Record<BrokerSeriesName, Float64Array[]>;
  cluster: Record<ClusterSeriesName, Float64Array>;
}

export class SeriesSampler implements Observer {
  private readonly data: SeriesData;
  private readonly samples: number;
  private next = 0;
  private perBroker: BrokerRates;
  private readonly util: Float64Array;
  private underMinIsr = 0;
  private offline = 0;
  private storedMiB = 0;
  private storedDrift = 0;

  constructor(brokers: number, durationS: number, intervalS: number, resourceCount: number) {
    this.samples = Math.floor(durationS / intervalS) + 1;
    const timesS = new Float64Array(this.samples);
    for (let i = 0; i < this.samples; i++) timesS[i] = i * intervalS;
    const broker = {} as Record<BrokerSeriesName, Float64Array[]>;
    for (const name of BROKER_SERIES) broker[name] = Array.from({ length: brokers }, () => new Float64Array(this.samples));
    const cluster = {} as Record<ClusterSeriesName, Float64Array>;
    for (const name of CLUSTER_SERIES) cluster[name] = new Float64Array(this.samples);
    this.data = { timesS, broker, cluster };
    this.perBroker = createBrokerRates(brokers);
    this.util = new Float64Array(resourceCount);
  }

  rates(view: View): void {
    this.perBroker = view.brokers;
    const { state, alloc, drift } = view;
    const res = state.resources;
    for (let r = 0; r < res.count; r++) this.util[r] = alloc.load[r]! / res.sustained[r]!;
    this.underMinIsr = 0;
    this.offline = 0;
    this.storedMiB = 0;
    this.storedDrift = 0;
    for (let c = 0; c < state.classes.length; c++) {
      const cls = state.classes[c]!;
      if (state.leaderSlot[c]! < 0) this.offline += cls.count;
      else if (isrSize(state, c) < state.config.topics[cls.topic]!.minInsyncReplicas) this.underMinIsr += cls.count;
      this.storedMiB += (state.appendedMiB[c]! - state.deletedMiB[c]!) * cls.count;
      this.storedDrift += drift.stored[c]! * cls.count;
    }
  }

  segment(view: View, t0: number, t1: number): void {
    const times = this.data.timesS;
    while (this.next < this.samples && times[this.next]! <= t1) {
      const g = times[this.next]!;
      if (g >= t0) this.sample(view, this.next, g - t0);
      this.next++;
    }
  }

  private sample(view: View, k: number, sinceS: number): void {
    const state = view.state;
    const res = state.resources;
    const s = this.data.broker;
    const p = this.perBroker;
    const disks = state.disks;
    for (let b = 0; b < res.brokers; b++) {
      s.BytesInPerSec[b]![k] = p.bytesInMiBps[b]! * BYTES_PER_MIB;
      s.BytesOutPerSec[b]![k] = p.bytesOutMiBps[b]! * BYTES_PER_MIB;
      s.ReplicationBytesInPerSec[b]![k] = p.replicationInMiBps[b]! * BYTES_PER_MIB;
      s.ReplicationBytesOutPerSec[b]![k] = p.replicationOutMiBps[b]! * BYTES_PER_MIB;
      s.CpuUser[b]![k] = this.util[brokerResource(b, CPU)]! * 100;
      const used = disks.usedGiB(b) + disks.growthGiBps(b) * sinceS;
      s.KafkaDataLogsDiskUsed[b]![k] = (Math.max(0, used) / disks.sizeGiB[b]!) * 100;
      s.BurstBalance[b]![k] = levelPercent(view, brokerResource(b, EBS), sinceS);
      s.NetworkInBurstBalance[b]![k] = levelPercent(view, brokerResource(b, NET_IN), sinceS);
      s.NetworkOutBurstBalance[b]![k] = levelPercent(view, brokerResource(b, NET_OUT), sinceS);
      // CloudWatch counts CPU credits in vCPU-minutes.
      s.CPUCreditBalance[b]![k] = levelAt(view, brokerResource(b, CPU), sinceS) / 60;
      s.NetworkInUtilization[b]![k] = this.util[brokerResource(b, NET_IN)]! * 100;
      s.NetworkOutUtilization[b]![k] = this.util[brokerResource(b, NET_OUT)]! * 100;
      s.EbsThroughputUtilization[b]![k] = this.util[brokerResource(b, EBS)]! * 100;
      s.UnderReplicatedPartitions[b]![k] = p.underReplicated[b]!;
    }
    const c = this.data.cluster;
    c.ProducerBacklogBytes[k] = this.lagAt(0, sinceS) * BYTES_PER_MIB;
    c.FollowerLagBytes[k] = this.lagAt(1, sinceS) * BYTES_PER_MIB;
    c.ConsumerLagBytes[k] = this.lagAt(2, sinceS) * BYTES_PER_MIB;
    c.StoredBytes[k] = Math.max(0, this.storedMiB + this.storedDrift * sinceS) * BYTES_PER_MIB;
    c.UnderMinIsrPartitionCount[k] = this.underMinIsr;
    c.OfflinePartitionsCount[k] = this.offline;
  }

  private lagAt(kind: number, sinceS: number): number {
    let sum = 0;
    const p = this.perBroker;
    for (let b = 0; b * 3 < p.lagMiB.length; b++) sum += Math.max(0, p.lagMiB[b * 3 + kind]! + p.lagDriftMiBps[b * 3 + kind]! * sinceS);
    return sum;
  }

  finish(): SeriesData {
    return this.data;
  }
}

function levelAt(view: View, r: number, sinceS: number): number {
  const res = view.state.resources;
  const spec = res.bucket[r]!;
  if (spec.size <= 0) return 0;
  const rate = bucketRate(spec, res.level[r]!, view.alloc.load[r]!);
  return Math.min(spec.size, Math.max(0, res.level[r]! + rate * sinceS));
}

function levelPercent(view: View, r: number, sinceS: number): number {
  const spec = view.state.resources.bucket[r]!;
  return spec.size > 0 ? (levelAt(view, r, sinceS) / spec.size) * 100 : 100;
}
