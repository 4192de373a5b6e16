// MSK Express broker types and the rules every Express cluster follows (msk-facts.md §5).
// Express brokers publish throughput per broker directly — a sustained ("recommended maximum")
// rate and a throttle quota — instead of EC2 network and EBS limits.
import { sourced, type Sourced } from './sourced.js';
import { SOURCES } from './sources.js';

export const EXPRESS_BROKER_TYPES = [
  'express.m7g.large',
  'express.m7g.xlarge',
  'express.m7g.2xlarge',
  'express.m7g.4xlarge',
  'express.m7g.8xlarge',
  'express.m7g.12xlarge',
  'express.m7g.16xlarge',
] as const;
export type ExpressBrokerType = (typeof EXPRESS_BROKER_TYPES)[number];

export interface ExpressBrokerFacts {
  readonly vcpu: Sourced<number>;
  readonly memoryGiB: Sourced<number>;
  /** AWS's "recommended maximum" rates: above them performance may degrade. */
  readonly ingressSustainedMiBps: Sourced<number>;
  readonly egressSustainedMiBps: Sourced<number>;
  /** Per-broker quotas: above them MSK throttles client traffic. */
  readonly ingressMaxMiBps: Sourced<number>;
  readonly egressMaxMiBps: Sourced<number>;
  readonly partitionsRecommended: Sourced<number>;
  readonly partitionsMax: Sourced<number>;
  readonly priceUsdPerHour: Readonly<Record<string, Sourced<number>>>;
}

interface Row {
  vcpu: number;
  memoryGiB: number;
  /** [sustained, max] in MB/s, as the MSK pages print them (used as MiB/s, see units.ts). */
  ingress: readonly [number, number];
  egress: readonly [number, number];
  partitions: readonly [number, number];
  usEast1UsdPerHour: number;
}

// One row per line, columns aligned, so the table can be held against msk-facts.md §5a.
const ROWS: Readonly<Record<ExpressBrokerType, Row>> = {
  'express.m7g.large':    { vcpu: 2,  memoryGiB: 8,   ingress: [15.6, 23.4],   egress: [31.2, 58.5],    partitions: [1000, 1500],   usEast1UsdPerHour: 0.408 },
  'express.m7g.xlarge':   { vcpu: 4,  memoryGiB: 16,  ingress: [31.2, 46.8],   egress: [62.5, 117],     partitions: [1000, 2000],   usEast1UsdPerHour: 0.816 },
  'express.m7g.2xlarge':  { vcpu: 8,  memoryGiB: 32,  ingress: [62.5, 93.7],   egress: [125, 234.2],    partitions: [2500, 4000],   usEast1UsdPerHour: 1.632 },
  'express.m7g.4xlarge':  { vcpu: 16, memoryGiB: 64,  ingress: [124.9, 187.5], egress: [249.8, 468.7],  partitions: [6000, 8000],   usEast1UsdPerHour: 3.264 },
  'express.m7g.8xlarge':  { vcpu: 32, memoryGiB: 128, ingress: [250, 375],     egress: [500, 937.5],    partitions: [12000, 16000], usEast1UsdPerHour: 6.528 },
  'express.m7g.12xlarge': { vcpu: 48, memoryGiB: 192, ingress: [375, 562.5],   egress: [750, 1406.2],   partitions: [16000, 24000], usEast1UsdPerHour: 9.792 },
  'express.m7g.16xlarge': { vcpu: 64, memoryGiB: 256, ingress: [500, 750],     egress: [1000, 1875],    partitions: [20000, 32000], usEast1UsdPerHour: 13.056 },
};

const SUSTAINED_NOTE =
  'The AWS sizing script uses 15.625 … 500 MiB/s (exact powers of two); the MSK page prints rounded values (15.6, 31.2, 124.9 …). The page value is used.';

function buildFacts(row: Row): ExpressBrokerFacts {
  const hardware = `${SOURCES.ec2GeneralPurpose} (m7g of the same size)`;
  const quotas = SOURCES.mskLimits;
  return {
    vcpu: sourced(row.vcpu, hardware),
    memoryGiB: sourced(row.memoryGiB, hardware),
    ingressSustainedMiBps: sourced(row.ingress[0], SOURCES.mskBestPracticesExpress, SUSTAINED_NOTE),
    egressSustainedMiBps: sourced(row.egress[0], SOURCES.mskBestPracticesExpress),
    ingressMaxMiBps: sourced(row.ingress[1], quotas),
    egressMaxMiBps: sourced(row.egress[1], quotas),
    partitionsRecommended: sourced(row.partitions[0], `${quotas}; same in ${SOURCES.awsSizingScript}`),
    partitionsMax: sourced(row.partitions[1], `${quotas}; same in ${SOURCES.awsSizingScript}`),
    priceUsdPerHour: { 'us-east-1': sourced(row.usEast1UsdPerHour, SOURCES.awsSizingScript) },
  };
}

export const EXPRESS_BROKERS: Readonly<Record<ExpressBrokerType, ExpressBrokerFacts>> = Object.fromEntries(
  EXPRESS_BROKER_TYPES.map((type) => [type, buildFacts(ROWS[type])]),
) as Record<ExpressBrokerType, ExpressBrokerFacts>;

/** Rules that hold for every Express cluster, whatever the broker size. */
export const EXPRESS_CLUSTER = {
  replicationFactor: sourced(3, SOURCES.mskBestPracticesExpress, 'fixed: topics cannot choose another value'),
  minInsyncReplicas: sourced(2, SOURCES.mskBestPracticesExpress, 'fixed'),
  uncleanLeaderElection: sourced(false, SOURCES.awsSizingReferences),
  availabilityZones: sourced(3, `${SOURCES.mskLimits}; ${SOURCES.awsSizingReferences}`, '3 AZs only'),
  partitionThroughputMaxMiBps: sourced(15, `${SOURCES.mskLimits} ("Throughput per-partition: max 15 MB/s", single crawl)`),
  storagePerBrokerMaxGiB: sourced<number | null>(null, SOURCES.mskLimits, 'null = unlimited, pay-as-you-go'),
  maxPartitionsPerReassignCall: sourced(20, SOURCES.mskBestPracticesExpress),
  brokerHourBilling: sourced('hourly rate, billed per second', SOURCES.mskPricingJp),
  dataWrittenBilling: sourced('per GB written, billed at byte resolution', SOURCES.mskPricingJp),
  storageEstimate: sourced('stored ≈ Σ BytesInPerSec × retention seconds × 3', SOURCES.awsSizingReferences),
  kafkaVersions: sourced(['3.6', '3.8', '3.9', '4.2'] as readonly string[], SOURCES.mskLimits),
} as const;

export function isExpressBrokerType(name: string): name is ExpressBrokerType {
  return (EXPRESS_BROKER_TYPES as readonly string[]).includes(name);
}
