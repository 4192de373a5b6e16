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
  /** Per broker × series, in BROKER_SERIES order: the column, and the segment's line and clamps. */
  private readonly columns: Float64Array[];
  private readonly base: Float64Array;
  private readonly slope: Float64Array;
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  private underMinIsr = 0;
  private offline = 0;
  private storedMiB = 0;
  private storedDrift = 0;

  constructor(brokers: number, durationS: number, intervalS: number) {
    this.samples = Math.floor(durationS / intervalS) + 1;
    const timesS = new Float64Array(this.samples);
    for (let i = 0; i < this.samples; i++) timesS[i] = i * intervalS;
    const broker = {} as Record<BrokerSeriesName, Float64Array[]>;
    for (const name of BROKER_SERIES) broker[name] = Array.from({ length: brokers }, () => new Float64Array(this.samples));
    const cluster = {} as Record<ClusterSeriesName, Float64Array>;
    for (const name of CLUSTER_SERIES) cluster[name] = new Float64Array(this.samples);
    this.data = { timesS, broker, cluster };
    this.perBroker = createBrokerRates(brokers);
    this.columns = [];
    for (let b = 0; b < brokers; b++) for (const name of BROKER_SERIES) this.columns.push(broker[name][b]!);
    const n = this.columns.length;
    this.base = new Float64Array(n);
    this.slope = new Float64Array(n);
    this.lo = new Float64Array(n).fill(-Infinity);
    this.hi = new Float64Array(n).fill(Infinity);
  }

  /** Every broker series is a line over the segment, clamped where a level is (credits, disk ≥ 0). */
  rates(view: View): void {
    this.perBroker = view.brokers;
    const { state, drift } = view;
    const res = state.resources;
    const p = view.brokers;
    const disks = state.disks;
    const series = BROKER_SERIES.length;
    for (let b = 0; b < res.brokers; b++) {
      const at = b * series;
      this.set(at, 'BytesInPerSec', p.bytesInMiBps[b]! * BYTES_PER_MIB);
      this.set(at, 'BytesOutPerSec', p.bytesOutMiBps[b]! * BYTES_PER_MIB);
      this.set(at, 'ReplicationBytesInPerSec', p.replicationInMiBps[b]! * BYTES_PER_MIB);
      this.set(at, 'ReplicationBytesOutPerSec', p.replicationOutMiBps[b]! * BYTES_PER_MIB);
      this.set(at, 'CpuUser', utilPct(view, b, CPU));
      this.set(at, 'NetworkInUtilization', utilPct(view, b, NET_IN));
      this.set(at, 'NetworkOutUtilization', utilPct(view, b, NET_OUT));
      this.set(at, 'EbsThroughputUtilization', utilPct(view, b, EBS));
      this.set(at, 'UnderReplicatedPartitions', p.underReplicated[b]!);
      const size = disks.sizeGiB[b]!;
      this.set(at, 'KafkaDataLogsDiskUsed', (disks.usedGiB(b) / size) * 100, (disks.growthGiBps(b) / size) * 100, 0);
      this.bucket(view, b, at, 'BurstBalance', EBS, 'percent');
      this.bucket(view, b, at, 'NetworkInBurstBalance', NET_IN, 'percent');
      this.bucket(view, b, at, 'NetworkOutBurstBalance', NET_OUT, 'percent');
      this.bucket(view, b, at, 'CPUCreditBalance', CPU, 'minutes');
    }
    this.underMinIsr = 0;
    this.offline = 0;
    this.storedMiB = 0;
    this.storedDrift = 0;
    for (let c = 0; c < state.classes.length; c++) {
      const cls = state.classes[c]!;
      if (state.leaderSlot[c]! < 0) this.offline += cls.count;
      else if (isrSize(state, c) < state.config.topics[cls.topic]!.minInsyncReplicas) this.underMinIsr += cls.count;
      this.storedMiB += (state.appendedMiB[c]! - state.deletedMiB[c]!) * state.diskFraction[c]! * cls.count;
      this.storedDrift += drift.stored[c]! * state.diskFraction[c]! * cls.count;
    }
  }

  /** Broker series `name` (at column offset `at`) is the line base + slope·t clamped to [lo, hi]. */
  private set(at: number, name: BrokerSeriesName, base: number, slope = 0, lo = -Infinity, hi = Infinity): void {
    const i = at + SERIES_INDEX[name];
    this.base[i] = base;
    this.slope[i] = slope;
    this.lo[i] = lo;
    this.hi[i] = hi;
  }

  /** A credit bucket's balance, in percent of its size or (CloudWatch's CPU credits) in vCPU-minutes. */
  private bucket(view: View, b: number, at: number, name: BrokerSeriesName, kind: number, unit: 'percent' | 'minutes'): void {
    const res = view.state.resources;
    const r = brokerResource(b, kind);
    const spec = res.bucket[r]!;
    if (spec.size <= 0) return this.set(at, name, unit === 'percent' ? 100 : 0);
    const rate = bucketRate(spec, res.level[r]!, view.alloc.load[r]!);
    const k = unit === 'percent' ? 100 / spec.size : 1 / 60;
    this.set(at, name, res.level[r]! * k, rate * k, 0, spec.size * k);
  }

  segment(_view: View, t0: number, t1: number): void {
    const times = this.data.timesS;
    while (this.next < this.samples && times[this.next]! <= t1) {
      const g = times[this.next]!;
      if (g >= t0) this.sample(this.next, g - t0);
      this.next++;
    }
  }

  private sample(k: number, sinceS: number): void {
    const { columns, base, slope, lo, hi } = this;
    for (let i = 0; i < columns.length; i++) {
      let v = base[i]! + slope[i]! * sinceS;
      if (v < lo[i]!) v = lo[i]!;
      else if (v > hi[i]!) v = hi[i]!;
      columns[i]![k] = v;
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

/** Broker `b`'s load on its resource of `kind`, in percent of the sustained rate. */
function utilPct(view: View, b: number, kind: number): number {
  const r = brokerResource(b, kind);
  return (view.alloc.load[r]! / view.state.resources.sustained[r]!) * 100;
}

const SERIES_INDEX = Object.fromEntries(BROKER_SERIES.map((name, i) => [name, i])) as Record<BrokerSeriesName, number>;
