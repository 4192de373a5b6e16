// Partition classes: partitions of one topic with the same replica list carry rates in a fixed
// proportion (their shares of the topic's load), so they move as one class of `count` members
// with the class's mean share: the allocator and the state keep one entry per class, and the
// totals (bytes per broker, per topic, stored) are those of the partitions one by one. Under a
// Zipf skew a topic has one class per distinct replica list instead of one per partition, so
// the work grows with brokers, not with partitions. What a class cannot say is how one hot
// partition inside it fares (its `retention.bytes`, a per-partition quota): those use the mean.
// A `{ hot, share }` skew has two shares only, so its hot and cold partitions are kept apart —
// at most two classes per replica list (and rate of a proportional topic) — and a hot
// partition's quota and retention are its own.
// Where a resource binds, the members of a class share its rate in proportion to their demand
// — as a FIFO queue serves the bytes that arrive at it — rather than max-min per partition.
import type { Rng } from '../engine/index.js';
import type { ModelConfig } from './config.js';
import { hotPartitionCount } from '../scenario/skew.js';
import { replicaSet } from './placement.js';

export interface PartitionClass {
  /** The topic whose load and settings the class follows: its first topic (see topicShapes). */
  topic: number;
  /** Preferred order: the preferred leader first. */
  replicas: readonly number[];
  /**
   * Each member's demand as a share of `topic`'s load (the members' mean). For a class of one
   * topic the shares of its partitions sum to 1; members from proportional topics count at
   * their topic's rate relative to `topic`'s.
   */
  share: number;
  count: number;
  /** The largest member share, for reports of the hottest partition. */
  maxShare: number;
}

/** A topic's hottest partition (the first of them on a tie): where it sits and what it carries. */
export interface HottestPartition {
  /** Its index in the topic, and the class it is a member of. */
  partition: number;
  cls: number;
  /** Its share of the class's topic load, as PartitionClass.share counts it. */
  share: number;
  /** Its share of its own topic's bytes. */
  topicShare: number;
  /** Its preferred leader. */
  leader: number;
}

export interface PartitionPlan {
  classes: PartitionClass[];
  /** Per topic. */
  hottest: HottestPartition[];
}

/**
 * Groups partitions into classes; `rng` shuffles which partitions are hot under a Zipf skew.
 * Partitions of different topics join one class when the topics are proportional (topicShapes):
 * their rates keep a fixed ratio at every instant and every other setting is the same, so the
 * model treats them exactly as one topic, and the work grows with distinct topics, not topics.
 */
export function partitionPlan(config: ModelConfig, rng: Rng): PartitionPlan {
  const classes: PartitionClass[] = [];
  const hottest: HottestPartition[] = [];
  const shapes = topicShapes(config);
  const byKey = new Map<string, { index: number; total: number }>();
  config.topics.forEach((topic, t) => {
    const shares = partitionShares(topic.partitions, topic.partitionSkew, rng);
    const hot = hotCount(topic);
    const { representative, scale } = shapes[t]!;
    let top: HottestPartition | null = null;
    for (let p = 0; p < topic.partitions; p++) {
      const replicas = replicaSet(p, t % config.brokers, topic.replicationFactor, config.brokers, config.azs);
      const topicShare = shares === null ? 1 / topic.partitions : shares[p]!;
      const share = topicShare * scale;
      const key = `${representative}|${replicas.join(',')}${shareLabel(hot, share)}`;
      let entry = byKey.get(key);
      if (entry) {
        const cls = classes[entry.index]!;
        cls.count++;
        entry.total += share;
        cls.maxShare = Math.max(cls.maxShare, share);
      } else {
        entry = { index: classes.length, total: share };
        byKey.set(key, entry);
        classes.push({ topic: representative, replicas, share, count: 1, maxShare: share });
      }
      if (top === null || share > top.share) top = { partition: p, cls: entry.index, share, topicShare, leader: replicas[0]! };
    }
    hottest.push(top!);
  });
  for (const { index, total } of byKey.values()) classes[index]!.share = total / classes[index]!.count;
  return { classes, hottest };
}

export function partitionClasses(config: ModelConfig, rng: Rng): PartitionClass[] {
  return partitionPlan(config, rng).classes;
}

/** Hot partitions of a `{ hot, share }` topic that leaves some cold; 0 for any other topic. */
export function hotCount(topic: ModelConfig['topics'][number]): number {
  const skew = topic.partitionSkew;
  if (skew.kind !== 'hot') return 0;
  const hot = hotPartitionCount(topic.partitions, skew.hotFraction);
  return hot < topic.partitions ? hot : 0;
}

/** Under `{ hot, share }`, a partition's share of its topic's bytes: the first `hot` partitions by index are hot. */
export function hotShare(partitions: number, share: number, hot: number, partition: number): number {
  return partition < hot ? share / hot : (1 - share) / (partitions - hot);
}

/**
 * What keeps the hot and the cold partitions of one replica list in classes of their own: their
 * share of the representative topic's load (`share` × the topic's scale). Partitions of
 * proportional topics join a class only at the same rate, so a hot partition's per-partition
 * limits (a Serverless quota, retention.bytes) are its own, never a mean.
 */
export function shareLabel(hot: number, share: number): string {
  return hot === 0 ? '' : `|${share}`;
}

export interface TopicShape {
  /** The first topic of the same shape. */
  representative: number;
  /** This topic's load ÷ the representative's, at every instant. */
  scale: number;
}

/**
 * Topics of one shape: the same producer settings and profiles with rates in the same
 * proportions (no random spikes, which each producer draws for itself), the same retention and
 * cleanup policy, replication, message size, compression and consumer groups. Their loads
 * differ by a constant factor, the ratio of their total base rates.
 */
export function topicShapes(config: ModelConfig): TopicShape[] {
  const first = new Map<string, { topic: number; rate: number }>();
  return config.topics.map((topic, t) => {
    const key = shapeKey(topic, t);
    const rate = baseRate(topic);
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, { topic: t, rate });
      return { representative: t, scale: 1 };
    }
    return { representative: seen.topic, scale: seen.rate > 0 ? rate / seen.rate : 1 };
  });
}

type Topic = ModelConfig['topics'][number];

function baseRate(topic: Topic): number {
  let sum = 0;
  for (const p of topic.producers) sum += p.load.kind === 'rate' ? p.load.rateMiBps : 1;
  return sum;
}

function shapeKey(topic: Topic, index: number): string {
  const rate = baseRate(topic);
  const random = topic.producers.some((p) => p.profile.some((f) => f.type === 'spikes'));
  // Rate loads are compared by their share of the topic's total; traces only when identical.
  const traced = topic.producers.some((p) => p.load.kind === 'trace');
  if (random || rate <= 0 || (traced && topic.producers.length > 1)) return `unique:${index}`;
  return JSON.stringify({
    producers: topic.producers.map((p) => ({ ...p, load: p.load.kind === 'rate' ? { kind: 'rate', share: p.load.rateMiBps / rate } : p.load })),
    retentionS: topic.retentionS,
    cleanup: topic.cleanupPolicy,
    retentionGiB: topic.retentionGiBPerPartition,
    rf: topic.replicationFactor,
    minIsr: topic.minInsyncReplicas,
    messageSize: topic.messageSize,
    compression: topic.compressionRatio,
    groups: topic.consumerGroups.map((g) => ({ mode: g.mode, rackAware: g.rackAware, instances: g.instances })),
  });
}

/**
 * Zipf shares after a seeded shuffle; hot shares on the first partitions, by index, so that
 * Kafka's round-robin assignment spreads them over consecutive leaders; or null for a uniform
 * topic (every share 1/partitions).
 */
function partitionShares(partitions: number, skew: ModelConfig['topics'][number]['partitionSkew'], rng: Rng): Float64Array | null {
  if (skew.kind === 'uniform') return null;
  if (skew.kind === 'hot') return hotShares(partitions, skew.hotFraction, skew.share);
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

/** `share` evenly over the hot partitions, the rest evenly over the others; null (uniform) when none is left cold. */
function hotShares(partitions: number, hotFraction: number, share: number): Float64Array | null {
  const hot = hotPartitionCount(partitions, hotFraction);
  if (hot >= partitions) return null;
  const out = new Float64Array(partitions);
  out.fill(hotShare(partitions, share, hot, 0), 0, hot);
  out.fill(hotShare(partitions, share, hot, hot), hot);
  return out;
}
