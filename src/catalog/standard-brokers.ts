// MSK Standard broker types: the EC2 limits behind each size (vCPU, memory, network, EBS), MSK's
// guidance for it (partitions, threads, provisioned storage throughput) and its hourly price.
// The numbers are typed in rows exactly as the sources print them (msk-facts.md §1a, §1c,
// §2, §7c); `buildFacts` attaches the source of each column and the project-unit conversions.
import { sourced, type Sourced } from './sourced.js';
import { derived, SOURCES } from './sources.js';
import { gbpsToMiBps } from './units.js';

export const STANDARD_BROKER_TYPES = [
  'kafka.t3.small',
  'kafka.m5.large',
  'kafka.m5.xlarge',
  'kafka.m5.2xlarge',
  'kafka.m5.4xlarge',
  'kafka.m5.8xlarge',
  'kafka.m5.12xlarge',
  'kafka.m5.16xlarge',
  'kafka.m5.24xlarge',
  'kafka.m7g.large',
  'kafka.m7g.xlarge',
  'kafka.m7g.2xlarge',
  'kafka.m7g.4xlarge',
  'kafka.m7g.8xlarge',
  'kafka.m7g.12xlarge',
  'kafka.m7g.16xlarge',
] as const;
export type StandardBrokerType = (typeof STANDARD_BROKER_TYPES)[number];

/** EC2 CPU credits of a burstable (T) instance; 1 credit = 1 vCPU at 100 % for 1 minute. */
export interface CpuCredits {
  readonly earnedPerHour: number;
  readonly maxAccrued: number;
  readonly baselinePctPerVcpu: number;
}

export interface StandardBrokerFacts {
  readonly vcpu: Sourced<number>;
  readonly memoryGiB: Sourced<number>;
  readonly networkBaselineGbps: Sourced<number>;
  /** null: a fixed-bandwidth size, no "up to" burst. */
  readonly networkBurstGbps: Sourced<number | null>;
  readonly networkBurstable: Sourced<boolean>;
  readonly networkBaselineMiBps: Sourced<number>;
  /** Equal to the baseline on fixed-bandwidth sizes. */
  readonly networkBurstMiBps: Sourced<number>;
  readonly ebsBaselineMbps: Sourced<number>;
  readonly ebsMaxMbps: Sourced<number>;
  readonly ebsBaselineMBps: Sourced<number>;
  readonly ebsMaxMBps: Sourced<number>;
  readonly ebsBaselineMiBps: Sourced<number>;
  readonly ebsMaxMiBps: Sourced<number>;
  readonly ebsBaselineIops: Sourced<number>;
  readonly ebsMaxIops: Sourced<number>;
  /** EC2's asterisk rule: maximum EBS performance for 30 minutes at least once every 24 hours. */
  readonly ebsBurst30MinPer24h: Sourced<boolean>;
  readonly pstEligible: Sourced<boolean>;
  readonly pstMaxMiBps: Sourced<number | null>;
  readonly partitionsRecommended: Sourced<number>;
  /** The most partitions per broker with which MSK still allows update operations. */
  readonly partitionsMax: Sourced<number>;
  /** By region; a region missing here has no price in our sources. */
  readonly priceUsdPerHour: Readonly<Record<string, Sourced<number>>>;
  readonly cpuCredits: Sourced<CpuCredits | null>;
  readonly ioThreads: Sourced<number>;
  readonly networkThreads: Sourced<number>;
  /** num.replica.fetchers MSK recommends with provisioned storage throughput; null where none is published. */
  readonly replicaFetchersWithPst: Sourced<number | null>;
  readonly tieredStorageSupported: Sourced<boolean>;
  readonly kraftSupported: Sourced<boolean>;
  readonly iamNewConnectionsPerS: Sourced<number>;
}

interface Row {
  vcpu: number;
  memoryGiB: number;
  /** [baseline, burst or null] in Gbps. */
  networkGbps: readonly [number, number | null];
  /** [baseline, max] in Mbps (megabits), MB/s (128 KiB I/O) and IOPS, as ebs-optimized.md prints them. */
  ebsMbps: readonly [number, number];
  ebsMBps: readonly [number, number];
  ebsIops: readonly [number, number];
  ebsBurst: boolean;
  pstMaxMiBps: number | null;
  /** [recommended, max for update operations] per broker. */
  partitions: readonly [number, number];
  usEast1UsdPerHour: number;
  /** [num.io.threads, num.network.threads] MSK recommends for 4xlarge and larger. */
  threads: readonly [number, number] | null;
  replicaFetchersWithPst: number | null;
}

// One row per line, columns aligned, so the table can be held against msk-facts.md §1a and §1c.
const ROWS: Readonly<Record<StandardBrokerType, Row>> = {
  'kafka.t3.small':    { vcpu: 2,  memoryGiB: 2,   networkGbps: [0.128, 5],  ebsMbps: [174, 2085],    ebsMBps: [21.75, 260.62],   ebsIops: [1000, 11800],  ebsBurst: true,  pstMaxMiBps: null,  partitions: [300, 300],   usEast1UsdPerHour: 0.0456, threads: null,     replicaFetchersWithPst: null },
  'kafka.m5.large':    { vcpu: 2,  memoryGiB: 8,   networkGbps: [0.75, 10],  ebsMbps: [650, 4750],    ebsMBps: [81.25, 593.75],   ebsIops: [3600, 18750],  ebsBurst: true,  pstMaxMiBps: null,  partitions: [1000, 1500], usEast1UsdPerHour: 0.21,   threads: null,     replicaFetchersWithPst: null },
  'kafka.m5.xlarge':   { vcpu: 4,  memoryGiB: 16,  networkGbps: [1.25, 10],  ebsMbps: [1150, 4750],   ebsMBps: [143.75, 593.75],  ebsIops: [6000, 18750],  ebsBurst: true,  pstMaxMiBps: null,  partitions: [1000, 1500], usEast1UsdPerHour: 0.42,   threads: null,     replicaFetchersWithPst: null },
  'kafka.m5.2xlarge':  { vcpu: 8,  memoryGiB: 32,  networkGbps: [2.5, 10],   ebsMbps: [2300, 4750],   ebsMBps: [287.5, 593.75],   ebsIops: [12000, 18750], ebsBurst: true,  pstMaxMiBps: null,  partitions: [2000, 3000], usEast1UsdPerHour: 0.84,   threads: null,     replicaFetchersWithPst: null },
  'kafka.m5.4xlarge':  { vcpu: 16, memoryGiB: 64,  networkGbps: [5, 10],     ebsMbps: [4750, 4750],   ebsMBps: [593.75, 593.75],  ebsIops: [18750, 18750], ebsBurst: false, pstMaxMiBps: 593,   partitions: [4000, 6000], usEast1UsdPerHour: 1.68,   threads: [16, 8],  replicaFetchersWithPst: 4 },
  'kafka.m5.8xlarge':  { vcpu: 32, memoryGiB: 128, networkGbps: [10, null],  ebsMbps: [6800, 6800],   ebsMBps: [850, 850],        ebsIops: [30000, 30000], ebsBurst: false, pstMaxMiBps: 850,   partitions: [4000, 6000], usEast1UsdPerHour: 3.36,   threads: [32, 16], replicaFetchersWithPst: 8 },
  'kafka.m5.12xlarge': { vcpu: 48, memoryGiB: 192, networkGbps: [12, null],  ebsMbps: [9500, 9500],   ebsMBps: [1187.5, 1187.5],  ebsIops: [40000, 40000], ebsBurst: false, pstMaxMiBps: 1000,  partitions: [4000, 6000], usEast1UsdPerHour: 5.04,   threads: [48, 24], replicaFetchersWithPst: 14 },
  'kafka.m5.16xlarge': { vcpu: 64, memoryGiB: 256, networkGbps: [20, null],  ebsMbps: [13600, 13600], ebsMBps: [1700, 1700],      ebsIops: [60000, 60000], ebsBurst: false, pstMaxMiBps: 1000,  partitions: [4000, 6000], usEast1UsdPerHour: 6.72,   threads: [64, 32], replicaFetchersWithPst: 16 },
  'kafka.m5.24xlarge': { vcpu: 96, memoryGiB: 384, networkGbps: [25, null],  ebsMbps: [19000, 19000], ebsMBps: [2375, 2375],      ebsIops: [80000, 80000], ebsBurst: false, pstMaxMiBps: 1000,  partitions: [4000, 6000], usEast1UsdPerHour: 10.08,  threads: [96, 48], replicaFetchersWithPst: 16 },
  'kafka.m7g.large':   { vcpu: 2,  memoryGiB: 8,   networkGbps: [0.937, 12.5], ebsMbps: [630, 10000],  ebsMBps: [78.75, 1250],     ebsIops: [3600, 40000],  ebsBurst: true,  pstMaxMiBps: null,  partitions: [1000, 1500], usEast1UsdPerHour: 0.204,  threads: null,     replicaFetchersWithPst: null },
  'kafka.m7g.xlarge':  { vcpu: 4,  memoryGiB: 16,  networkGbps: [1.876, 12.5], ebsMbps: [1250, 10000], ebsMBps: [156.25, 1250],    ebsIops: [6000, 40000],  ebsBurst: true,  pstMaxMiBps: null,  partitions: [1000, 1500], usEast1UsdPerHour: 0.408,  threads: null,     replicaFetchersWithPst: null },
  'kafka.m7g.2xlarge': { vcpu: 8,  memoryGiB: 32,  networkGbps: [3.75, 15],  ebsMbps: [2500, 10000],  ebsMBps: [312.5, 1250],     ebsIops: [12000, 40000], ebsBurst: true,  pstMaxMiBps: 312.5, partitions: [2000, 3000], usEast1UsdPerHour: 0.816,  threads: null,     replicaFetchersWithPst: null },
  'kafka.m7g.4xlarge': { vcpu: 16, memoryGiB: 64,  networkGbps: [7.5, 15],   ebsMbps: [5000, 10000],  ebsMBps: [625, 1250],       ebsIops: [20000, 40000], ebsBurst: true,  pstMaxMiBps: 625,   partitions: [4000, 6000], usEast1UsdPerHour: 1.632,  threads: [16, 8],  replicaFetchersWithPst: null },
  'kafka.m7g.8xlarge': { vcpu: 32, memoryGiB: 128, networkGbps: [15, null],  ebsMbps: [10000, 10000], ebsMBps: [1250, 1250],      ebsIops: [40000, 40000], ebsBurst: false, pstMaxMiBps: 1000,  partitions: [4000, 6000], usEast1UsdPerHour: 3.264,  threads: [32, 16], replicaFetchersWithPst: null },
  'kafka.m7g.12xlarge': { vcpu: 48, memoryGiB: 192, networkGbps: [22.5, null], ebsMbps: [15000, 15000], ebsMBps: [1875, 1875],   ebsIops: [60000, 60000], ebsBurst: false, pstMaxMiBps: 1000,  partitions: [4000, 6000], usEast1UsdPerHour: 4.896,  threads: [48, 24], replicaFetchersWithPst: null },
  'kafka.m7g.16xlarge': { vcpu: 64, memoryGiB: 256, networkGbps: [30, null], ebsMbps: [20000, 20000], ebsMBps: [2500, 2500],      ebsIops: [80000, 80000], ebsBurst: false, pstMaxMiBps: 1000,  partitions: [4000, 6000], usEast1UsdPerHour: 6.528,  threads: [64, 32], replicaFetchersWithPst: null },
};

/** Conflicts between sources, per type and field: the values seen, the one chosen and why. */
const NOTES: Partial<Record<StandardBrokerType, Partial<Record<keyof StandardBrokerFacts, string>>>> = {
  'kafka.t3.small': {
    priceUsdPerHour:
      'Third-party tables give $0.0466, $0.052, $0.054, $0.067 and $0.14/h. $0.0456 is the value backed by Price-List-derived data (Infracost: $66.58 / 1460 broker-hours) and matches the secondary note "from $0.0456 to $10.08 per hour".',
  },
  'kafka.m5.large': {
    priceUsdPerHour: 'Some secondary tables show $0.216/h; the AWS sizing script and Infracost-consistent sources give $0.21.',
  },
  'kafka.m5.4xlarge': {
    pstMaxMiBps: 'EC2 lists 593.75 MB/s for the EBS maximum; the MSK page lists 593 MiB/s. The MSK value is the cap MSK enforces.',
  },
  'kafka.m5.24xlarge': {
    partitionsMax:
      'The AWS sizing script sets 4000; the MSK best-practices table says 6000 (as for every other 4xlarge-and-larger size). The documentation is the primary source; 6000 is used.',
  },
  'kafka.m7g.2xlarge': {
    pstEligible:
      'The AWS sizing script leaves m7g.2xlarge out of PST; the current MSK page lists it as eligible (max 312.5 MiB/s). The documentation, the primary source, is followed.',
  },
};

const CPU_CREDITS_T3_SMALL: CpuCredits = { earnedPerHour: 24, maxAccrued: 576, baselinePctPerVcpu: 20 };
const PRICE_SOURCE_T3 = derived('$66.58 / (2 brokers × 730 h) = $0.0456/h', SOURCES.infracostGolden);

function buildFacts(type: StandardBrokerType, row: Row): StandardBrokerFacts {
  const notes = NOTES[type] ?? {};
  const isT3 = type === 'kafka.t3.small';
  const [baselineGbps, burstGbps] = row.networkGbps;
  const baselineMiBps = gbpsToMiBps(baselineGbps);
  const net = SOURCES.ec2NetworkTable;
  const ebs = SOURCES.ec2EbsOptimized;
  const asMiB = (mbps: number): string => derived(`${mbps} MB/s used as MiB/s (units.ts)`, ebs);
  const pst = SOURCES.mskPst;
  const [ioThreads, networkThreads] = row.threads ?? [8, 5];
  const threadSource = row.threads === null ? SOURCES.mskDefaultConfiguration : SOURCES.mskBestPractices;
  const threadNote =
    row.threads === null
      ? "MSK publishes no size-specific recommendation below 4xlarge; MSK's default configuration (num.io.threads 8, num.network.threads 5) applies. Apache Kafka's own defaults are 8 and 3."
      : undefined;
  return {
    vcpu: sourced(row.vcpu, SOURCES.ec2GeneralPurpose),
    memoryGiB: sourced(row.memoryGiB, SOURCES.ec2GeneralPurpose),
    networkBaselineGbps: sourced(baselineGbps, net),
    networkBurstGbps: sourced(burstGbps, burstGbps === null ? `${net} (fixed bandwidth, no "up to")` : net),
    networkBurstable: sourced(burstGbps !== null, `${SOURCES.ec2NetworkBurst}; ${net}`),
    networkBaselineMiBps: sourced(baselineMiBps, derived(`${baselineGbps} Gbps × 125`, net)),
    networkBurstMiBps:
      burstGbps === null
        ? sourced(baselineMiBps, derived('fixed bandwidth: burst = baseline', net))
        : sourced(gbpsToMiBps(burstGbps), derived(`${burstGbps} Gbps × 125`, net)),
    ebsBaselineMbps: sourced(row.ebsMbps[0], ebs),
    ebsMaxMbps: sourced(row.ebsMbps[1], ebs),
    ebsBaselineMBps: sourced(row.ebsMBps[0], ebs),
    ebsMaxMBps: sourced(row.ebsMBps[1], ebs),
    ebsBaselineMiBps: sourced(row.ebsMBps[0], asMiB(row.ebsMBps[0])),
    ebsMaxMiBps: sourced(row.ebsMBps[1], asMiB(row.ebsMBps[1])),
    ebsBaselineIops: sourced(row.ebsIops[0], ebs),
    ebsMaxIops: sourced(row.ebsIops[1], ebs),
    ebsBurst30MinPer24h: sourced(row.ebsBurst, `${ebs} (asterisk rule: maximum performance for 30 min at least once every 24 h)`),
    pstEligible: sourced(row.pstMaxMiBps !== null, pst, notes.pstEligible),
    pstMaxMiBps: sourced(row.pstMaxMiBps, row.pstMaxMiBps === null ? `${pst} (not eligible)` : pst, notes.pstMaxMiBps),
    partitionsRecommended: sourced(row.partitions[0], SOURCES.mskBestPractices),
    partitionsMax: sourced(row.partitions[1], SOURCES.mskBestPractices, notes.partitionsMax),
    priceUsdPerHour: {
      'us-east-1': sourced(row.usEast1UsdPerHour, isT3 ? PRICE_SOURCE_T3 : SOURCES.awsSizingScript, notes.priceUsdPerHour),
    },
    cpuCredits: isT3
      ? sourced<CpuCredits | null>(CPU_CREDITS_T3_SMALL, SOURCES.ec2BurstableCredits)
      : sourced<CpuCredits | null>(null, `${SOURCES.ec2GeneralPurpose} (not a burstable T instance: no CPU credits)`),
    ioThreads: sourced(ioThreads, threadSource, threadNote),
    networkThreads: sourced(networkThreads, threadSource, threadNote),
    replicaFetchersWithPst: sourced(
      row.replicaFetchersWithPst,
      row.replicaFetchersWithPst === null ? `${pst} (no recommendation published for this size)` : pst,
    ),
    tieredStorageSupported: sourced(!isT3, SOURCES.mskTiered),
    kraftSupported: sourced(!isT3, SOURCES.cfnBrokerNodeGroup),
    iamNewConnectionsPerS: sourced(isT3 ? 4 : 100, SOURCES.mskLimits),
  };
}

export const STANDARD_BROKERS: Readonly<Record<StandardBrokerType, StandardBrokerFacts>> = Object.fromEntries(
  STANDARD_BROKER_TYPES.map((type) => [type, buildFacts(type, ROWS[type])]),
) as Record<StandardBrokerType, StandardBrokerFacts>;

export function isStandardBrokerType(name: string): name is StandardBrokerType {
  return (STANDARD_BROKER_TYPES as readonly string[]).includes(name);
}
