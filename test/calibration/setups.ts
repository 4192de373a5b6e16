// The set-ups of the published measurements (SOURCES.md) as latency snapshots: the cluster the
// publisher ran, at the throughput of the row, with fluid loads computed as the model computes
// them (produce and replication on network in, replication and consumer fetches on network out,
// appends on EBS, CPU per MiB and per request from the catalog assumptions).
import { ASSUMPTIONS, standardBroker, type AssumptionId } from '../../src/catalog/index.js';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { resolveRoutes, MIB } from '../../src/latency/routes.js';
import type { LatencyParams, LatencySnapshot, PartitionGroup } from '../../src/latency/snapshot.js';

const value = (id: AssumptionId): number => ASSUMPTIONS.find((a) => a.id === id)!.value;

export interface Setup {
  brokers: number;
  azs: number;
  /** vCPUs, network (each way), EBS throughput in MiB/s per broker. */
  vcpu: number;
  netMiBps: number;
  ebsMiBps: number;
  ioThreads: number;
  partitions: number;
  producers: number;
  consumerGroups: number;
  messageBytes: number;
  batchSizeBytes: number;
  lingerS: number;
  acks: '1' | 'all';
  /** Local NVMe rather than EBS: no write-back stalls. */
  localDisks: boolean;
  /** Round trips: client to broker, broker to broker. */
  rttClientS: number;
  rttInterBrokerS: number;
}

/** 3 × kafka.m5.* as the AWS performance-testing framework ran them (SOURCES.md A1). */
export function awsFramework(type: 'kafka.m5.large' | 'kafka.m5.xlarge' | 'kafka.m5.2xlarge'): Setup {
  const caps = standardBroker(type);
  return {
    brokers: 3,
    azs: 3,
    vcpu: caps.vcpu,
    netMiBps: caps.networkBaselineMiBps,
    // The volume's 250 MiB/s default binds before the instance on none of these sizes' baselines.
    ebsMiBps: Math.min(caps.ebsBaselineMiBps, 250),
    ioThreads: caps.ioThreads,
    partitions: 72,
    producers: 6,
    consumerGroups: 2,
    messageBytes: 1024,
    batchSizeBytes: 262114,
    lingerS: 0.005,
    acks: 'all',
    localDisks: false,
    rttClientS: (value('network.rttSameAzS') + 2 * value('network.rttCrossAzS')) / 3,
    rttInterBrokerS: value('network.rttInterBrokerS'),
  };
}

/**
 * 3 × i3en.2xlarge in one AZ, 100 partitions, 2 producers, linger.ms 1, batch.size 1 MiB
 * (SOURCES.md C, StreamNative's rerun with kafka-batched-1ms-1mb-ack-*.yaml). i3en.2xlarge:
 * 8 vCPU, up to 25 Gbps, local NVMe (AWS EC2 instance types page).
 */
export function streamNativeOmb(acks: '1' | 'all'): Setup {
  return {
    brokers: 3,
    azs: 1,
    vcpu: 8,
    netMiBps: 25 * 119.2,
    ebsMiBps: 2000,
    ioThreads: 8,
    partitions: 100,
    producers: 2,
    consumerGroups: 1,
    messageBytes: 1024,
    batchSizeBytes: 1048576,
    lingerS: 0.001,
    acks,
    localDisks: true,
    rttClientS: value('network.rttSameAzS'),
    rttInterBrokerS: value('network.rttSameAzS'),
  };
}

/** Equation 1 (right-sizing blog): min(storage·B/r, EBS·B/r, network·B/(c + r − 1)), r = 3, storage at 250 MiB/s. */
export function equation1MiBps(s: Setup): number {
  const r = 3;
  return Math.min((250 * s.brokers) / r, (s.ebsMiBps * s.brokers) / r, (s.netMiBps * s.brokers) / (s.consumerGroups + r - 1));
}

export function snapshotAt(s: Setup, throughputMiBps: number, params: Partial<LatencyParams> = {}): LatencySnapshot {
  const n = s.brokers;
  const rf = Math.min(3, n);
  const perLeader = (b: number): number => Math.floor(s.partitions / n) + (b < s.partitions % n ? 1 : 0);
  const produceMiBps = throughputMiBps / s.partitions;
  const groups: PartitionGroup[] = Array.from({ length: n }, (_, b) => ({
    count: perLeader(b),
    leader: b,
    followers: Array.from({ length: rf - 1 }, (_, k) => (b + k + 1) % n),
    produceMiBps,
    messageBytes: s.messageBytes,
    batchSizeBytes: s.batchSizeBytes,
    lingerS: s.lingerS,
    producerInstances: s.producers,
    acks: s.acks,
    consumerGroups: s.consumerGroups,
    fetchFromFollowerSameAz: false,
    stickyProducerMiBps: throughputMiBps / s.producers,
  }));
  const p: LatencyParams = {
    rttSameAzS: s.rttClientS,
    rttCrossAzS: s.rttClientS,
    rttInterBrokerS: s.rttInterBrokerS,
    ioThreads: s.ioThreads,
    networkThreads: 5,
    cpuSecondsPerRequest: value('cpu.coreSecondsPerRequest'),
    cpuSecondsPerMiB: value('cpu.coreSecondsPerMiBProduced'),
    ...(s.localDisks ? { writebackStallSPerMiBps: 0, writebackStallSharePerMiBps: 0 } : {}),
    ...params,
  };
  const fill = (v: number): Float64Array => new Float64Array(n).fill(v);
  const snap: LatencySnapshot = {
    brokers: n,
    azOfBroker: Array.from({ length: n }, (_, b) => b % s.azs),
    clientAzs: 1,
    netInMiBps: fill(s.netMiBps),
    netOutMiBps: fill(s.netMiBps),
    ebsMiBps: fill(s.ebsMiBps),
    cpuCores: fill(s.vcpu),
    netInLoad: fill(0),
    netOutLoad: fill(0),
    ebsLoad: fill(0),
    cpuLoad: fill(0),
    partitions: groups,
    params: p,
  };
  const routes = resolveRoutes(snap);
  for (let g = 0; g < groups.length; g++) {
    const pg = groups[g]!;
    const miBps = pg.count * pg.produceMiBps;
    const requests = routes.batchRate[g]!;
    snap.netInLoad[pg.leader]! += miBps;
    snap.ebsLoad[pg.leader]! += miBps;
    snap.netOutLoad[pg.leader]! += miBps * pg.consumerGroups;
    snap.cpuLoad[pg.leader]! += requests * p.cpuSecondsPerRequest + miBps * (value('cpu.coreSecondsPerMiBProduced') + pg.consumerGroups * value('cpu.coreSecondsPerMiBFetched'));
    for (const f of pg.followers) {
      snap.netOutLoad[pg.leader]! += miBps;
      snap.netInLoad[f]! += miBps;
      snap.ebsLoad[f]! += miBps;
      snap.cpuLoad[f]! += miBps * value('cpu.coreSecondsPerMiBReplicated');
      snap.cpuLoad[pg.leader]! += miBps * value('cpu.coreSecondsPerMiBFetched');
    }
  }
  return snap;
}

export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  p999Ms: number;
}

/**
 * Publish latency percentiles of the estimate: `calls` calls of 1 s each with `samples` samples,
 * by default 200 × 1024, so about 200 samples lie beyond the p99.9.
 */
export function estimatePublish(snapshot: LatencySnapshot, calls = 200, samples = 1024, seed = 1): Percentiles {
  const rng = new RandomStreams(seed).stream('latency/estimate');
  const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
  for (let i = 0; i < calls; i++) estimateLatency(snapshot, { rng, weight: 1, samples }, into);
  const ms = (q: number): number => into.publish.quantile(q) * 1e3;
  return { p50Ms: ms(0.5), p95Ms: ms(0.95), p99Ms: ms(0.99), p999Ms: ms(0.999) };
}

export const BYTES_PER_MIB = MIB;
