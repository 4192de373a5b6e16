// Partition classes: partitions of one topic with the same replica list carry rates in a fixed
// proportion (their shares of the topic's load), so they move as one class of `count` members
// with the class's mean share: the allocator and the state keep one entry per class, and the
// totals (bytes per broker, per topic, stored) are those of the partitions one by one. Under a
// Zipf skew a topic has one class per distinct replica list instead of one per partition, so
// the work grows with brokers, not with partitions. What a class cannot say is how one hot
// partition inside it fares (its `retention.bytes`, a per-partition quota): those use the mean.
import type { Rng } from '../engine/index.js';
import type { ModelConfig } from './config.js';
import { replicaSet } from './placement.js';

export interface PartitionClass {
  topic: number;
  /** Preferred order: the preferred leader first. */
  replicas: readonly number[];
  /** Each member's share of the topic's load (the members' mean; over all partitions they sum to 1). */
  share: number;
  count: number;
  /** The largest member share, for reports of the hottest partition. */
  maxShare: number;
}

/** Groups partitions into classes; `rng` shuffles which partitions are hot under a Zipf skew. */
export function partitionClasses(config: ModelConfig, rng: Rng): PartitionClass[] {
  const classes: PartitionClass[] = [];
  config.topics.forEach((topic, t) => {
    const shares = partitionShares(topic.partitions, topic.partitionSkew, rng);
    const byKey = new Map<string, { cls: PartitionClass; total: number }>();
    for (let p = 0; p < topic.partitions; p++) {
      const replicas = replicaSet(p, t % config.brokers, topic.replicationFactor, config.brokers, config.azs);
      const key = replicas.join(',');
      const share = shares === null ? 1 / topic.partitions : shares[p]!;
      const existing = byKey.get(key);
      if (existing) {
        existing.cls.count++;
        existing.total += share;
        existing.cls.maxShare = Math.max(existing.cls.maxShare, share);
      } else {
        const cls: PartitionClass = { topic: t, replicas, share, count: 1, maxShare: share };
        byKey.set(key, { cls, total: share });
        classes.push(cls);
      }
    }
    for (const { cls, total } of byKey.values()) cls.share = total / cls.count;
  });
  return classes;
}

/** Zipf shares after a seeded shuffle, or null for a uniform topic (every share 1/partitions). */
function partitionShares(partitions: number, skew: ModelConfig['topics'][number]['partitionSkew'], rng: Rng): Float64Array | null {
  if (skew.kind === 'uniform') return null;
  const weights = new Float64Array(partitions);
  for (let k = 0; k < partitions; k++) weights[k] = 1 / Math.pow(k + 1, skew.exponent);
  for (let i = partitions - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const w = weights[i]!;
    weights[i] = weights[j]!;
    weights[j] = w;
  }
  let total = 0;
  for (let k = 0; k < partitions; k++) total += weights[k]!;
  for (let k = 0; k < partitions; k++) weights[k]! /= total;
  return weights;
}
