// fast-check arbitraries of whole model configurations for the property suite (STYLE habit
// 10b): clusters of 1–3 AZs, topics with every skew, acks mode, load profile and consumer mode,
// brokers with flat or burst capacities, disks small enough to fill, auto-expansion, warm
// starts and brokers that stop and return. Every configuration runs with `verify: true`, so
// src/model/invariants.ts checks the state after every event.
//
// One flat record, no fc.chain, so that fast-check shrinks every part on its own: times inside a
// run (steps, replays, broker events) are drawn on the longest horizon and scaled to the drawn
// one, replication factors and broker indices are clamped to the drawn cluster, and per-broker
// specs are a short list repeated over the brokers.
import fc from 'fast-check';
import { config as baseConfig } from '../model/fixtures.js';
import type { AutoExpandSpec, BrokerEvent, BrokerSpec, BucketSpec, CpuCosts, ModelConfig } from '../../src/model/config.js';
import type {
  ResolvedConsumerGroup,
  ResolvedConsumerMode,
  ResolvedLoad,
  ResolvedProducer,
  ResolvedProfileFactor,
  ResolvedTopic,
} from '../../src/scenario/types.js';

export type SizeProfile = 'ci' | 'full';

/** Upper bounds of the generated configurations. */
export interface Sizes {
  profile: SizeProfile;
  maxDurationS: number;
  maxBrokers: number;
  maxTopics: number;
  maxPartitionsPerTopic: number;
  /** Partitions summed over all topics; larger draws are scaled down to it. */
  maxTotalPartitions: number;
  /**
   * Partition flows summed over all topics — partitions × (replication factor + groups), what
   * each allocation and invariant check walks — scaled down to it likewise. The run time grows
   * with it times the events.
   */
  maxPartitionFlows: number;
  maxGroupsPerTopic: number;
  maxProducersPerTopic: number;
}

const DAY_S = 86_400;

/** 'ci' fits 2,000 runs in the CI time budget; 'full' is for `npm run props`. */
export function sized(profile: SizeProfile): Sizes {
  if (profile === 'full') {
    return { profile, maxDurationS: 30 * DAY_S, maxBrokers: 30, maxTopics: 200, maxPartitionsPerTopic: 200, maxTotalPartitions: 300, maxPartitionFlows: 1000, maxGroupsPerTopic: 4, maxProducersPerTopic: 3 };
  }
  return { profile, maxDurationS: 2 * DAY_S, maxBrokers: 12, maxTopics: 50, maxPartitionsPerTopic: 200, maxTotalPartitions: 100, maxPartitionFlows: 250, maxGroupsPerTopic: 4, maxProducersPerTopic: 3 };
}

/** `MSKSIM_PROPS_SIZE` = ci (default) | full. */
export function sizeProfileFromEnv(env: NodeJS.ProcessEnv = process.env): SizeProfile {
  const value = env['MSKSIM_PROPS_SIZE'] ?? 'ci';
  if (value !== 'ci' && value !== 'full') throw new RangeError(`MSKSIM_PROPS_SIZE must be ci or full, got ${JSON.stringify(value)}`);
  return value;
}

/** `MSKSIM_PROPS_RUNS`: generated configurations per property (default 2,000). */
export function runsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return runsFromEnvVar(env, 'MSKSIM_PROPS_RUNS', 2000);
}

function runsFromEnvVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  return runs;
}

/** `MSKSIM_PROPS_SHRINK_RUNS`: candidates tried while shrinking a failure (default 200). */
export function shrinkRunsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return runsFromEnvVar(env, 'MSKSIM_PROPS_SHRINK_RUNS', 200);
}

/** The seed of the suite when none is given: CI runs the same 2,000 configurations every time. */
export const DEFAULT_PROPS_SEED = 20_261_201;

/**
 * fast-check's replay parameters: `MSKSIM_PROPS_SEED` and `MSKSIM_PROPS_PATH`, as printed in a
 * failure ("seed: 123, path: "4:1:0""), rerun the failing configuration alone.
 * `MSKSIM_PROPS_SEED=random` draws a new seed (fast-check prints it with any failure).
 */
export function replayFromEnv(env: NodeJS.ProcessEnv = process.env): { seed?: number; path?: string } {
  const given = env['MSKSIM_PROPS_SEED'];
  const seed = given === 'random' ? undefined : given ? Number(given) : DEFAULT_PROPS_SEED;
  const path = env['MSKSIM_PROPS_PATH'];
  return { ...(seed === undefined ? {} : { seed }), ...(path ? { path } : {}) };
}

// Scalars ------------------------------------------------------------------------------------

const STEPS = 1 << 30;

/**
 * Uniform on [min, max] (fc.double draws uniformly over float representations, which puts most
 * draws of [0, 1] below 1e-300). fast-check's bias still hits the bounds and values near them.
 */
function real(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: STEPS }).map((i) => min + ((max - min) * i) / STEPS);
}

/** Log-uniform on [min, max], without bias (which would make every few horizons the longest). */
function logReal(min: number, max: number): fc.Arbitrary<number> {
  const lo = Math.log(min);
  const hi = Math.log(max);
  return fc.noBias(fc.integer({ min: 0, max: STEPS })).map((i) => Math.min(max, Math.max(min, Math.exp(lo + ((hi - lo) * i) / STEPS))));
}

function int(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}

/** Log-uniform integers on [min, max]: small counts and short horizons are common, large ones occur. */
function logInt(min: number, max: number): fc.Arbitrary<number> {
  return logReal(min, max + 1).map((x) => Math.min(max, Math.floor(x)));
}

/** `arb` with weight `weight`, else `otherwise` with weight `otherwiseWeight` (shrinks to `otherwise`). */
function sometimes<T, U>(arb: fc.Arbitrary<T>, otherwise: U, weight: number, otherwiseWeight: number): fc.Arbitrary<T | U> {
  return fc.oneof({ withCrossShrink: true }, { arbitrary: fc.constant(otherwise), weight: otherwiseWeight }, { arbitrary: arb, weight });
}

// Brokers ------------------------------------------------------------------------------------

export function flatBucket(capacity: number): BucketSpec {
  return { baseline: capacity, burst: capacity, size: 0, earnFraction: 1 };
}

/** Flat, or an EC2-style bucket: burst above the baseline for 1–60 minutes from full. */
function bucketArb(minBaseline: number, maxBaseline: number): fc.Arbitrary<BucketSpec> {
  const burst = fc
    .record({ baseline: logReal(minBaseline, maxBaseline), burstFactor: real(1.1, 10), minutesAtMax: real(1, 60), earnFraction: real(0, 1) })
    .map(({ baseline, burstFactor, minutesAtMax, earnFraction }) => {
      const burstRate = baseline * burstFactor;
      return { baseline, burst: burstRate, size: (burstRate - baseline) * minutesAtMax * 60, earnFraction };
    });
  return fc.oneof(logReal(minBaseline, maxBaseline).map(flatBucket), burst);
}

/** Most disks never fill; a third are 1–200 GiB, which a busy broker fills within the run. */
const storageGiBArb = fc.oneof({ arbitrary: logReal(1000, 16_384), weight: 2 }, { arbitrary: logReal(1, 200), weight: 1 });

export const brokerSpecArb: fc.Arbitrary<BrokerSpec> = fc.record({
  networkInMiBps: bucketArb(5, 3000),
  networkOutMiBps: bucketArb(5, 3000),
  ebsMiBps: bucketArb(10, 2500),
  volumeThroughputMiBps: logReal(50, 1000),
  cpuCores: bucketArb(0.5, 96),
  storageGiB: storageGiBArb,
  pageCacheGiB: logReal(0.25, 64),
});

const cpuCostsArb: fc.Arbitrary<CpuCosts> = fc.record({
  coreSecondsPerMiBProduced: real(0, 0.05),
  coreSecondsPerMiBReplicated: real(0, 0.05),
  coreSecondsPerMiBFetched: real(0, 0.05),
});

/** AWS's step and cool-down (msk-autoexpand), with shorter cool-downs to reach more expansions. */
const autoExpandArb: fc.Arbitrary<AutoExpandSpec> = fc.record({
  targetFraction: real(0.1, 0.8),
  maxSizeGiB: logReal(10, 16_384),
  cooldownS: fc.constantFrom(6 * 3600, 3600, 600),
  minStepGiB: fc.constant(10),
  stepFraction: fc.constant(0.1),
});

// Workload -----------------------------------------------------------------------------------
// Instants are drawn on [0, maxDurationS] and scaled to the drawn horizon by `fitTopic`.

function profileFactorArb(maxDurationS: number): fc.Arbitrary<ResolvedProfileFactor> {
  return fc.oneof(
    { withCrossShrink: true },
    real(0, 2).map((factor): ResolvedProfileFactor => ({ type: 'constant', factor })),
    fc.record({ peakToMean: real(1, 4), peakHourUtc: real(0, 23.99) }).map((d): ResolvedProfileFactor => ({ type: 'diurnal', ...d })),
    real(0, 2).map((weekendFactor): ResolvedProfileFactor => ({ type: 'weekly', weekendFactor })),
    fc
      .array(fc.record({ atS: int(0, maxDurationS), factor: real(0, 3) }), { minLength: 1, maxLength: 4 })
      .map((steps): ResolvedProfileFactor => ({ type: 'steps', steps })),
    fc.record({ perDay: real(0.5, 24), factor: real(0, 5), durationS: int(60, 3600) }).map((s): ResolvedProfileFactor => ({ type: 'spikes', ...s })),
    real(0, 0.5).map((perMonthFraction): ResolvedProfileFactor => ({ type: 'growth', perMonthFraction })),
  );
}

/** A short recorded trace (a CloudWatch export): 1–6 rows, step or linear, repeated or held. */
const traceArb: fc.Arbitrary<ResolvedLoad> = fc
  .record({
    rows: fc.array(fc.record({ gapS: int(60, DAY_S), rateMiBps: real(0, 400) }), { minLength: 1, maxLength: 6 }),
    interpolation: fc.constantFrom('step' as const, 'linear' as const),
    afterEnd: fc.constantFrom('repeat' as const, 'hold' as const),
  })
  .map(({ rows, interpolation, afterEnd }): ResolvedLoad => {
    let timeS = 0;
    const points = rows.map((row) => {
      const point = { timeS, rateMiBps: row.rateMiBps };
      timeS += row.gapS;
      return point;
    });
    return { kind: 'trace', file: 'generated.csv', points, durationS: timeS, interpolation, afterEnd };
  });

const loadArb: fc.Arbitrary<ResolvedLoad> = fc.oneof(
  { withCrossShrink: true },
  { arbitrary: logReal(0.1, 400).map((rateMiBps): ResolvedLoad => ({ kind: 'rate', rateMiBps })), weight: 6 },
  { arbitrary: traceArb, weight: 1 },
);

function producerArb(maxDurationS: number): fc.Arbitrary<ResolvedProducer> {
  return fc.record({
    profile: fc.array(profileFactorArb(maxDurationS), { maxLength: 2 }),
    load: loadArb,
    instances: int(1, 4),
    acks: fc.constantFrom('0' as const, '1' as const, 'all' as const),
    batchSizeBytes: fc.constant(16_384),
    lingerS: fc.constant(0.005),
    // From Kafka's 32 MiB down to buffers that overflow within seconds of a backlog.
    bufferMemoryBytes: fc.oneof(fc.constant(32 * 2 ** 20), logReal(2 ** 16, 2 ** 30)),
    deliveryTimeoutS: fc.oneof(fc.constant(120), logReal(30.005, 3600)),
    keyed: fc.boolean(),
    maxInFlight: fc.oneof(fc.constant(5), int(1, 10)),
  });
}

function consumerModeArb(maxDurationS: number): fc.Arbitrary<ResolvedConsumerMode> {
  return fc.oneof(
    { withCrossShrink: true },
    fc.constant<ResolvedConsumerMode>({ kind: 'tail' }),
    real(0, 1).map((diskReadFraction): ResolvedConsumerMode => ({ kind: 'lagging', diskReadFraction })),
    fc
      .record({
        firstStartS: int(0, maxDurationS),
        everyS: fc.option(int(600, DAY_S), { nil: null }),
        rewindS: int(60, 7 * DAY_S),
        rateMiBps: logReal(1, 500),
      })
      .map((r): ResolvedConsumerMode => ({ kind: 'replay', ...r })),
  );
}

function groupArb(maxDurationS: number): fc.Arbitrary<ResolvedConsumerGroup> {
  return fc
    .record({
      mode: consumerModeArb(maxDurationS),
      rackAware: fc.boolean(),
      instances: int(1, 4),
      fetchMinBytes: fc.oneof(fc.constant(1), int(1, 1 << 20)),
      fetchMaxWaitS: fc.oneof(fc.constant(0.5), real(0, 2)),
    })
    .map((g) => ({ name: 'group', ...g }));
}

/** A topic before `fitTopic`: replication factor and min.insync.replicas as wanted, instants on the longest horizon. */
function topicArb(sizes: Sizes): fc.Arbitrary<ResolvedTopic> {
  return fc.record({
    consumerGroups: fc.array(groupArb(sizes.maxDurationS), { maxLength: sizes.maxGroupsPerTopic }),
    producers: fc.array(producerArb(sizes.maxDurationS), { minLength: 1, maxLength: sizes.maxProducersPerTopic }),
    partitions: logInt(1, sizes.maxPartitionsPerTopic),
    replicationFactor: int(1, 3),
    minInsyncReplicas: int(1, 3),
    retentionS: int(600, 7 * DAY_S),
    retentionGiBPerPartition: fc.option(logReal(0.01, 10), { nil: null }),
    messageSize: int(100, 1_000_000).map((meanBytes): ResolvedTopic['messageSize'] => ({ kind: 'fixed', meanBytes })),
    compressionRatio: real(0.1, 1),
    partitionSkew: fc.oneof(
      { withCrossShrink: true },
      fc.constant<ResolvedTopic['partitionSkew']>({ kind: 'uniform' }),
      real(0.1, 2).map((exponent): ResolvedTopic['partitionSkew'] => ({ kind: 'zipf', exponent })),
      fc.record({ hotFraction: real(0.01, 0.5), share: real(0.3, 0.95) }).map((hot): ResolvedTopic['partitionSkew'] => ({ kind: 'hot', ...hot })),
    ),
    cleanupPolicy: fc.constantFrom<ResolvedTopic['cleanupPolicy']>('delete', 'compact'),
    name: fc.constant('topic'),
  });
}

/** Instants scaled by `scale` (drawn horizon / longest horizon); steps kept strictly increasing. */
function fitProfile(factor: ResolvedProfileFactor, scale: number): ResolvedProfileFactor {
  if (factor.type !== 'steps') return factor;
  const steps: { atS: number; factor: number }[] = [];
  for (const step of [...factor.steps].sort((a, b) => a.atS - b.atS)) {
    const atS = Math.round(step.atS * scale);
    if (steps.length === 0 || atS > steps[steps.length - 1]!.atS) steps.push({ atS, factor: step.factor });
  }
  return { type: 'steps', steps };
}

/** The topic on a cluster of `brokers`: RF ≤ min(3, brokers), min.insync.replicas ≤ RF, instants in the horizon. */
function fitTopic(topic: ResolvedTopic, index: number, brokers: number, scale: number): ResolvedTopic {
  const replicationFactor = Math.min(topic.replicationFactor, brokers);
  return {
    ...topic,
    name: `topic-${index}`,
    replicationFactor,
    minInsyncReplicas: Math.min(topic.minInsyncReplicas, replicationFactor),
    producers: topic.producers.map((p) => ({ ...p, profile: p.profile.map((f) => fitProfile(f, scale)) })),
    consumerGroups: topic.consumerGroups.map((g, i) => ({
      ...g,
      name: `group-${i}`,
      mode: g.mode.kind === 'replay' ? { ...g.mode, firstStartS: Math.round(g.mode.firstStartS * scale) } : g.mode,
    })),
  };
}

/**
 * Scales partition counts down so that Σ partitions × weight(topic) stays near `max` (each topic
 * keeps ≥ 1 partition).
 */
export function capPartitions<T extends { partitions: number }>(topics: readonly T[], max: number, weight: (t: T) => number = () => 1): T[] {
  const total = topics.reduce((sum, t) => sum + t.partitions * weight(t), 0);
  if (total <= max) return [...topics];
  return topics.map((t) => ({ ...t, partitions: Math.max(1, Math.floor((t.partitions * max) / total)) }));
}

/** Partition flows of one topic's partition: produce, followers, groups. */
function flowsPerPartition(t: ResolvedTopic, brokers: number): number {
  return Math.min(t.replicationFactor, brokers) + t.consumerGroups.length;
}

/** Mostly a few topics, sometimes up to the maximum; shrinking drops topics. */
function topicsArb(sizes: Sizes): fc.Arbitrary<ResolvedTopic[]> {
  const few = Math.min(12, sizes.maxTopics);
  return fc.oneof(
    { arbitrary: fc.array(topicArb(sizes), { minLength: 1, maxLength: few, size: 'max' }), weight: 8 },
    { arbitrary: fc.array(topicArb(sizes), { minLength: 1, maxLength: sizes.maxTopics, size: 'max' }), weight: 1 },
  );
}

interface Outage {
  broker: number;
  downAtS: number;
  outageS: number;
}

/** A broker (index taken modulo the cluster size) stops and, unless the return falls past the horizon, comes back. */
function outagesArb(sizes: Sizes): fc.Arbitrary<Outage[]> {
  const outage = fc.record({ broker: int(0, sizes.maxBrokers - 1), downAtS: int(0, sizes.maxDurationS), outageS: int(1, sizes.maxDurationS) });
  return fc.array(outage, { minLength: 1, maxLength: 3 });
}

function brokerEvents(outages: readonly Outage[], brokers: number, scale: number): BrokerEvent[] {
  return outages.flatMap(({ broker, downAtS, outageS }): BrokerEvent[] => {
    const b = broker % brokers;
    const down = Math.round(downAtS * scale);
    return [
      { atS: down, broker: b, kind: 'down' },
      { atS: down + Math.max(1, Math.round(outageS * scale)), broker: b, kind: 'up' },
    ];
  });
}

// The whole configuration --------------------------------------------------------------------

/** Whole model configurations within `sizes`. */
export function modelConfigArb(sizes: Sizes): fc.Arbitrary<ModelConfig> {
  return fc
    .record({
      topics: topicsArb(sizes),
      outages: sometimes(outagesArb(sizes), null, 1, 2),
      /** Per-broker specs, repeated over the brokers when shorter. */
      brokerSpecs: sometimes(fc.array(brokerSpecArb, { minLength: 1, maxLength: 3 }), null, 1, 3),
      autoExpand: sometimes(autoExpandArb, null, 1, 1),
      durationS: logInt(600, sizes.maxDurationS),
      azs: int(1, 3),
      brokersPerAzWanted: int(1, sizes.maxBrokers),
      broker: brokerSpecArb,
      cpu: cpuCostsArb,
      warmStart: fc.boolean(),
      initialCreditFraction: real(0, 1),
      clientAzs: int(1, 3),
      intervalS: int(60, 3600),
      profileStepS: int(300, 3600),
      startEpochS: int(0, 2_000_000_000),
      seed: int(0, 0x7fffffff),
      compactionRetainedFraction: real(0, 1),
    })
    .map(({ topics, outages, brokerSpecs, azs, brokersPerAzWanted, durationS, ...rest }): ModelConfig => {
      const brokers = azs * Math.max(1, Math.min(brokersPerAzWanted, Math.floor(sizes.maxBrokers / azs)));
      const scale = durationS / sizes.maxDurationS;
      return {
        ...rest,
        durationS,
        brokers,
        azs,
        brokerSpecs: brokerSpecs === null ? null : Array.from({ length: brokers }, (_, b) => brokerSpecs[b % brokerSpecs.length]!),
        diskAlarmFraction: 0.85,
        cpuGuidanceFraction: 0.6,
        replicaLagTimeMaxS: 30,
        ...(outages === null ? {} : { brokerEvents: brokerEvents(outages, brokers, scale) }),
        topics: capPartitions(capPartitions(topics, sizes.maxTotalPartitions), sizes.maxPartitionFlows, (t) => flowsPerPartition(t, brokers)).map((t, i) =>
          fitTopic(t, i, brokers, scale),
        ),
        verify: true,
        latency: null,
      };
    });
}

// acks=all at the Equation 1 limit ------------------------------------------------------------

/** One topic with acks=all on flat capacities, and the limit AWS's Equation 1 puts on it. */
export interface AcksAllCase {
  config: ModelConfig;
  replicationFactor: number;
  groups: number;
  demandMiBps: number;
  /** min(EBS·N/r, volume·N/r, network·N/(c + r − 1)), EBS = min(EC2-to-EBS baseline, volume). */
  boundMiBps: number;
}

/** Equation 1 (Hausmann, AWS Big Data Blog; msk-facts.md §7a); the network term is infinite when c + r − 1 = 0. */
export function equation1MiBps(ebsMiBps: number, volumeMiBps: number, networkMiBps: number, brokers: number, r: number, c: number): number {
  const ebs = Math.min(ebsMiBps, volumeMiBps);
  const network = c + r - 1 > 0 ? (networkMiBps * brokers) / (c + r - 1) : Infinity;
  return Math.min((ebs * brokers) / r, (volumeMiBps * brokers) / r, network);
}

/**
 * N = 3k brokers in 3 AZs, RF 1–3, partitions a multiple of N, 0–4 tail groups (some
 * rack-aware), constant demand below the limit or 5 %–200 % above it, huge disks and CPU, no
 * bursts, no broker events.
 */
export const acksAllCaseArb: fc.Arbitrary<AcksAllCase> = fc
  .record({
    brokersPerAz: int(1, 4),
    replicationFactor: int(1, 3),
    partitionsPerBroker: int(1, 10),
    rackAware: fc.array(fc.boolean(), { maxLength: 4 }),
    networkMiBps: logReal(20, 3000),
    ebsMiBps: logReal(20, 2500),
    volumeMiBps: logReal(50, 1000),
    demandFactor: fc.oneof(real(0.2, 1), real(1.05, 3)),
    seed: int(0, 0x7fffffff),
  })
  .map(({ brokersPerAz, replicationFactor: r, partitionsPerBroker, rackAware, networkMiBps, ebsMiBps, volumeMiBps, demandFactor, seed }) => {
    const brokers = 3 * brokersPerAz;
    const c = rackAware.length;
    const boundMiBps = equation1MiBps(ebsMiBps, volumeMiBps, networkMiBps, brokers, r, c);
    const demandMiBps = boundMiBps * demandFactor;
    const broker: BrokerSpec = {
      networkInMiBps: flatBucket(networkMiBps),
      networkOutMiBps: flatBucket(networkMiBps),
      ebsMiBps: flatBucket(ebsMiBps),
      volumeThroughputMiBps: volumeMiBps,
      cpuCores: flatBucket(10_000),
      storageGiB: 1e9,
      pageCacheGiB: 16,
    };
    const topic: ResolvedTopic = {
      name: 'events',
      partitions: brokers * partitionsPerBroker,
      replicationFactor: r,
      minInsyncReplicas: Math.max(1, r - 1),
      retentionS: 7 * DAY_S,
      retentionGiBPerPartition: null,
      messageSize: { kind: 'fixed', meanBytes: 1024 },
      compressionRatio: 1,
      partitionSkew: { kind: 'uniform' },
      cleanupPolicy: 'delete',
      producers: [{ load: { kind: 'rate', rateMiBps: demandMiBps }, profile: [], instances: 1, acks: 'all', batchSizeBytes: 16_384, lingerS: 0.005, bufferMemoryBytes: 2 ** 40, deliveryTimeoutS: 1e9, keyed: false, maxInFlight: 5 }],
      consumerGroups: rackAware.map((aware, g) => ({ name: `group-${g}`, mode: { kind: 'tail' }, rackAware: aware, instances: 1, fetchMinBytes: 1, fetchMaxWaitS: 0.5 })),
    };
    // The hand-written fixture's configuration: no CPU cost, full buckets, invariants checked.
    const config: ModelConfig = baseConfig({ durationS: 1800, seed, profileStepS: 600, brokers, broker, topics: [topic] });
    return { config, replicationFactor: r, groups: c, demandMiBps, boundMiBps };
  });
