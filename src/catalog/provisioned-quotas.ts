// Quotas of MSK provisioned clusters (msk-facts.md §7c, quotas). Per-broker throughput has no
// published quota on Standard brokers; it follows from the EC2 limits in standard-brokers.ts.
import { sourced } from './sourced.js';
import { SOURCES } from './sources.js';

const L = SOURCES.mskLimits;

export const PROVISIONED_QUOTAS = {
  brokersPerAccount: sourced(90, L),
  brokersPerClusterZooKeeper: sourced(30, L),
  brokersPerClusterKRaft: sourced(60, L),
  standardAvailabilityZones: sourced([2, 3] as readonly number[], `${SOURCES.awsSizingReferences}; ${L}`),
  iamConnectionsPerBroker: sourced(3000, `${L}; ${SOURCES.mskBestPracticesExpress}`),
  iamNewConnectionsPerSM5M7g: sourced(100, L, 'was 20/s in the 2022 limits'),
  iamNewConnectionsPerST3: sourced(4, L),
  configurationsPerAccount: sourced(100, L),
  revisionsPerConfiguration: sourced(50, L),
} as const;
