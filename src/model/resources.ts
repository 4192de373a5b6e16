// The resource table (DESIGN §1.1): every capacity a flow can load, with its owner, kind,
// CloudWatch name, sustained capacity and credit bucket, in one place. Nothing outside this
// module knows how resources are laid out; callers ask `resourceOf(table, broker, kind)`.
// Brokers carry their own spec, so brokers of two sizes can coexist (a rolling resize), and a
// table can be rebuilt with brokers added, keeping the credit levels of those that stay.
import { bucketCapacity } from './buckets.js';
import type { BrokerSpec, BucketSpec } from './config.js';

export const NET_IN = 0;
export const NET_OUT = 1;
export const EBS = 2;
export const CPU = 3;
export const KINDS_PER_BROKER = 4;
// Quotas that belong to no broker (MSK Serverless, src/model/quotas.ts): they follow the
// brokers' resources in the table, so every per-broker index stays as it is.
export const CLUSTER_INGRESS = 4;
export const CLUSTER_EGRESS = 5;
export const PARTITION_INGRESS = 6;
export const PARTITION_EGRESS = 7;
export type BrokerResourceKind = typeof NET_IN | typeof NET_OUT | typeof EBS | typeof CPU;
export type QuotaKind = typeof CLUSTER_INGRESS | typeof CLUSTER_EGRESS | typeof PARTITION_INGRESS | typeof PARTITION_EGRESS;
export type ResourceKind = BrokerResourceKind | QuotaKind;

export const RESOURCE_KIND_NAMES = [
  'network in',
  'network out',
  'EBS throughput',
  'CPU',
  'cluster ingress quota',
  'cluster egress quota',
  'partition ingress quota',
  'partition egress quota',
] as const;
export type ResourceKindName = (typeof RESOURCE_KIND_NAMES)[number];
/** The bucket of each kind as reports name it; quotas have none (a bucket of size 0 never empties). */
export const BUCKET_NAMES = ['network-in burst', 'network-out burst', 'EBS burst', 'CPU credit', 'no', 'no', 'no', 'no'] as const;
/** The per-broker utilisation series of each kind (CpuUser is CloudWatch's own name). */
export const UTILIZATION_SERIES = ['NetworkInUtilization', 'NetworkOutUtilization', 'EbsThroughputUtilization', 'CpuUser'] as const;

export interface ResourceTable {
  readonly count: number;
  readonly brokers: number;
  /** The broker that owns each resource. */
  readonly owner: Int32Array;
  readonly kind: Uint8Array;
  readonly bucket: readonly BucketSpec[];
  /** A cap that holds whatever the bucket holds: the volume's throughput on EBS, else Infinity. */
  readonly ceiling: Float64Array;
  /** What utilisation is measured against: the baseline, capped by the ceiling; CPU: all vCPUs. */
  readonly sustained: Float64Array;
  /** Credits in each bucket, in the resource's unit × seconds. */
  readonly level: Float64Array;
  /** Capacity now: the burst rate while the bucket holds credits, 0 on a broker that is down. */
  readonly capacity: Float64Array;
}

/** A quota resource: a fixed capacity (no bucket) that no broker owns. */
export interface QuotaSpec {
  kind: QuotaKind;
  capacity: number;
  /** The broker its throttled bytes are counted on (a partition quota: the class's preferred leader); 0 if omitted. */
  owner?: number;
}

export function resourceOf(table: ResourceTable, broker: number, kind: ResourceKind): number {
  if (broker < 0 || broker >= table.brokers) throw new RangeError(`no broker ${broker}`);
  if (kind >= KINDS_PER_BROKER) throw new RangeError(`${RESOURCE_KIND_NAMES[kind]} belongs to no broker: use quotaResource`);
  return brokerResource(broker, kind);
}

/** The one place that knows the layout: a broker's resources are consecutive, in kind order. */
export function brokerResource(broker: number, kind: number): number {
  return broker * KINDS_PER_BROKER + kind;
}

/** The i-th quota resource of the table (after every broker's). */
export function quotaResource(table: ResourceTable, i: number): number {
  const r = table.brokers * KINDS_PER_BROKER + i;
  if (i < 0 || r >= table.count) throw new RangeError(`no quota resource ${i}`);
  return r;
}

/**
 * Builds the table of `specs` with every bucket filled to `fill` (0–1), then `quotas` in order.
 * A quota is owned, for the per-broker tallies (throttled bytes), by the broker its spec names
 * (broker 0 by default: MSK Serverless is a virtual cluster of one broker); its capacity does not
 * depend on that broker running.
 */
export function buildResourceTable(specs: readonly BrokerSpec[], fill: number, quotas: readonly QuotaSpec[] = []): ResourceTable {
  const count = specs.length * KINDS_PER_BROKER + quotas.length;
  const owner = new Int32Array(count);
  const kind = new Uint8Array(count);
  const bucket: BucketSpec[] = [];
  const ceiling = new Float64Array(count).fill(Infinity);
  const sustained = new Float64Array(count);
  const level = new Float64Array(count);
  specs.forEach((spec, b) => {
    const buckets = [spec.networkInMiBps, spec.networkOutMiBps, spec.ebsMiBps, spec.cpuCores];
    for (let k = 0; k < KINDS_PER_BROKER; k++) {
      const r = brokerResource(b, k);
      owner[r] = b;
      kind[r] = k;
      bucket.push(buckets[k]!);
      if (k === EBS) ceiling[r] = spec.volumeThroughputMiBps;
      sustained[r] = k === CPU ? buckets[k]!.burst : Math.min(buckets[k]!.baseline, ceiling[r]!);
      if (spec.sustainedMiBps !== undefined && k === NET_IN) sustained[r] = spec.sustainedMiBps.networkIn;
      if (spec.sustainedMiBps !== undefined && k === NET_OUT) sustained[r] = spec.sustainedMiBps.networkOut;
      level[r] = buckets[k]!.size * fill;
    }
  });
  quotas.forEach((q, i) => {
    const r = specs.length * KINDS_PER_BROKER + i;
    owner[r] = q.owner ?? 0;
    kind[r] = q.kind;
    bucket.push({ baseline: q.capacity, burst: q.capacity, size: 0, earnFraction: 0 });
    sustained[r] = q.capacity;
  });
  return { count, brokers: specs.length, owner, kind, bucket, ceiling, sustained, level, capacity: new Float64Array(count) };
}

/** Capacities from the credit levels; a broker that is down has none. */
export function refreshCapacities(table: ResourceTable, alive: Uint8Array): void {
  for (let r = 0; r < table.count; r++) {
    // A quota belongs to the cluster, not to a broker: it holds whichever broker is down.
    const up = table.kind[r]! >= KINDS_PER_BROKER || alive[table.owner[r]!] === 1;
    table.capacity[r] = up ? Math.min(bucketCapacity(table.bucket[r]!, table.level[r]!), table.ceiling[r]!) : 0;
  }
}

/** "broker 3 network out", as reports name a resource; a quota by its own name. */
export function resourceName(table: Pick<ResourceTable, 'kind' | 'owner'>, r: number): string {
  if (table.kind[r]! >= KINDS_PER_BROKER) return RESOURCE_KIND_NAMES[table.kind[r]!]!;
  return `broker ${table.owner[r]! + 1} ${RESOURCE_KIND_NAMES[table.kind[r]!]}`;
}
