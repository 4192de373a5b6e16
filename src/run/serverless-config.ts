// Resolves an MSK Serverless deployment into the fluid model's configuration. Serverless has no
// brokers to size, so it is modelled as a virtual cluster of one broker in one AZ whose network,
// EBS and CPU are unlimited, plus the Serverless throughput quotas as resources of the
// allocation (src/model/quotas.ts): 200 MiB/s ingress and 400 MiB/s egress per cluster, 5 and
// 10 MiB/s per partition (msk-facts.md §4b, catalog/serverless.ts). Why this shape:
// - every flow then loads exactly the quotas AWS enforces and nothing else, so the max-min fair
//   allocation throttles at them, and throttled produce becomes producer backlog and throttled
//   fetches consumer lag by the same code that handles a saturated broker;
// - AWS replicates Serverless topics itself and neither throttles nor bills the copies, so every
//   topic runs with one replica: no replication flows, no ISR, no follower lag;
// - storage is elastic: the disk and page cache are sized so they can never fill or miss (a
//   large finite size, not Infinity, so the page-cache window stays a number when a topic is idle);
// - clients reach Serverless through endpoints in their own subnets (msk-facts.md §4), so no
//   client byte is modelled as crossing an AZ: one AZ for the cluster and the clients.
import { SERVERLESS_QUOTAS, type ResolvedAssumptions } from '../catalog/index.js';
import type { BrokerSpec, BucketSpec, ModelConfig } from '../model/config.js';
import { clusterTiming } from './provisioned-config.js';
import type { ResolvedScenario, ResolvedServerlessDeployment } from '../scenario/types.js';

/** GiB of disk and page cache of the virtual broker: an exbibyte, far beyond any retention msksim simulates. */
const ELASTIC_GIB = 2 ** 30;

const UNLIMITED: BucketSpec = { baseline: Infinity, burst: Infinity, size: 0, earnFraction: 0 };

export const SERVERLESS_BROKER: BrokerSpec = {
  typeName: 'serverless',
  networkInMiBps: UNLIMITED,
  networkOutMiBps: UNLIMITED,
  ebsMiBps: UNLIMITED,
  volumeThroughputMiBps: Infinity,
  cpuCores: UNLIMITED,
  storageGiB: ELASTIC_GIB,
  pageCacheGiB: ELASTIC_GIB,
};

export function buildServerlessConfig(
  scenario: ResolvedScenario,
  deployment: ResolvedServerlessDeployment,
  assumptions: ResolvedAssumptions,
  options: { verify?: boolean } = {},
): ModelConfig {
  const q = SERVERLESS_QUOTAS;
  return {
    // One virtual broker in one AZ, and its clients with it (the header says why).
    ...clusterTiming(scenario, assumptions, { brokers: 1, azs: 1 }),
    clientAzs: 1,
    broker: SERVERLESS_BROKER,
    cpu: { coreSecondsPerMiBProduced: 0, coreSecondsPerMiBReplicated: 0, coreSecondsPerMiBFetched: 0 },
    initialCreditFraction: 1,
    warmStart: deployment.warmStart,
    autoExpand: null,
    diskAlarmFraction: 1,
    cpuGuidanceFraction: 1,
    replicaLagTimeMaxS: Infinity,
    topics: scenario.workload.topics.map((t) => ({ ...t, replicationFactor: 1, minInsyncReplicas: 1 })),
    compactionRetainedFraction: assumptions.values['compaction.retainedFraction'],
    verify: options.verify ?? false,
    // Serverless publishes no latency curve and no broker internals to queue at: not modelled.
    latency: null,
    quotas: {
      clusterIngressMiBps: q.clusterIngressMaxMiBps.value,
      clusterEgressMiBps: q.clusterEgressMaxMiBps.value,
      partitionIngressMiBps: q.partitionIngressMaxMiBps.value,
      partitionEgressMiBps: q.partitionEgressMaxMiBps.value,
    },
  };
}
