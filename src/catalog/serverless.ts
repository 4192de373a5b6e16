// MSK Serverless quotas (msk-facts.md §4b, current column). Traffic beyond a throughput quota is
// throttled (backlog, latency); the other quotas are validation limits. MB/s is used as MiB/s
// (units.ts). Prices are in list-prices.ts.
import { sourced } from './sourced.js';
import { SOURCES } from './sources.js';
import { SECONDS_PER_DAY } from './units.js';

const L = SOURCES.mskLimits;

export const SERVERLESS_QUOTAS = {
  clusterIngressMaxMiBps: sourced(200, L, 'violation: slowdown with throttle'),
  clusterEgressMaxMiBps: sourced(400, L, 'violation: slowdown'),
  partitionIngressMaxMiBps: sourced(5, L),
  partitionEgressMaxMiBps: sourced(10, L),
  maxPartitions: sourced(2400, L, 'leader partitions, non-compacted topics'),
  maxPartitionsCompacted: sourced(120, L),
  partitionCreateDeletePer5Min: sourced(250, L),
  maxClientConnections: sourced(3000, L),
  maxConnectionAttemptsPerS: sourced(100, L),
  maxRequestRatePerS: sourced(15_000, L),
  maxMessageMiB: sourced(8, `${L}; ${SOURCES.mskServerlessConfig}`),
  maxFetchBytesPerRequestMB: sourced(55, L),
  maxConsumerGroups: sourced(500, L),
  maxPartitionSizeGiBCompacted: sourced(250, L),
  clientVpcsPerCluster: sourced(5, L),
  clustersPerAccount: sourced(10, L),
  maxRetentionS: sourced<number | null>(null, L, 'null = unlimited (24 h in the 2022 limits)'),
  defaultRetentionS: sourced(7 * SECONDS_PER_DAY, SOURCES.mskServerlessConfig),
  defaultRetentionGiB: sourced(250, SOURCES.mskServerlessConfig),
  brokerConfigEditable: sourced(false, SOURCES.mskServerlessConfig),
} as const;
