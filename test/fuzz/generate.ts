// A generator of valid scenario documents (plain objects, as the YAML will hold them), the
// second source of the fuzzer's mutants beside scenarios/*.yaml. It covers what the shipped
// scenarios leave out — traces, replays, retention.bytes, message-size distributions, skew
// (Zipf and hot partitions), compaction, provisioned throughput, auto-expansion, assumption and
// price overrides, explicit latency windows — with values in range, so that most unmutated
// documents run and each mutation starts from a scenario that means something. Like
// test/properties/arbitraries.ts, but a level up: the fuzzer feeds the whole pipeline (YAML,
// schema, resolution, catalog checks, simulation, reports), not the model alone.
import { ASSUMPTIONS, isWholeOnly, standardBroker } from '../../src/catalog/index.js';
import { EXPRESS_BROKER_TYPES, STANDARD_BROKER_TYPES, type StandardBrokerType } from '../../src/scenario/index.js';
import type { FuzzSize } from './options.js';
import type { Rng } from './random.js';

export interface GeneratedScenario {
  document: Record<string, unknown>;
  /** Trace files the document names, by file name (relative to the scenario). */
  traces: Record<string, string>;
}

interface Bounds {
  durations: readonly string[];
  maxTopics: number;
  maxPartitions: number;
  maxDeployments: number;
  maxBrokersPerAz: number;
  maxRateMiBps: number;
}

const BOUNDS: Readonly<Record<FuzzSize, Bounds>> = {
  ci: { durations: ['1h', '6h', '12h', '1d', '36h', '2d'], maxTopics: 4, maxPartitions: 120, maxDeployments: 2, maxBrokersPerAz: 4, maxRateMiBps: 100 },
  full: { durations: ['6h', '1d', '2d', '7d', '14d', '30d'], maxTopics: 12, maxPartitions: 500, maxDeployments: 3, maxBrokersPerAz: 10, maxRateMiBps: 300 },
};


export function generateScenario(rng: Rng, size: FuzzSize, name: string): GeneratedScenario {
  const b = BOUNDS[size];
  const traces: Record<string, string> = {};
  const document: Record<string, unknown> = {
    name,
    seed: rng.int(0, 1_000_000),
    duration: rng.pick(b.durations),
  };
  if (rng.chance(0.3)) document.description = rng.pick(['generated', 'A generated scenario: topics, producers and groups drawn at random.', '']);
  if (rng.chance(0.3)) document.start = rng.pick(['2024-01-01T00:00:00Z', '2024-06-15T13:30:00Z', '2025-03-29T23:00:00+02:00', '2023-12-31T22:00:00Z']);
  if (rng.chance(0.1)) document.region = 'eu-west-1';
  if (rng.chance(0.2)) document.pricing = pricing(rng);
  // Deployments first: a topic's replication factor must fit the smallest of them.
  const shapes = Array.from({ length: rng.int(1, b.maxDeployments) }, () => {
    const azs = rng.pick([2, 3]);
    return { azs, brokers: azs * rng.logInt(1, b.maxBrokersPerAz) };
  });
  const minBrokers = Math.min(...shapes.map((d) => d.brokers));
  const topics = Array.from({ length: rng.logInt(1, b.maxTopics) }, (_, i) => topic(rng, b, i, minBrokers, traces));
  document.workload = { topics: topics.map((t) => t.doc) };
  // Bytes a warm start puts on the disks of all brokers together: one retention of each topic.
  const storedGiB = topics.reduce((sum, t) => sum + t.storedGiB, 0);
  document.deployments = shapes.map((shape, i) => deployment(rng, i, shape, storedGiB));
  if (rng.chance(0.15)) document.clients = { azs: rng.int(1, 6) };
  if (rng.chance(0.25)) document.assumptions = assumptions(rng);
  if (rng.chance(0.6)) document.latency = latency(rng);
  if (rng.chance(0.5)) document.output = { interval: rng.pick(['60s', '5m', '300s', '15m', '1h']), formats: rng.pick([['json'], ['json', 'md'], ['json', 'md', 'csv'], ['md', 'html']]) };
  return { document, traces };
}

function pricing(rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rng.chance(0.7)) out.discountPercent = rng.pick([0, 5, 12.5, '10%', 50]);
  if (rng.chance(0.5)) out.overrides = { [rng.pick(STANDARD_BROKER_TYPES)]: rng.round3(rng.logReal(0.01, 20)) };
  return out;
}

interface GeneratedTopic {
  doc: Record<string, unknown>;
  /** One retention of the topic's produce at twice the mean rate, all replicas, in GiB. */
  storedGiB: number;
}

const RETENTIONS: readonly (readonly [string, number])[] = [['30m', 1800], ['6h', 21_600], ['1d', 86_400], ['3d', 259_200], ['7d', 604_800]];

function topic(rng: Rng, b: Bounds, i: number, maxReplicas: number, traces: Record<string, string>): GeneratedTopic {
  const replicationFactor = rng.int(1, Math.min(3, maxReplicas));
  const doc: Record<string, unknown> = { name: `topic-${i}`, partitions: rng.logInt(1, b.maxPartitions) };
  if (replicationFactor !== 3 || rng.chance(0.5)) doc.replicationFactor = replicationFactor;
  if (rng.chance(0.4)) doc.minInsyncReplicas = rng.int(1, replicationFactor);
  const [retention, retentionS] = rng.pick(RETENTIONS);
  if (rng.chance(0.7)) doc.retention = retention;
  if (rng.chance(0.15)) doc.retentionBytes = rng.pick(['100MiB', '1GiB', '20GiB', '500GB']);
  if (rng.chance(0.6)) doc.messageSize = messageSize(rng);
  if (rng.chance(0.3)) doc.compressionRatio = rng.round3(rng.logReal(0.1, 1));
  if (rng.chance(0.2)) doc.partitionSkew = partitionSkew(rng, doc.partitions as number);
  if (rng.chance(0.1)) doc.cleanupPolicy = rng.pick(['delete', 'compact']);
  const producers = Array.from({ length: rng.logInt(1, 3) }, (_, p) => producer(rng, b, `trace-${i}-${p}.csv`, traces));
  doc.producers = producers.map((p) => p.doc);
  if (rng.chance(0.8)) doc.consumerGroups = Array.from({ length: rng.int(0, 3) }, (_, g) => group(rng, g));
  const rateMiBps = producers.reduce((sum, p) => sum + p.rateMiBps, 0);
  const heldS = doc.retention === undefined ? 604_800 : retentionS;
  return { doc, storedGiB: (2 * rateMiBps * heldS * replicationFactor) / 1024 };
}

/**
 * uniform, Zipf, or hot partitions: at most a quarter hot, which rounds to fewer than all of 2 or
 * more partitions, with a share of 60 % or more, above any rounded hot set's even share (≤ 50 %).
 */
function partitionSkew(rng: Rng, partitions: number): unknown {
  const kind = rng.weighted<'uniform' | 'zipf' | 'hot'>([['uniform', 3], ['zipf', 5], ['hot', partitions >= 2 ? 4 : 0]]);
  if (kind === 'uniform') return 'uniform';
  if (kind === 'zipf') return { zipf: rng.round3(rng.logReal(0.1, 3)) };
  return { hot: rng.pick(['1%', '5%', '10%', '25%']), share: rng.pick(['60%', '75%', '90%', '99%']) };
}

function messageSize(rng: Rng): unknown {
  return rng.weighted<unknown>([
    [rng.pick(['100B', '512B', '1KiB', '4KiB', '1MB']), 4],
    [{ distribution: 'lognormal', mean: rng.pick(['512B', '2KiB']), cv: rng.round3(rng.logReal(0.05, 3)) }, 1],
    [{ distribution: 'empirical', values: ['200B', '1KiB', '10KiB'], weights: [5, 3, 1] }, 1],
  ]);
}

/** A producer and its mean rate in MiB/s as far as the generator knows it (msg/s at ~1 KiB). */
function producer(rng: Rng, b: Bounds, traceName: string, traces: Record<string, string>): { doc: Record<string, unknown>; rateMiBps: number } {
  const doc: Record<string, unknown> = {};
  let rateMiBps: number;
  if (rng.chance(0.12)) {
    traces[traceName] = traceCsv(rng);
    rateMiBps = 100;
    doc.trace = { file: traceName, unit: 'MiB/s', ...(rng.chance(0.5) ? { interpolation: rng.pick(['step', 'linear']) } : {}), ...(rng.chance(0.5) ? { afterEnd: rng.pick(['repeat', 'hold']) } : {}) };
  } else if (rng.chance(0.8)) {
    rateMiBps = rng.round3(rng.logReal(0.05, b.maxRateMiBps));
    doc.rate = `${rateMiBps}MiB/s`;
  } else {
    const perS = Math.round(rng.logReal(10, 100_000));
    rateMiBps = perS / 1024;
    doc.rate = `${perS}msg/s`;
  }
  if (rng.chance(0.6)) doc.profile = Array.from({ length: rng.int(1, 3) }, () => profileFactor(rng));
  if (rng.chance(0.3)) doc.instances = rng.logInt(1, 100);
  if (rng.chance(0.5)) doc.acks = rng.pick<unknown>([0, 1, 'all', -1, '1']);
  if (rng.chance(0.3)) doc.batchSize = rng.pick(['16KiB', '64KiB', '1MiB', '512B']);
  if (rng.chance(0.3)) doc.linger = rng.pick(['0ms', '5ms', '20ms', '100ms', '1s']);
  if (rng.chance(0.2)) doc.keyed = rng.chance(0.5);
  if (rng.chance(0.2)) doc.maxInFlight = rng.pick([1, 2, 5, 10]);
  return { doc, rateMiBps };
}

/** 2–20 rows a minute to an hour apart, epoch seconds or ISO-8601 (a CloudWatch export). */
function traceCsv(rng: Rng): string {
  const rows = rng.int(2, 20);
  const iso = rng.chance(0.5);
  let timeS = 1_704_067_200;
  const lines = ['timestamp,value'];
  for (let r = 0; r < rows; r++) {
    lines.push(`${iso ? new Date(timeS * 1000).toISOString() : String(timeS)},${rng.round3(rng.logReal(0.1, 100))}`);
    timeS += rng.pick([60, 300, 3600]);
  }
  return `${lines.join('\n')}\n`;
}

function profileFactor(rng: Rng): Record<string, unknown> {
  switch (rng.int(0, 5)) {
    case 0:
      return { type: 'constant', factor: rng.round3(rng.logReal(0.1, 3)) };
    case 1:
      return { type: 'diurnal', peakToMean: rng.round3(1 + rng.float() * 3), peakHour: rng.int(0, 23) };
    case 2:
      return { type: 'weekly', weekendFactor: rng.round3(rng.float() * 1.5) };
    case 3:
      return { type: 'spikes', perDay: rng.round3(rng.logReal(0.5, 24)), factor: rng.round3(1 + rng.float() * 4), duration: rng.pick(['1m', '10m', '1h']) };
    case 4:
      return { type: 'growth', perMonth: rng.pick(['5%', '-20%', '50%', '0%']) };
    default:
      return { type: 'steps', steps: [{ at: '1h', factor: rng.round3(rng.float() * 3) }, { at: '5h', factor: rng.round3(rng.float() * 3) }] };
  }
}

function group(rng: Rng, g: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: `group-${g}` };
  const mode = rng.weighted([['tail', 4], ['lagging', 2], ['replay', 1], [undefined, 2]] as const);
  if (mode !== undefined) out.mode = mode;
  if (mode === 'lagging') out.lagging = { diskReadFraction: rng.pick<unknown>([0, 0.2, 0.5, 1, '30%']) };
  if (mode === 'replay') {
    out.replay = {
      ...(rng.chance(0.6) ? { every: rng.pick(['1h', '6h', '24h']) } : {}),
      ...(rng.chance(0.6) ? { at: rng.pick(['02:00', '30m', '3h']) } : {}),
      rewind: rng.pick(['10m', '1h', '6h']),
      rate: `${rng.round3(rng.logReal(1, 300))}MiB/s`,
    };
  }
  if (rng.chance(0.4)) out.rackAware = rng.chance(0.5);
  if (rng.chance(0.2)) out.instances = rng.logInt(1, 50);
  if (rng.chance(0.15)) out.fetchMinBytes = rng.pick(['1B', '64KiB', '1MiB']);
  if (rng.chance(0.15)) out.fetchMaxWait = rng.pick(['0ms', '100ms', '500ms', '5s']);
  return out;
}

/**
 * A deployment whose disks mostly hold a warm start (`storedGiB` over all brokers) with room to
 * spare; one in five is cold and small enough to fill.
 */
function deployment(rng: Rng, i: number, shape: { azs: number; brokers: number }, storedGiB: number): Record<string, unknown> {
  // One in eight is Express (3 AZs, elastic storage) or Serverless (no brokers to choose).
  if (rng.chance(0.125)) {
    if (rng.chance(0.5)) return { name: `d${i}-serverless`, type: 'serverless', ...(rng.chance(0.5) ? { warmStart: rng.chance(0.5) } : {}) };
    const brokerType = rng.pick(EXPRESS_BROKER_TYPES);
    return { name: `d${i}-${brokerType.replace('express.', 'x-')}`, type: 'express', brokerType, brokers: 3 * Math.max(1, Math.round(shape.brokers / 3)), ...(rng.chance(0.3) ? { warmStart: rng.chance(0.5) } : {}) };
  }
  const brokerType: StandardBrokerType = rng.pick(STANDARD_BROKER_TYPES);
  const caps = standardBroker(brokerType);
  // A warm start that cannot fit on the largest volume is refused: start those cold.
  const cold = rng.chance(0.2) || storedGiB / shape.brokers > 10_000;
  const sizeGiB = Math.round(Math.min(16_384, Math.max(10, (storedGiB / shape.brokers) * (cold ? rng.logReal(0.1, 2) : rng.logReal(1.5, 4)))));
  const storage: Record<string, unknown> = { size: `${sizeGiB}GiB` };
  const pstMiBps = caps.pstMaxMiBps ?? 250;
  if (caps.pstEligible && rng.chance(0.3)) storage.provisionedThroughput = `${rng.pick([250, Math.min(500, pstMiBps), pstMiBps])}MiB/s`;
  if (rng.chance(0.25)) {
    storage.autoExpand = {
      ...(rng.chance(0.7) ? { targetPercent: rng.pick([10, 50, 80, '60%']) } : {}),
      ...(rng.chance(0.7) ? { maxSize: `${Math.min(16_384, sizeGiB * rng.pick([1, 2, 10]))}GiB` } : {}),
    };
  }
  const out: Record<string, unknown> = { name: `d${i}-${brokerType.replace('kafka.', '')}`, type: 'provisioned', brokerType, brokers: shape.brokers, azs: shape.azs, storage };
  if (cold || rng.chance(0.5)) out.warmStart = !cold;
  if (rng.chance(0.15)) out.replicaFetchers = rng.pick([1, 2, 4, 16]);
  return out;
}

function assumptions(rng: Rng): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = rng.int(1, 3); k > 0; k--) {
    const a = rng.pick(ASSUMPTIONS);
    const value = a.min + (a.max - a.min) * rng.float();
    out[a.id] = isWholeOnly(a) ? Math.round(value) : rng.round3(value);
  }
  return out;
}

function latency(rng: Rng): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (rng.chance(0.5)) out.estimate = rng.chance(0.8);
  if (rng.chance(0.7)) {
    const windows: unknown[] = [];
    if (rng.chance(0.5)) windows.push('peak');
    if (rng.chance(0.3)) windows.push('bucket-empty');
    // Within the shortest generated horizon (1 h).
    if (rng.chance(0.3)) windows.push({ at: rng.pick(['0s', '10m', '30m']), duration: rng.pick(['1s', '5s']) });
    out.windows = windows;
  }
  if (rng.chance(0.4)) out.windowDuration = rng.pick(['1s', '2s', '5s', '10s']);
  return out;
}
