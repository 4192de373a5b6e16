// The model's own view of one provisioned deployment under a workload: plain numbers in the
// project's units, resolved from the scenario, the catalog and the assumptions by
// `buildModelConfig`. Kept separate so the simulation core can be tested on configurations
// written by hand (Equation 1, burst timing) without a scenario file.
import type { LatencyParams } from '../latency/snapshot.js';
import type { ResolvedLatencyWindow, ResolvedTopic } from '../scenario/types.js';

/** A credit bucket in the EC2 style: spend above the baseline, earn below it. */
export interface BucketSpec {
  /** Sustained capacity with an empty bucket. */
  baseline: number;
  /** Capacity while the bucket holds credits. */
  burst: number;
  /** Credits in a full bucket, in the resource's unit × seconds (MiB, core-seconds). */
  size: number;
  /** Share of unused baseline (baseline − load) earned back as credit, 0–1. */
  earnFraction: number;
}

export interface BrokerSpec {
  /** The instance type billed for it (`kafka.m5.large`); tests may leave it out. */
  typeName?: string;
  networkInMiBps: BucketSpec;
  networkOutMiBps: BucketSpec;
  /** EC2-to-EBS bandwidth of the instance. */
  ebsMiBps: BucketSpec;
  /** Volume throughput: 250 MiB/s default, or provisioned. */
  volumeThroughputMiBps: number;
  /** CPU cores, with t3 CPU credits as a bucket (burst = vCPUs). */
  cpuCores: BucketSpec;
  storageGiB: number;
  /** Memory available to the page cache. */
  pageCacheGiB: number;
  /**
   * What utilisation of network in and out is measured against, when it is not the baseline:
   * Express brokers are throttled at their maximum client throughput but sized by the
   * sustained one (the bucket's baseline is then the maximum).
   */
  sustainedMiBps?: { networkIn: number; networkOut: number };
}

export interface CpuCosts {
  coreSecondsPerMiBProduced: number;
  coreSecondsPerMiBReplicated: number;
  coreSecondsPerMiBFetched: number;
  /**
   * A leader's fixed CPU per produce request (cpu.coreSecondsPerRequest), charged per MiB at the
   * request size the topic's batches have at its current rate (demand.ts); 0 if omitted.
   */
  coreSecondsPerRequest?: number;
}

export interface AutoExpandSpec {
  targetFraction: number;
  maxSizeGiB: number;
  /** AWS: at most one scaling action per six hours (msk-autoexpand). */
  cooldownS: number;
  /** AWS: the step is max(10 GiB, 10 % of current storage). */
  minStepGiB: number;
  stepFraction: number;
}

/** MiB/s; ingress counts produce into leaders, egress every consumer fetch (replays included). */
export interface ThroughputQuotas {
  clusterIngressMiBps: number;
  clusterEgressMiBps: number;
  partitionIngressMiBps: number;
  partitionEgressMiBps: number;
}

export interface BrokerEvent {
  atS: number;
  broker: number;
  kind: 'down' | 'up';
}

export interface ModelConfig {
  durationS: number;
  startEpochS: number;
  seed: number;
  /** Grid of the reported time series. */
  intervalS: number;
  /** Step of continuous load profiles (diurnal, growth). */
  profileStepS: number;
  brokers: number;
  azs: number;
  /**
   * Per-broker specs when brokers differ (a rolling resize, or a test); null = every broker is
   * `broker`. Its length is `brokers`.
   */
  brokerSpecs?: readonly BrokerSpec[] | null;
  /** AZs the clients are spread over. */
  clientAzs: number;
  broker: BrokerSpec;
  cpu: CpuCosts;
  /** Fill of every credit bucket at t = 0, 0–1. */
  initialCreditFraction: number;
  warmStart: boolean;
  autoExpand: AutoExpandSpec | null;
  /** Disk-usage alarm threshold (AWS guidance: 85 %). */
  diskAlarmFraction: number;
  /** CPU guidance: keep user + system below 60 %. */
  cpuGuidanceFraction: number;
  /** `replica.lag.time.max.ms`: a follower behind the leader for longer leaves the ISR. */
  replicaLagTimeMaxS: number;
  /**
   * How long a rack-aware consumer keeps the read replica the leader named (its
   * metadata.max.age.ms); absent: Kafka's default, 300 s (src/model/read-replicas.ts).
   */
  readReplicaLeaseS?: number;
  /**
   * Brokers stopping and returning at given times (tests today; faults and operations build on
   * it). A stopped broker leaves every ISR at once and its leaderships move to in-sync replicas.
   */
  brokerEvents?: readonly BrokerEvent[];
  topics: readonly ResolvedTopic[];
  /**
   * Stored bytes of a compacted topic per byte its retention window holds (assumption
   * compaction.retainedFraction): its disks and storage bill; readers still see the window.
   */
  compactionRetainedFraction: number;
  /** Set in tests: O(n) invariant checks after every event. */
  verify: boolean;
  /**
   * Throughput quotas of a cluster without brokers to speak of (MSK Serverless): cluster-wide
   * ingress and egress, and per-partition ingress and egress, as resources of the allocation
   * (src/model/quotas.ts). Absent or null for a provisioned cluster.
   */
  quotas?: ThroughputQuotas | null;
  /**
   * True where replication runs out of the brokers' sight (Express: AWS's storage layer keeps
   * the copies, and the broker quotas count client traffic only): follower flows then load no
   * resource. Absent or false: replication loads the leader's network out and the follower's
   * network in, EBS and CPU.
   */
  replicationHidden?: boolean;
  /**
   * The network the latency layer queues requests on, per broker, when it is not the fluid
   * model's network resource: Express brokers are throttled at their client quotas, but their
   * requests and the replication copies cross the instance's network interface.
   */
  latencyNetworkMiBps?: number;
  /** Latency estimate and request-level windows; null = no latency figures. */
  latency: { params: LatencyParams; saturatedUtilization: number; estimate: boolean; windows: readonly ResolvedLatencyWindow[] } | null;
}
