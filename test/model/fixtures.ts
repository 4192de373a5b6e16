// Hand-written model configurations for tests: one topic, constant load, no scenario file.
import type { BrokerSpec, BucketSpec, ModelConfig } from '../../src/model/config.js';
import type { ResolvedConsumerGroup, ResolvedTopic } from '../../src/scenario/types.js';

export function flat(capacity: number): BucketSpec {
  return { baseline: capacity, burst: capacity, size: 0, earnFraction: 1 };
}

export function topic(rateMiBps: number, options: Partial<ResolvedTopic> & { groups?: number } = {}): ResolvedTopic {
  const groups: ResolvedConsumerGroup[] = Array.from({ length: options.groups ?? 1 }, (_, g) => ({
    name: `group-${g}`,
    mode: { kind: 'tail' },
    rackAware: false,
    instances: 1,
    fetchMinBytes: 1,
    fetchMaxWaitS: 0.5,
  }));
  return {
    name: 'events',
    partitions: 60,
    replicationFactor: 3,
    minInsyncReplicas: 2,
    retentionS: 7 * 86_400,
    retentionGiBPerPartition: null,
    messageSize: { kind: 'fixed', meanBytes: 1024 },
    compressionRatio: 1,
    partitionSkew: { kind: 'uniform' },
    cleanupPolicy: 'delete',
    // Unbounded clients unless a test bounds them: the tests here are about the brokers.
    producers: [{ load: { kind: 'rate', rateMiBps }, profile: [], instances: 1, acks: 'all', batchSizeBytes: 16_384, lingerS: 0.005, bufferMemoryBytes: 2 ** 50, deliveryTimeoutS: 1e12, keyed: false, maxInFlight: 5 }],
    consumerGroups: groups,
    ...options,
  };
}

export function broker(overrides: Partial<BrokerSpec> = {}): BrokerSpec {
  return {
    networkInMiBps: flat(1000),
    networkOutMiBps: flat(1000),
    ebsMiBps: flat(1000),
    volumeThroughputMiBps: 250,
    cpuCores: flat(64),
    storageGiB: 100_000,
    pageCacheGiB: 4,
    ...overrides,
  };
}

export function config(overrides: Partial<ModelConfig> = {}): ModelConfig {
  return {
    durationS: 3600,
    startEpochS: 0,
    seed: 1,
    intervalS: 60,
    profileStepS: 300,
    brokers: 6,
    azs: 3,
    clientAzs: 3,
    broker: broker(),
    cpu: { coreSecondsPerMiBProduced: 0, coreSecondsPerMiBReplicated: 0, coreSecondsPerMiBFetched: 0 },
    initialCreditFraction: 1,
    warmStart: false,
    autoExpand: null,
    diskAlarmFraction: 0.85,
    cpuGuidanceFraction: 0.6,
    replicaLagTimeMaxS: 30,
    topics: [topic(10)],
    compactionRetainedFraction: 0.5,
    verify: true,
    latency: null,
    ...overrides,
  };
}
