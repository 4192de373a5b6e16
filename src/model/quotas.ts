// Throughput quotas as resources of the allocation (MSK Serverless, msk-facts.md §4b): one
// cluster-wide ingress and one egress resource, and per partition class an ingress and an
// egress resource whose capacity is the per-partition quota × the class's partitions. A class's
// flows load its resources by rate × multiplicity (allocate.ts), so "Σ over the class ≤ quota ×
// count" is "each partition ≤ quota" for the class's mean partition — the same mean the
// class stands for everywhere else (partitions.ts). Throttling by a quota is then throttling
// like any other: producers back up, consumers fall behind, and the binding constraint names it.
import type { ThroughputQuotas } from './config.js';
import type { PartitionClass } from './partitions.js';
import { CLUSTER_EGRESS, CLUSTER_INGRESS, PARTITION_EGRESS, PARTITION_INGRESS, quotaResource, type QuotaSpec, type ResourceTable } from './resources.js';

/** The quota resources in table order: cluster ingress, cluster egress, then per class ingress, egress. */
export function quotaSpecs(quotas: ThroughputQuotas | null | undefined, classes: readonly PartitionClass[]): QuotaSpec[] {
  if (quotas === null || quotas === undefined) return [];
  const out: QuotaSpec[] = [
    { kind: CLUSTER_INGRESS, capacity: quotas.clusterIngressMiBps },
    { kind: CLUSTER_EGRESS, capacity: quotas.clusterEgressMiBps },
  ];
  for (const cls of classes) {
    const owner = cls.replicas[0]!;
    out.push({ kind: PARTITION_INGRESS, capacity: quotas.partitionIngressMiBps * cls.count, owner });
    out.push({ kind: PARTITION_EGRESS, capacity: quotas.partitionEgressMiBps * cls.count, owner });
  }
  return out;
}

/** The resources a produce flow of class c loads beyond its broker's: cluster and partition ingress. */
export function ingressQuotas(table: ResourceTable, c: number): [number, number] {
  return [quotaResource(table, 0), quotaResource(table, 2 + 2 * c)];
}

/** The resources a fetch flow of class c loads beyond its brokers': cluster and partition egress. */
export function egressQuotas(table: ResourceTable, c: number): [number, number] {
  return [quotaResource(table, 1), quotaResource(table, 3 + 2 * c)];
}
