// A topic as written → ResolvedTopic: defaults (RF, minISR, retention, message size), the
// message-size distribution with its mean, Kafka's topic rules, producers and consumer groups.
import { checkProfileBreakpoints } from './budgets.js';
import { defaultMinInsyncReplicas, DEFAULTS } from './defaults.js';
import type { PathSegments } from './errors.js';
import type { Problems } from './problem.js';
import { resolveConsumerGroup } from './resolve-consumer.js';
import type { ResolveContext } from './resolve-context.js';
import { resolveProducer, valueOf } from './resolve-producer.js';
import { hotPartitionCount } from './skew.js';
import { checkUniqueNames } from './unique.js';
import type { RawMessageSize, RawTopic } from './schema-workload.js';
import type { ResolvedMessageSize, ResolvedPartitionSkew, ResolvedTopic } from './types.js';
import { BYTES_PER_GIB, parseDuration, parseSize } from './units.js';

export function resolveTopic(raw: RawTopic, path: PathSegments, problems: Problems, ctx: ResolveContext): ResolvedTopic | undefined {
  const before = problems.count;
  const replicationFactor = raw.replicationFactor ?? DEFAULTS.replicationFactor;
  const minInsyncReplicas = raw.minInsyncReplicas ?? defaultMinInsyncReplicas(replicationFactor);
  if (minInsyncReplicas > replicationFactor) {
    problems.add(
      [...path, 'minInsyncReplicas'],
      `minInsyncReplicas ${minInsyncReplicas} is greater than replicationFactor ${replicationFactor}, so acks=all producers could never succeed`,
      `set minInsyncReplicas to at most ${replicationFactor} (usually replicationFactor − 1)`,
    );
  }
  const retentionS = raw.retention ?? valueOf(parseDuration(DEFAULTS.retention));
  if (retentionS <= 0) problems.add([...path, 'retention'], 'retention must be longer than 0s', 'write e.g. 7d');
  if (raw.retentionBytes !== undefined && raw.retentionBytes <= 0) {
    problems.add([...path, 'retentionBytes'], 'retentionBytes must be greater than 0', 'write e.g. 200GiB, or remove it for no size limit');
  }
  const messageSize = resolveMessageSize(raw.messageSize, [...path, 'messageSize'], problems);
  const producers = raw.producers.map((p, i) => {
    const producerPath = [...path, 'producers', i];
    const producer = resolveProducer(p, messageSize?.meanBytes ?? 1, producerPath, problems, ctx);
    if (producer !== undefined && retentionS > 0) {
      checkProfileBreakpoints(producer, { retentionS, durationS: ctx.durationS, profileStepS: ctx.profileStepS }, producerPath, problems);
    }
    return producer;
  });
  const skew = resolveSkew(raw.partitionSkew, raw.partitions, [...path, 'partitionSkew'], problems);
  const groups = raw.consumerGroups ?? [];
  checkUniqueNames(groups.map((g, index) => ({ name: g.name, index })), [...path, 'consumerGroups'], 'consumer group', problems);
  const consumerGroups = groups.map((g, i) => resolveConsumerGroup(g, messageSize?.meanBytes ?? 1, [...path, 'consumerGroups', i], problems, ctx));
  if (problems.count > before || messageSize === undefined) return undefined;
  return {
    name: raw.name,
    partitions: raw.partitions,
    replicationFactor,
    minInsyncReplicas,
    retentionS,
    retentionGiBPerPartition: raw.retentionBytes === undefined ? null : raw.retentionBytes / BYTES_PER_GIB,
    messageSize,
    compressionRatio: raw.compressionRatio ?? DEFAULTS.compressionRatio,
    partitionSkew: skew,
    cleanupPolicy: raw.cleanupPolicy ?? DEFAULTS.cleanupPolicy,
    producers: producers.filter((p) => p !== undefined),
    consumerGroups: consumerGroups.filter((g) => g !== undefined),
  };
}

function resolveSkew(raw: RawTopic['partitionSkew'], partitions: number, path: PathSegments, problems: Problems): ResolvedPartitionSkew {
  if (raw === undefined || raw === 'uniform') return { kind: 'uniform' };
  if ('zipf' in raw) return { kind: 'zipf', exponent: raw.zipf };
  const skew: ResolvedPartitionSkew = { kind: 'hot', hotFraction: raw.hot, share: raw.share };
  if (!(raw.hot > 0 && raw.hot < 1)) {
    problems.add([...path, 'hot'], `hot ${pct(raw.hot)} is outside 0–100 % (exclusive)`, 'write the hot share of the partitions, e.g. 5%');
    return skew;
  }
  if (!(raw.share >= 0 && raw.share < 1)) {
    problems.add([...path, 'share'], `share ${pct(raw.share)} is outside 0–100 % (100 % excluded: the other partitions would get nothing)`, 'write the hot partitions\' share of the bytes, e.g. 40%');
    return skew;
  }
  const hot = hotPartitionCount(partitions, raw.hot);
  if (hot >= partitions) {
    problems.add(
      [...path, 'hot'],
      `hot ${pct(raw.hot)} of ${partitions} partition${partitions === 1 ? '' : 's'} makes all ${partitions} hot: none is left to be cold`,
      partitions === 1 ? 'remove partitionSkew, or give the topic more partitions' : `write hot below ${pct((partitions - 0.5) / partitions)}, or give the topic more partitions`,
    );
    return skew;
  }
  // Hot partitions that each take less than an even share are not hot: a skew the other way is not this rule.
  const even = hot / partitions;
  if (raw.share < even) {
    problems.add(
      [...path, 'share'],
      `share ${pct(raw.share)} is below the even share of the bytes of ${hot === 1 ? 'the hot partition' : `the ${hot} hot partitions`} (${hot} of ${partitions} partitions: ${pct(even)}), so ${hot === 1 ? 'it' : 'they'} would be colder than the rest`,
      `write share at least ${pctUp(even)}, or lower hot`,
    );
  }
  return skew;
}

/** A fraction as a percentage for messages: 0.05 → "5%", 1/3 → "33.33%". */
function pct(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** The same, rounded up, for a lower bound the user can write: 1/3 → "33.34%". */
function pctUp(fraction: number): string {
  return `${Math.ceil(Number((fraction * 10_000).toFixed(6))) / 100}%`;
}

function resolveMessageSize(raw: RawMessageSize | undefined, path: PathSegments, problems: Problems): ResolvedMessageSize | undefined {
  if (raw === undefined) return { kind: 'fixed', meanBytes: valueOf(parseSize(DEFAULTS.messageSize)) };
  if (typeof raw === 'number') {
    if (raw <= 0) return positiveSize(path, problems);
    return { kind: 'fixed', meanBytes: raw };
  }
  if (raw.distribution === 'lognormal') {
    if (raw.mean <= 0) return positiveSize([...path, 'mean'], problems);
    return { kind: 'lognormal', meanBytes: raw.mean, cv: raw.cv };
  }
  const weights = raw.weights ?? raw.values.map(() => 1);
  if (weights.length !== raw.values.length) {
    problems.add([...path, 'weights'], `${weights.length} weights for ${raw.values.length} values`, 'give one weight per value');
    return undefined;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) {
    problems.add([...path, 'weights'], 'the weights add up to 0', 'give at least one value a positive weight');
    return undefined;
  }
  const bad = raw.values.findIndex((v) => v <= 0);
  if (bad >= 0) return positiveSize([...path, 'values', bad], problems);
  const normalised = weights.map((w) => w / total);
  const meanBytes = raw.values.reduce((sum, v, i) => sum + v * (normalised[i] ?? 0), 0);
  return { kind: 'empirical', meanBytes, valuesBytes: raw.values, weights: normalised };
}

function positiveSize(path: PathSegments, problems: Problems): undefined {
  problems.add(path, 'a message size must be greater than 0', 'write e.g. 1KiB');
  return undefined;
}
