// Checks of an MSK Serverless deployment against its published quotas (msk-facts.md §4b, AWS
// `limits.html` as crawled; catalog/serverless.ts), each a located refusal: past them MSK answers
// INVALID_REQUEST (partitions, message size), fails JoinGroup (consumer groups) or closes
// connections (clients) — not a slowdown the model could simulate. Compacted topics have a
// partition quota of their own (120). Retention needs no check: it is unlimited on Serverless
// today (24 h in 2022).
import { SERVERLESS_QUOTAS } from '../catalog/index.js';
import type { Problem, ResolvedScenario, ResolvedServerlessDeployment, ResolvedTopic } from '../scenario/index.js';
import { BYTES_PER_MIB } from '../units.js';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * The virtual cluster has one broker and one partition class per topic shape (two, hot and
 * cold, for a `{ hot, share }` topic), so the provisioned kind's bounds on classes and series
 * cannot bind; the scenario-wide events estimate (check-scenario.ts) still applies.
 */
export function checkServerless(scenario: ResolvedScenario, d: ResolvedServerlessDeployment, i: number): Problem[] {
  const topics = scenario.workload.topics;
  return [...checkPartitions(d, i, topics), ...checkCompactedPartitions(d, topics), ...checkGroups(d, i, topics), ...checkConnections(d, i, topics), ...checkMessageSizes(d, topics)];
}

/** MSK counts the partitions of non-compacted topics and of compacted ones against quotas of their own. */
function checkPartitions(d: ResolvedServerlessDeployment, i: number, topics: readonly ResolvedTopic[]): Problem[] {
  const max = SERVERLESS_QUOTAS.maxPartitions.value;
  const total = topics.reduce((n, t) => n + (t.cleanupPolicy === 'compact' ? 0 : t.partitions), 0);
  if (total <= max) return [];
  const some = topics.some((t) => t.cleanupPolicy === 'compact') ? ' non-compacted' : '';
  return [
    {
      path: ['deployments', i, 'type'],
      message: `the workload's${some} topics have ${count(total)} partitions, over MSK Serverless's quota of ${count(max)} per cluster (${d.name})`,
      fix: `use at most ${count(max)}${some} partitions in all, or a provisioned deployment`,
    },
  ];
}

/** Located at the compacted topic that takes the count past the quota (the first past it). */
function checkCompactedPartitions(d: ResolvedServerlessDeployment, topics: readonly ResolvedTopic[]): Problem[] {
  const max = SERVERLESS_QUOTAS.maxPartitionsCompacted.value;
  let total = 0;
  let first = -1;
  topics.forEach((t, k) => {
    if (t.cleanupPolicy !== 'compact') return;
    total += t.partitions;
    if (total > max && first < 0) first = k;
  });
  if (first < 0) return [];
  return [
    {
      path: ['workload', 'topics', first, 'cleanupPolicy'],
      message: `the workload's compacted topics have ${count(total)} partitions, over MSK Serverless's quota of ${count(max)} compacted partitions per cluster (${d.name}): creating them fails with INVALID_REQUEST`,
      fix: `use at most ${count(max)} partitions in compacted topics, cleanupPolicy: delete where keys need not be kept, or a provisioned deployment`,
    },
  ];
}

/** Groups are counted by name: one group reading several topics is one group to Kafka. */
function checkGroups(d: ResolvedServerlessDeployment, i: number, topics: readonly ResolvedTopic[]): Problem[] {
  const max = SERVERLESS_QUOTAS.maxConsumerGroups.value;
  const names = new Set(topics.flatMap((t) => t.consumerGroups.map((g) => g.name)));
  if (names.size <= max) return [];
  return [
    {
      path: ['deployments', i, 'type'],
      message: `the workload has ${count(names.size)} consumer groups, over MSK Serverless's quota of ${count(max)} per cluster (${d.name}): JoinGroup fails past it`,
      fix: `use at most ${count(max)} consumer groups, or a provisioned deployment`,
    },
  ];
}

/** At least one connection per client instance: producer instances plus consumer instances. */
function checkConnections(d: ResolvedServerlessDeployment, i: number, topics: readonly ResolvedTopic[]): Problem[] {
  const max = SERVERLESS_QUOTAS.maxClientConnections.value;
  let clients = 0;
  for (const t of topics) {
    for (const p of t.producers) clients += p.instances;
    for (const g of t.consumerGroups) clients += g.instances;
  }
  if (clients <= max) return [];
  return [
    {
      path: ['deployments', i, 'type'],
      message: `the workload's producer and consumer instances open at least ${count(clients)} connections, over MSK Serverless's quota of ${count(max)} client connections per cluster (${d.name})`,
      fix: `use at most ${count(max)} producer and consumer instances in all, or a provisioned deployment`,
    },
  ];
}

/** The largest message a topic can send: the size as written (a lognormal's mean: its tail is unbounded). */
function largestMessageBytes(t: ResolvedTopic): number {
  const m = t.messageSize;
  return m.kind === 'empirical' ? Math.max(...m.valuesBytes) : m.meanBytes;
}

function checkMessageSizes(d: ResolvedServerlessDeployment, topics: readonly ResolvedTopic[]): Problem[] {
  const maxMiB = SERVERLESS_QUOTAS.maxMessageMiB.value;
  const out: Problem[] = [];
  topics.forEach((t, k) => {
    const bytes = largestMessageBytes(t);
    if (bytes <= maxMiB * BYTES_PER_MIB) return;
    out.push({
      path: ['workload', 'topics', k, 'messageSize'],
      message: `messages of ${count(bytes)} bytes in topic "${t.name}" exceed MSK Serverless's max.message.bytes of ${maxMiB} MiB (${d.name}): the broker answers INVALID_REQUEST`,
      fix: `send messages of at most ${maxMiB}MiB, or use a provisioned deployment`,
    });
  });
  return out;
}
