// The resolved scenario: what the model, cost and report layers consume. Every default is
// filled and every quantity is a plain number in the one unit convention of msksim (STYLE
// habit 5): rates in MiB/s, storage in GiB, message and batch sizes in bytes, durations and
// times in seconds, percentages as fractions (0.6, not 60), money in USD. Simulation time 0 is
// `startEpochS`; all `…S` times below are relative to it unless the name says epoch.
//
// Stability contract: this file is consumed in parallel by src/model. Changes are additive
// only (new optional-in-YAML fields get a resolved default; new union members for later
// features: events, SLOs, tiered storage, express and serverless deployments).
import type { StandardBrokerType } from '../catalog/standard-brokers.js';
import type { ExpressBrokerType } from '../catalog/express-brokers.js';

/** Producer acknowledgement mode (`acks`). */
export type Acks = '0' | '1' | 'all';

export type OutputFormat = 'json' | 'md' | 'csv' | 'html';

/** The 16 MSK Standard broker types msksim knows, from the catalog (msk-facts.md §1a). */
export { STANDARD_BROKER_TYPES, type StandardBrokerType } from '../catalog/standard-brokers.js';
export { EXPRESS_BROKER_TYPES, type ExpressBrokerType } from '../catalog/express-brokers.js';

// ---------------------------------------------------------------------------------------------
// Workload

/**
 * Message size. `meanBytes` is always present so rates given in msg/s and request counts can
 * be converted without knowing the distribution.
 */
export type ResolvedMessageSize =
  | { kind: 'fixed'; meanBytes: number }
  /** Lognormal with the given mean and coefficient of variation (stddev / mean). */
  | { kind: 'lognormal'; meanBytes: number; cv: number }
  /** Discrete distribution; `weights` are normalised to sum to 1, same length as values. */
  | { kind: 'empirical'; meanBytes: number; valuesBytes: readonly number[]; weights: readonly number[] };

/** How produced bytes spread over a topic's partitions. */
export type ResolvedPartitionSkew =
  | { kind: 'uniform' }
  /** Partition k (1-based, after a deterministic shuffle) gets weight ∝ 1 / k^exponent. */
  | { kind: 'zipf'; exponent: number }
  /**
   * The first hotPartitionCount(partitions, hotFraction) partitions by index (skew.ts) take
   * `share` of the bytes, evenly; the others share 1 − share evenly.
   */
  | { kind: 'hot'; hotFraction: number; share: number };

/** Kafka's `cleanup.policy`. */
export type CleanupPolicy = 'delete' | 'compact';

/**
 * One multiplicative factor of a producer's load profile. The instantaneous rate is
 * base rate × the product of all factors (an empty list means constant load).
 */
export type ResolvedProfileFactor =
  /** A constant multiplier (a plain scale factor). */
  | { type: 'constant'; factor: number }
  /**
   * Daily shape with mean 1 and maximum `peakToMean` at `peakHourUtc` (0 ≤ h < 24, fractional
   * hours allowed), 1 ≤ peakToMean ≤ 10: up to 2 a sinusoid (minimum 2 − peakToMean), beyond a
   * raised cosine whose trough is 0 (see src/model/profile.ts).
   */
  | { type: 'diurnal'; peakToMean: number; peakHourUtc: number }
  /** 1 Monday–Friday, `weekendFactor` on Saturday and Sunday (UTC days). */
  | { type: 'weekly'; weekendFactor: number }
  /**
   * Random spikes: a Poisson process with `perDay` expected starts per day (seeded from the
   * workload stream), each multiplying the rate by `factor` for `durationS`.
   */
  | { type: 'spikes'; perDay: number; factor: number; durationS: number }
  /**
   * Compound growth: factor (1 + perMonthFraction)^(t / 730 h), continuous in t. A month is
   * 730 hours, the same month the bill uses (DESIGN §3.7).
   */
  | { type: 'growth'; perMonthFraction: number }
  /**
   * Piecewise-constant factor: `factor` of the last step whose `atS` ≤ t; 1 before the first
   * step. Steps are sorted by strictly increasing `atS`.
   */
  | { type: 'steps'; steps: readonly { atS: number; factor: number }[] };

/** One row of a trace, already converted to MiB/s and made relative to the first row. */
export interface TracePoint {
  timeS: number;
  rateMiBps: number;
}

/** Where a producer's base rate comes from. */
export type ResolvedLoad =
  /** A constant base rate (`rate: 40MiB/s`, or msg/s converted with the mean message size). */
  | { kind: 'rate'; rateMiBps: number }
  /**
   * A recorded trace. `points[0].timeS` is 0 and times strictly increase. The trace covers
   * [0, durationS), durationS = last time + the last row interval. `interpolation: 'step'`
   * holds each row's value until the next row (CloudWatch averages); 'linear' interpolates.
   * Past durationS: 'repeat' loops the trace, 'hold' keeps the last value.
   */
  | {
      kind: 'trace';
      /** As written in the scenario (relative to the scenario file). */
      file: string;
      points: readonly TracePoint[];
      durationS: number;
      interpolation: 'step' | 'linear';
      afterEnd: 'repeat' | 'hold';
    };

export interface ResolvedProducer {
  /** Base rate of produced bytes before compression, for all instances together. */
  load: ResolvedLoad;
  /** Multiplied onto the base load, in order; [] = constant. */
  profile: readonly ResolvedProfileFactor[];
  /** Producer processes sharing the rate (OMB `producersPerTopic`). */
  instances: number;
  acks: Acks;
  /** `batch.size`. */
  batchSizeBytes: number;
  /** `linger.ms`, in seconds. */
  lingerS: number;
  /** `buffer.memory` of each instance: bytes of records it holds until the brokers accept them. */
  bufferMemoryBytes: number;
  /** `delivery.timeout.ms`, in seconds: a record not accepted by then fails (client-side loss). */
  deliveryTimeoutS: number;
  /**
   * Records carry keys: each partition fills its own batch (the key's hash picks it), and one
   * produce request per broker carries every partition's ready batch. False: the sticky
   * partitioner (KIP-480, KIP-794) fills one batch at a time.
   */
  keyed: boolean;
  /** `max.in.flight.requests.per.connection`: requests a producer instance has outstanding to one broker at most. */
  maxInFlight: number;
}

export type ResolvedConsumerMode =
  /** Reads at the head of the log: served from page cache. */
  | { kind: 'tail' }
  /** Keeps up on average, but `diskReadFraction` of its reads miss the page cache. */
  | { kind: 'lagging'; diskReadFraction: number }
  /**
   * A tail reader that, starting at `firstStartS` and then every `everyS` (null: once),
   * rewinds `rewindS` of data and re-reads it at up to `rateMiBps` until it has caught up.
   */
  | { kind: 'replay'; firstStartS: number; everyS: number | null; rewindS: number; rateMiBps: number };

export interface ResolvedConsumerGroup {
  name: string;
  mode: ResolvedConsumerMode;
  /** KIP-392: fetch from a follower in the consumer's AZ. */
  rackAware: boolean;
  /** Consumers in the group (OMB `consumerPerSubscription`). */
  instances: number;
  /** `fetch.min.bytes`: a fetch waits at the broker until this much data is there … */
  fetchMinBytes: number;
  /** … or `fetch.max.wait.ms` (in seconds) has passed. */
  fetchMaxWaitS: number;
}

export interface ResolvedTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
  /** `retention.ms`, in seconds. */
  retentionS: number;
  /** `retention.bytes` (per partition, Kafka semantics), in GiB; null = no size limit. */
  retentionGiBPerPartition: number | null;
  messageSize: ResolvedMessageSize;
  /** Stored (and on-wire) bytes / produced bytes, in (0, 1]. */
  compressionRatio: number;
  partitionSkew: ResolvedPartitionSkew;
  /** compact: stored bytes are assumption compaction.retainedFraction of what retention keeps. */
  cleanupPolicy: CleanupPolicy;
  producers: readonly ResolvedProducer[];
  consumerGroups: readonly ResolvedConsumerGroup[];
}

export interface ResolvedWorkload {
  topics: readonly ResolvedTopic[];
}

// ---------------------------------------------------------------------------------------------
// Deployments (a discriminated union on `type`; express comes later)

export interface ResolvedAutoExpand {
  /** Target disk utilisation that triggers expansion, 0.1–0.8. */
  targetFraction: number;
  /** Per broker. */
  maxSizeGiB: number;
}

export interface ResolvedStandardStorage {
  /** Provisioned EBS volume per broker. */
  sizeGiB: number;
  /** Provisioned storage throughput per broker; null = the volume default (250 MiB/s). */
  provisionedThroughputMiBps: number | null;
  autoExpand: ResolvedAutoExpand | null;
}

export interface ResolvedProvisionedDeployment {
  type: 'provisioned';
  name: string;
  brokerType: StandardBrokerType;
  brokers: number;
  /** 2 or 3; brokers is a multiple of it. */
  azs: number;
  storage: ResolvedStandardStorage;
  /** True: every topic's retention is already full at t = 0 (steady state from the start). */
  warmStart: boolean;
  /** `num.replica.fetchers` set in the cluster configuration; null: MSK's default configuration. */
  replicaFetchers: number | null;
}

/** MSK Serverless: no brokers, sizes or AZs to choose; its quotas are in the catalog. */
export interface ResolvedServerlessDeployment {
  type: 'serverless';
  name: string;
  /** True: every topic's retention is already full at t = 0 (steady state from the start). */
  warmStart: boolean;
}

/**
 * MSK Provisioned with Express brokers: no disk to size (elastic storage), per-broker client
 * ingress and egress quotas, and RF 3 / min.insync.replicas 2 over 3 AZs, fixed by AWS.
 */
export interface ResolvedExpressDeployment {
  type: 'express';
  name: string;
  brokerType: ExpressBrokerType;
  brokers: number;
  azs: 3;
  warmStart: boolean;
}

export type ResolvedDeployment = ResolvedProvisionedDeployment | ResolvedExpressDeployment | ResolvedServerlessDeployment;

// ---------------------------------------------------------------------------------------------
// The whole scenario

export interface ResolvedPricing {
  /** Discount on every MSK line item, 0 ≤ f < 1. */
  discountFraction: number;
  /** Unit-price overrides by catalog key (validated later against the catalog). */
  overrides: Readonly<Record<string, number>>;
}

export interface ResolvedClients {
  /** AZs producers and consumers are spread over evenly; null = the deployment's own AZs. */
  azs: number | null;
}

export interface ResolvedOutput {
  /** Sampling interval of reported time series. */
  intervalS: number;
  formats: readonly OutputFormat[];
}

/** A window simulated request by request (DESIGN §3.4). */
export type ResolvedLatencyWindow =
  /** The segment of highest total produce load. */
  | { kind: 'peak'; durationS: number }
  /** The moment the first credit bucket empties (none if no bucket does). */
  | { kind: 'bucket-empty'; durationS: number }
  | { kind: 'at'; atS: number; durationS: number };

export interface ResolvedLatency {
  /** Per-interval estimate over the whole horizon. */
  estimate: boolean;
  windows: readonly ResolvedLatencyWindow[];
}

export interface ResolvedSlo {
  /** Whole-run publish p99, in seconds. */
  publishLatency99pctS?: number;
  /** Whole-run end-to-end p99, in seconds. */
  endToEndLatency99pctS?: number;
  /** Of sustained capacity, any resource, 0–1. */
  maxUtilization?: number;
  throttledBytes?: number;
  lostBytes?: number;
  maxMonthlyCostUsd?: number;
}

export interface ResolvedScenario {
  name: string;
  description: string;
  seed: number;
  /** Simulated horizon. */
  durationS: number;
  /** Wall-clock instant of simulation time 0, in Unix epoch seconds (UTC). */
  startEpochS: number;
  region: string;
  pricing: ResolvedPricing;
  workload: ResolvedWorkload;
  deployments: readonly ResolvedDeployment[];
  clients: ResolvedClients;
  /** Assumption overrides by catalog key (validated later against the catalog). */
  assumptionOverrides: Readonly<Record<string, number>>;
  latency: ResolvedLatency;
  /** Service-level objectives; each is absent when the scenario does not set it. */
  slo: ResolvedSlo;
  output: ResolvedOutput;
  /** File name the scenario was loaded from, as given; not part of the hash. */
  fileName: string;
  /** SHA-256 (hex) of the canonical resolved scenario without `hash` and `fileName`. */
  hash: string;
}
