// Resolves an MSK Express deployment into the fluid model's configuration (DESIGN §3.6). Express
// brokers are Kafka brokers whose storage AWS manages, so:
// - each broker's network in and out are its client ingress and egress quotas: throttled at the
//   maximum, and utilisation measured against the sustained rate (catalog express-brokers.ts;
//   traffic between the two is allowed, above the maximum MSK throttles the client);
// - replication runs out of the brokers' sight: the quotas count client traffic only, and AWS's
//   sizing script has "no inter-broker replication or EBS writes" for Express (msk-facts.md
//   [S1]), so follower flows load no resource, while the ISR, acks=all and failover still work;
// - storage is elastic: no disk to fill and a page cache that never misses; the write path the
//   latency layer sees is the assumption express.storageMiBpsPerBroker;
// - RF 3 and min.insync.replicas 2 are fixed: every topic runs with them here, whatever it says;
// - no EBS or network burst buckets.
import { EXPRESS_CLUSTER, expressBroker, standardBroker, type ResolvedAssumptions } from '../catalog/index.js';
import type { StandardBrokerType } from '../scenario/types.js';
import type { BrokerSpec, BucketSpec, ModelConfig } from '../model/config.js';
import type { ResolvedExpressDeployment, ResolvedScenario } from '../scenario/types.js';
import { clusterTiming, latencyConfig } from './provisioned-config.js';

/** GiB of disk and page cache per broker: elastic storage, far beyond any retention msksim simulates. */
const ELASTIC_GIB = 2 ** 30;

/** MSK's num.io.threads and num.network.threads on Express brokers are not published: Kafka's and MSK's Standard defaults. */
const EXPRESS_IO_THREADS = 8;
const EXPRESS_NETWORK_THREADS = 5;
const EXPRESS_REPLICA_FETCHERS = 2;

function flat(capacity: number): BucketSpec {
  return { baseline: capacity, burst: capacity, size: 0, earnFraction: 0 };
}

export function buildExpressConfig(
  scenario: ResolvedScenario,
  deployment: ResolvedExpressDeployment,
  assumptions: ResolvedAssumptions,
  options: { verify?: boolean } = {},
): ModelConfig {
  const a = assumptions.values;
  const caps = expressBroker(deployment.brokerType);
  const storageMiBps = a['express.storageMiBpsPerBroker'];
  const broker: BrokerSpec = {
    typeName: deployment.brokerType,
    networkInMiBps: flat(caps.ingressMaxMiBps),
    networkOutMiBps: flat(caps.egressMaxMiBps),
    ebsMiBps: flat(storageMiBps),
    volumeThroughputMiBps: storageMiBps,
    cpuCores: flat(caps.vcpu),
    storageGiB: ELASTIC_GIB,
    pageCacheGiB: ELASTIC_GIB,
    sustainedMiBps: { networkIn: caps.ingressSustainedMiBps, networkOut: caps.egressSustainedMiBps },
  };
  const rf = EXPRESS_CLUSTER.replicationFactor.value;
  const minIsr = EXPRESS_CLUSTER.minInsyncReplicas.value;
  return {
    ...clusterTiming(scenario, assumptions, deployment),
    broker,
    cpu: {
      coreSecondsPerMiBProduced: a['cpu.coreSecondsPerMiBProduced'],
      coreSecondsPerMiBReplicated: 0,
      coreSecondsPerMiBFetched: a['cpu.coreSecondsPerMiBFetched'],
      coreSecondsPerRequest: a['cpu.coreSecondsPerRequest'],
    },
    initialCreditFraction: 1,
    warmStart: deployment.warmStart,
    autoExpand: null,
    diskAlarmFraction: 1,
    cpuGuidanceFraction: 0.6,
    replicaLagTimeMaxS: 30,
    topics: scenario.workload.topics.map((t) => ({ ...t, replicationFactor: rf, minInsyncReplicas: minIsr })),
    verify: options.verify ?? false,
    replicationHidden: true,
    // AWS publishes a per-partition maximum for Express ("Throughput per-partition: max 15 MB/s",
    // catalog EXPRESS_CLUSTER): a partition quota like Serverless's, on ingress; no cluster quota.
    quotas: {
      clusterIngressMiBps: Infinity,
      clusterEgressMiBps: Infinity,
      partitionIngressMiBps: EXPRESS_CLUSTER.partitionThroughputMaxMiBps.value,
      partitionEgressMiBps: Infinity,
    },
    // The instance's own network (an Express broker is an m7g instance of the same size, EC2's
    // baseline bandwidth): what requests and replication copies queue on in the latency layer.
    latencyNetworkMiBps: standardBroker(`kafka.${deployment.brokerType.slice('express.'.length)}` as StandardBrokerType).networkBaselineMiBps,
    compactionRetainedFraction: a['compaction.retainedFraction'],
    latency: latencyConfig(scenario, assumptions, {
      ioThreads: a['broker.ioThreads'] > 0 ? a['broker.ioThreads'] : EXPRESS_IO_THREADS,
      networkThreads: EXPRESS_NETWORK_THREADS,
      replicaFetchers: EXPRESS_REPLICA_FETCHERS,
    }),
  };
}

/** Topics that run on Express with another replication factor or min.insync.replicas than they ask for. */
export function expressOverrides(scenario: ResolvedScenario): string[] {
  const rf = EXPRESS_CLUSTER.replicationFactor.value;
  const minIsr = EXPRESS_CLUSTER.minInsyncReplicas.value;
  return scenario.workload.topics
    .filter((t) => t.replicationFactor !== rf || t.minInsyncReplicas !== minIsr)
    .map((t) => `topic ${t.name} runs with replicationFactor ${rf} and minInsyncReplicas ${minIsr} on Express (it asks for ${t.replicationFactor} and ${t.minInsyncReplicas}): AWS fixes them`);
}
