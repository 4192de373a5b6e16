// Storage, tiered storage, serverless, data-transfer and Kafka-default facts against the
// numbers printed on the pages they come from.
import { describe, expect, it } from 'vitest';
import {
  DATA_TRANSFER,
  HOURS_PER_MONTH,
  KAFKA_DEFAULTS,
  MSK_DEFAULT_CONFIGURATION,
  SERVERLESS_QUOTAS,
  STANDARD_STORAGE,
  TIERED_STORAGE,
} from '../../src/catalog/index.js';

describe('Standard storage (limits.md, msk-autoexpand-details, bestpractices.html)', () => {
  it('1 GiB – 16 TiB per broker, 250 MiB/s default volume throughput, alarm at 85 %', () => {
    expect(STANDARD_STORAGE.minGiBPerBroker.value).toBe(1);
    expect(STANDARD_STORAGE.maxGiBPerBroker.value).toBe(16_384);
    expect(STANDARD_STORAGE.defaultVolumeThroughputMiBps.value).toBe(250);
    expect(STANDARD_STORAGE.diskUsedAlarmPct.value).toBe(85);
  });

  it('auto-expansion: target 10–80 %, step max(10 GiB, 10 %), 6 h cool-down', () => {
    const a = STANDARD_STORAGE.autoExpansion;
    expect([a.targetUtilizationPctMin.value, a.targetUtilizationPctMax.value]).toEqual([10, 80]);
    expect([a.stepMinGiB.value, a.stepFractionOfCurrent.value]).toEqual([10, 0.1]);
    expect(a.cooldownS.value).toBe(6 * 3600);
  });
});

describe('tiered storage (msk-tiered-storage.html)', () => {
  it('not on t3.small, ≥ 3 days remote retention, no compacted topics, 128 MiB segments', () => {
    expect(TIERED_STORAGE.unsupportedBrokerTypes.value).toEqual(['kafka.t3.small']);
    expect(TIERED_STORAGE.minRemoteRetentionS.value).toBe(3 * 86_400);
    expect(TIERED_STORAGE.compactedTopicsSupported.value).toBe(false);
    expect(TIERED_STORAGE.defaultSegmentMiB.value).toBe(128);
  });
});

describe('serverless quotas (limits.html)', () => {
  it('200 MiB/s in, 400 out, 2400 partitions, 5 / 10 MiB/s per partition', () => {
    expect(SERVERLESS_QUOTAS.clusterIngressMaxMiBps.value).toBe(200);
    expect(SERVERLESS_QUOTAS.clusterEgressMaxMiBps.value).toBe(400);
    expect(SERVERLESS_QUOTAS.maxPartitions.value).toBe(2400);
    expect(SERVERLESS_QUOTAS.partitionIngressMaxMiBps.value).toBe(5);
    expect(SERVERLESS_QUOTAS.partitionEgressMaxMiBps.value).toBe(10);
  });
});

describe('data transfer and month length', () => {
  it('replication between brokers is free (MSK pricing page); $0.01/GB each way across AZs', () => {
    expect(DATA_TRANSFER.interBrokerReplicationUsdPerGb.value).toBe(0);
    expect(DATA_TRANSFER.crossAzUsdPerGbEachDirection.value).toBe(0.01);
  });

  it('a month is 730 hours (AWS sizing script)', () => {
    expect(HOURS_PER_MONTH.value).toBe(730);
  });
});

describe('broker defaults (Kafka broker configs, MSK default configuration)', () => {
  it('Kafka: 8 io threads, 3 network threads, replica.lag.time.max.ms 30 s, KRaft session 9 s', () => {
    expect(KAFKA_DEFAULTS.numIoThreads.value).toBe(8);
    expect(KAFKA_DEFAULTS.numNetworkThreads.value).toBe(3);
    expect(KAFKA_DEFAULTS.replicaLagTimeMaxS.value).toBe(30);
    expect(KAFKA_DEFAULTS.brokerSessionTimeoutS.value).toBe(9);
    expect(KAFKA_DEFAULTS.zookeeperSessionTimeoutS.value).toBe(18);
  });

  it('MSK: 5 network threads, 2 replica fetchers', () => {
    expect(MSK_DEFAULT_CONFIGURATION.numNetworkThreads.value).toBe(5);
    expect(MSK_DEFAULT_CONFIGURATION.numReplicaFetchers.value).toBe(2);
  });
});
