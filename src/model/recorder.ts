// What a run reports: per-broker time series on a fixed grid, named after MSK's CloudWatch
// metrics so users can hold them against their dashboards, and exact integrals over the
// piecewise-constant segments between events (time above the CPU guidance, time with an empty
// credit bucket, throttled bytes, cross-AZ bytes).
import { bucketRate, isEmpty } from './buckets.js';
import type { ClusterSimulation } from './cluster-sim.js';
import { CPU, EBS, FETCH, NET_IN, NET_OUT, PRODUCE, REPLICATE, RESOURCES_PER_BROKER, RESOURCE_NAMES } from './network.js';

const MIB = 1024 * 1024;

/** Per-broker series, in CloudWatch's units (bytes per second, percent). */
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
] as const;
export type BrokerSeriesName = (typeof BROKER_SERIES)[number];

export const CLUSTER_SERIES = ['ProducerBacklogBytes', 'FollowerLagBytes', 'ConsumerLagBytes', 'StoredBytes'] as const;
export type ClusterSeriesName = (typeof CLUSTER_SERIES)[number];

export interface Throttle {
  timeS: number;
  broker: number;
  /** 0 network in, 1 network out, 2 EBS, 3 CPU. */
  resource: number;
  flowKind: number;
  /** The resource was at its baseline because its credit bucket had emptied. */
  bucketEmpty: boolean;
  /** EBS limited by the volume's throughput rather than the instance's EBS bandwidth. */
  volumeBound: boolean;
}

export interface RunEvent {
  timeS: number;
  broker: number;
  what: 'disk-alarm' | 'storage-expanded' | 'broker-down' | 'bucket-empty' | 'throttling-started';
  detail: string;
}

export class Recorder {
  readonly samples: number;
  readonly timesS: Float64Array;
  readonly broker: Record<BrokerSeriesName, Float64Array[]>;
  readonly cluster: Record<ClusterSeriesName, Float64Array>;
  private nextSample = 0;
  /** Per resource: ∫ utilisation dt, maximum utilisation, seconds with an empty bucket. */
  readonly utilIntegral: Float64Array;
  readonly utilMax: Float64Array;
  readonly utilMaxAtS: Float64Array;
  readonly bucketEmptyS: Float64Array;
  /** Per broker. */
  readonly cpuAboveGuidanceS: Float64Array;
  readonly throttledMiB: Float64Array;
  readonly lostMiB: Float64Array;
  readonly events: RunEvent[] = [];
  firstThrottle: Throttle | null = null;
  /** When a credit bucket last became empty (the latency layer takes a snapshot then). */
  lastBucketEmptyS = -1;
  crossAzProducedMiB = 0;
  crossAzFetchedMiB = 0;
  producedIntoLeadersMiB = 0;
  fetchedMiB = 0;
  replicatedMiB = 0;
  storageGiBSeconds = 0;
  maxProducerBacklogMiB = 0;
  maxFollowerLagMiB = 0;
  maxConsumerLagMiB = 0;
  /** Per broker × flow kind (producer backlog on its leaders, follower lag, consumer lag served). */
  readonly brokerLagMaxMiB: Float64Array;
  private readonly brokerLag0: Float64Array;
  private readonly brokerLagDrift: Float64Array;
  /** Current segment: per-resource utilisation and per-broker rates. */
  private readonly util: Float64Array;
  private readonly bytesIn: Float64Array;
  private readonly bytesOut: Float64Array;
  private readonly replIn: Float64Array;
  private readonly replOut: Float64Array;
  private readonly usedGiB: Float64Array;
  private readonly growthGiBps: Float64Array;
  private readonly wasEmpty: Uint8Array;
  /** Backlog totals by flow kind at the segment start, and their (constant) drift, MiB and MiB/s. */
  private readonly lag0 = new Float64Array(3);
  private readonly lagDrift = new Float64Array(3);
  private stored0 = 0;
  private storedDrift = 0;

  constructor(private readonly s: ClusterSimulation) {
    const config = s.config;
    this.samples = Math.floor(config.durationS / config.intervalS) + 1;
    this.timesS = Float64Array.from({ length: this.samples }, (_, i) => i * config.intervalS);
    const brokers = config.brokers;
    this.broker = Object.fromEntries(
      BROKER_SERIES.map((name) => [name, Array.from({ length: brokers }, () => new Float64Array(this.samples))]),
    ) as Record<BrokerSeriesName, Float64Array[]>;
    this.cluster = Object.fromEntries(CLUSTER_SERIES.map((name) => [name, new Float64Array(this.samples)])) as Record<
      ClusterSeriesName,
      Float64Array
    >;
    const resources = brokers * RESOURCES_PER_BROKER;
    this.utilIntegral = new Float64Array(resources);
    this.utilMax = new Float64Array(resources);
    this.utilMaxAtS = new Float64Array(resources);
    this.bucketEmptyS = new Float64Array(resources);
    this.util = new Float64Array(resources);
    this.wasEmpty = new Uint8Array(resources);
    this.cpuAboveGuidanceS = new Float64Array(brokers);
    this.throttledMiB = new Float64Array(brokers);
    this.lostMiB = new Float64Array(brokers);
    this.bytesIn = new Float64Array(brokers);
    this.bytesOut = new Float64Array(brokers);
    this.replIn = new Float64Array(brokers);
    this.replOut = new Float64Array(brokers);
    this.usedGiB = new Float64Array(brokers);
    this.growthGiBps = new Float64Array(brokers);
    this.brokerLagMaxMiB = new Float64Array(brokers * 3);
    this.brokerLag0 = new Float64Array(brokers * 3);
    this.brokerLagDrift = new Float64Array(brokers * 3);
  }

  /** Sustained capacity each utilisation is measured against: the baseline, not the burst. */
  sustained(resource: number): number {
    const spec = this.s.bucketSpec[resource]!;
    const kind = resource % RESOURCES_PER_BROKER;
    if (kind === EBS) return Math.min(spec.baseline, this.s.config.broker.volumeThroughputMiBps);
    if (kind === CPU) return spec.burst;
    return spec.baseline;
  }

  /** Called after every allocation: the rates that hold until the next event. */
  rates(now: number): void {
    const s = this.s;
    const f = s.flows;
    const rate = s.alloc.rate;
    const load = s.alloc.load;
    this.bytesIn.fill(0);
    this.bytesOut.fill(0);
    this.replIn.fill(0);
    this.replOut.fill(0);
    for (let i = 0; i < f.net.flowCount; i++) {
      const mib = rate[i]! * f.net.multiplicity[i]!;
      const b = f.broker[i]!;
      if (b < 0) continue;
      if (f.kind[i] === PRODUCE) this.bytesIn[b]! += mib;
      else if (f.kind[i] === FETCH) this.bytesOut[b]! += mib;
      else {
        this.replIn[b]! += mib;
        this.replOut[f.broker[f.source[i]!]!]! += mib;
      }
      if (this.firstThrottle === null && rate[i]! < s.baseDemand[i]! * (1 - 1e-7) && s.alloc.limitedBy[i]! >= 0) {
        this.noteThrottle(now, i);
      }
    }
    for (let r = 0; r < load.length; r++) {
      this.util[r] = load[r]! / this.sustained(r);
      const spec = s.bucketSpec[r]!;
      const empty = spec.size > 0 && isEmpty(spec, s.level[r]!) && load[r]! >= spec.baseline * (1 - 1e-9) ? 1 : 0;
      if (empty === 1 && this.wasEmpty[r] === 0) {
        const broker = Math.floor(r / RESOURCES_PER_BROKER);
        this.events.push({ timeS: now, broker, what: 'bucket-empty', detail: `${bucketName(r)} credit bucket empty` });
        this.lastBucketEmptyS = now;
      }
      this.wasEmpty[r] = empty;
    }
    for (let b = 0; b < s.config.brokers; b++) {
      this.usedGiB[b] = s.brokerUsedGiB(b);
      this.growthGiBps[b] = s.brokerGrowthGiBps(b);
    }
    this.linearTotals();
  }

  /**
   * Between events every backlog and stored byte count moves linearly (a backlog reaching zero
   * or a group reaching the log start is itself an event), so their totals are a start value
   * and a drift for the whole segment.
   */
  private linearTotals(): void {
    const s = this.s;
    const f = s.flows;
    this.lag0.fill(0);
    this.lagDrift.fill(0);
    this.brokerLag0.fill(0);
    this.brokerLagDrift.fill(0);
    for (let i = 0; i < f.net.flowCount; i++) {
      const mult = f.net.multiplicity[i]!;
      const kind = f.kind[i]!;
      const backlog = s.backlog[i]!;
      let drift = s.baseDemand[i]! - s.alloc.rate[i]!;
      if (backlog <= 0 && drift < 0) drift = 0;
      if (kind === FETCH) {
        // At the log start a group's lag follows the log's size (the excess is lost).
        const c = f.klass[i]!;
        const cap = s.stored[c]! * f.fraction[i]!;
        const capDrift = (s.appendRate[c]! - s.deleteRate[c]!) * f.fraction[i]!;
        if (backlog >= cap - 1e-9 && drift > capDrift) drift = capDrift;
      }
      this.lag0[kind]! += backlog * mult;
      this.lagDrift[kind]! += drift * mult;
      const broker = f.broker[i]!;
      if (broker >= 0) {
        this.brokerLag0[broker * 3 + kind]! += backlog * mult;
        this.brokerLagDrift[broker * 3 + kind]! += drift * mult;
      }
    }
    this.stored0 = 0;
    this.storedDrift = 0;
    for (let c = 0; c < s.classes.length; c++) {
      const count = s.classes[c]!.count;
      this.stored0 += s.stored[c]! * count;
      this.storedDrift += (s.appendRate[c]! - s.deleteRate[c]!) * count;
    }
  }

  private noteThrottle(now: number, flow: number): void {
    const s = this.s;
    const r = s.alloc.limitedBy[flow]!;
    const broker = Math.floor(r / RESOURCES_PER_BROKER);
    const resource = r % RESOURCES_PER_BROKER;
    const spec = s.bucketSpec[r]!;
    const bucketEmpty = spec.size > 0 && spec.burst > spec.baseline && isEmpty(spec, s.level[r]!);
    const volumeBound = resource === EBS && s.capacity[r]! >= s.config.broker.volumeThroughputMiBps - 1e-9;
    this.firstThrottle = { timeS: now, broker, resource, flowKind: s.flows.kind[flow]!, bucketEmpty, volumeBound };
    this.events.push({ timeS: now, broker, what: 'throttling-started', detail: `throttling starts: ${volumeBound ? 'volume throughput' : RESOURCE_NAMES[resource]} at capacity${bucketEmpty ? ' (credit bucket empty)' : ''}` });
  }

  /** Accumulates the segment [t0, t1) and writes the grid samples that fall in (t0, t1]. */
  segment(t0: number, t1: number): void {
    const s = this.s;
    const dt = t1 - t0;
    const f = s.flows;
    const rate = s.alloc.rate;
    for (let r = 0; r < this.util.length; r++) {
      this.utilIntegral[r]! += this.util[r]! * dt;
      if (this.util[r]! > this.utilMax[r]! + 1e-12) {
        this.utilMax[r] = this.util[r]!;
        this.utilMaxAtS[r] = t0;
      }
      if (this.wasEmpty[r] === 1) this.bucketEmptyS[r]! += dt;
    }
    for (let b = 0; b < s.config.brokers; b++) {
      if (this.util[b * RESOURCES_PER_BROKER + CPU]! > s.config.cpuGuidanceFraction) this.cpuAboveGuidanceS[b]! += dt;
      this.storageGiBSeconds += s.storageGiB[b]! * dt;
    }
    for (let i = 0; i < f.net.flowCount; i++) {
      const mult = f.net.multiplicity[i]!;
      const short = s.baseDemand[i]! - rate[i]!;
      const limit = s.alloc.limitedBy[i]!;
      if (short > 0 && limit >= 0) this.throttledMiB[Math.floor(limit / RESOURCES_PER_BROKER)]! += short * mult * dt;
      const moved = rate[i]! * mult * dt;
      if (f.kind[i] === PRODUCE) {
        this.producedIntoLeadersMiB += moved;
        this.crossAzProducedMiB += moved * f.crossAzFraction[i]!;
      } else if (f.kind[i] === FETCH) {
        this.fetchedMiB += moved;
        this.crossAzFetchedMiB += moved * f.crossAzFraction[i]!;
      } else {
        this.replicatedMiB += moved;
      }
    }
    while (this.nextSample < this.samples && this.timesS[this.nextSample]! <= t1) {
      const g = this.timesS[this.nextSample]!;
      if (g >= t0) this.sample(this.nextSample, g - t0);
      this.nextSample++;
    }
    this.trackMaxima(dt);
  }

  private sample(k: number, sinceS: number): void {
    const s = this.s;
    const series = this.broker;
    for (let b = 0; b < s.config.brokers; b++) {
      const base = b * RESOURCES_PER_BROKER;
      series.BytesInPerSec[b]![k] = this.bytesIn[b]! * MIB;
      series.BytesOutPerSec[b]![k] = this.bytesOut[b]! * MIB;
      series.ReplicationBytesInPerSec[b]![k] = this.replIn[b]! * MIB;
      series.ReplicationBytesOutPerSec[b]![k] = this.replOut[b]! * MIB;
      series.CpuUser[b]![k] = this.util[base + CPU]! * 100;
      series.KafkaDataLogsDiskUsed[b]![k] = ((this.usedGiB[b]! + this.growthGiBps[b]! * sinceS) / s.storageGiB[b]!) * 100;
      series.BurstBalance[b]![k] = this.levelPercent(base + EBS, sinceS);
      series.NetworkInBurstBalance[b]![k] = this.levelPercent(base + NET_IN, sinceS);
      series.NetworkOutBurstBalance[b]![k] = this.levelPercent(base + NET_OUT, sinceS);
      // CloudWatch counts CPU credits in vCPU-minutes.
      series.CPUCreditBalance[b]![k] = this.levelAt(base + CPU, sinceS) / 60;
      series.NetworkInUtilization[b]![k] = this.util[base + NET_IN]! * 100;
      series.NetworkOutUtilization[b]![k] = this.util[base + NET_OUT]! * 100;
      series.EbsThroughputUtilization[b]![k] = this.util[base + EBS]! * 100;
    }
    this.cluster.ProducerBacklogBytes[k] = this.lagAt(PRODUCE, sinceS) * MIB;
    this.cluster.FollowerLagBytes[k] = this.lagAt(REPLICATE, sinceS) * MIB;
    this.cluster.ConsumerLagBytes[k] = this.lagAt(FETCH, sinceS) * MIB;
    this.cluster.StoredBytes[k] = Math.max(0, this.stored0 + this.storedDrift * sinceS) * MIB;
  }

  private levelAt(r: number, sinceS: number): number {
    const s = this.s;
    const spec = s.bucketSpec[r]!;
    if (spec.size <= 0) return 0;
    const rate = bucketRate(spec, s.level[r]!, s.alloc.load[r]!);
    return Math.min(spec.size, Math.max(0, s.level[r]! + rate * sinceS));
  }

  private levelPercent(r: number, sinceS: number): number {
    const spec = this.s.bucketSpec[r]!;
    return spec.size > 0 ? (this.levelAt(r, sinceS) / spec.size) * 100 : 100;
  }

  private lagAt(kind: number, sinceS: number): number {
    return Math.max(0, this.lag0[kind]! + this.lagDrift[kind]! * sinceS);
  }

  /** Backlogs move linearly, so their maxima over a segment are at its ends. */
  private trackMaxima(dt: number): void {
    this.maxProducerBacklogMiB = Math.max(this.maxProducerBacklogMiB, this.lagAt(PRODUCE, 0), this.lagAt(PRODUCE, dt));
    this.maxFollowerLagMiB = Math.max(this.maxFollowerLagMiB, this.lagAt(REPLICATE, 0), this.lagAt(REPLICATE, dt));
    this.maxConsumerLagMiB = Math.max(this.maxConsumerLagMiB, this.lagAt(FETCH, 0), this.lagAt(FETCH, dt));
    for (let k = 0; k < this.brokerLag0.length; k++) {
      const end = this.brokerLag0[k]! + this.brokerLagDrift[k]! * dt;
      this.brokerLagMaxMiB[k] = Math.max(this.brokerLagMaxMiB[k]!, this.brokerLag0[k]!, end);
    }
  }

  lost(broker: number, mib: number): void {
    if (broker >= 0) this.lostMiB[broker]! += mib;
  }

  diskAlarm(broker: number, now: number): void {
    this.events.push({ timeS: now, broker, what: 'disk-alarm', detail: `KafkaDataLogsDiskUsed reached ${Math.round(this.s.config.diskAlarmFraction * 100)} %` });
  }

  expanded(broker: number, now: number, fromGiB: number, toGiB: number): void {
    this.events.push({ timeS: now, broker, what: 'storage-expanded', detail: `storage auto-expanded from ${fromGiB.toFixed(0)} GiB to ${toGiB.toFixed(0)} GiB` });
  }

  brokerDown(broker: number, now: number): void {
    this.events.push({ timeS: now, broker, what: 'broker-down', detail: 'disk full: broker stopped; leadership moved to the next live replica' });
  }
}

function bucketName(resource: number): string {
  return ['network-in', 'network-out', 'EBS burst', 'CPU'][resource % RESOURCES_PER_BROKER]!;
}
