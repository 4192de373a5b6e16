// Partition checks of a provisioned deployment. MSK counts partitions per broker with their
// replicas and publishes, per broker size, a recommended figure and a maximum: "You can't update
// the configuration of a cluster that exceeds these limits", nor move it to a smaller size
// (AWS, "Right-size your cluster: Number of partitions per Standard broker",
// https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html; msk-facts.md §1a;
// catalog/standard-brokers.ts). A candidate that MSK would not let its owner reconfigure is not
// one to size on, so the maximum is a refusal; the recommended figure is shown by `validate`.
import { PROVISIONED_QUOTAS, STANDARD_BROKER_TYPES, standardBroker } from '../catalog/index.js';
import { MAX_CLASS_EVENTS, MAX_FLOW_CLASSES } from '../scenario/limits.js';
import type { Problem, ResolvedProvisionedDeployment, ResolvedScenario } from '../scenario/index.js';
import type { WorkEstimate } from './work-estimate.js';

const TOPICS_NAMED_MAX = 3;
const count = (n: number): string => Math.round(n).toLocaleString('en-US');

export function checkPartitionQuota(scenario: ResolvedScenario, d: ResolvedProvisionedDeployment, i: number, work: WorkEstimate): Problem[] {
  const maxPerBroker = standardBroker(d.brokerType).partitionsMax;
  if (work.replicasPerBrokerMax <= maxPerBroker) return [];
  const topics = scenario.workload.topics;
  const replicas = topics.reduce((n, t) => n + t.partitions * t.replicationFactor, 0);
  const largest = [...topics].sort((a, b) => b.partitions * b.replicationFactor - a.partitions * a.replicationFactor).slice(0, TOPICS_NAMED_MAX);
  const named = largest.map((t) => `${t.name} ${count(t.partitions)} × RF ${t.replicationFactor}`).join(', ') + (topics.length > largest.length ? ', …' : '');
  return [
    {
      path: ['deployments', i, 'brokers'],
      message:
        `broker ${work.replicasBroker + 1} of ${d.name} holds ${count(work.replicasPerBrokerMax)} partition replicas (topics ${named}: ${count(replicas)} replicas over ${d.brokers} brokers), ` +
        `over MSK's maximum of ${count(maxPerBroker)} per ${d.brokerType} broker, past which MSK refuses configuration updates and moves to a smaller size`,
      fix: fixes(d, replicas, work.replicasPerBrokerMax).join(', or '),
    },
  ];
}

function fixes(d: ResolvedProvisionedDeployment, replicas: number, fullest: number): string[] {
  const out: string[] = [];
  const maxPerBroker = standardBroker(d.brokerType).partitionsMax;
  // The fullest broker carries a little over the mean: keep that ratio when adding brokers.
  const skew = fullest / (replicas / d.brokers);
  const brokers = Math.ceil((replicas * skew) / maxPerBroker / d.azs) * d.azs;
  if (brokers <= PROVISIONED_QUOTAS.brokersPerClusterKRaft.value) out.push(`use ${brokers} brokers or more`);
  const family = d.brokerType.split('.')[1];
  const fits = STANDARD_BROKER_TYPES.filter((t) => standardBroker(t).partitionsMax >= fullest);
  const larger = fits.find((t) => t.split('.')[1] === family) ?? fits[0];
  if (larger !== undefined) out.push(`choose ${larger} (${count(standardBroker(larger).partitionsMax)} per broker)`);
  out.push(`use fewer partitions (at most ${count(Math.floor((maxPerBroker * d.brokers) / skew))} replicas in all on ${d.brokers} brokers)`);
  return out;
}

/** The model keeps one entry per partition class; its time per event grows with them. */
export function checkFlowClasses(d: { name: string }, i: number, work: WorkEstimate): Problem[] {
  if (work.flowClasses <= MAX_FLOW_CLASSES) return [];
  return [
    {
      path: ['deployments', i, 'brokers'],
      message:
        `${d.name}'s partitions form ${count(work.flowClasses)} classes (one per topic shape and replica list, src/model/partitions.ts), over msksim's limit of ${count(MAX_FLOW_CLASSES)}`,
      fix: 'give topics of the same load the same settings (they then share classes), use fewer brokers, or split the workload into several scenarios',
    },
  ];
}

/** Events × classes: the model's time grows with both (about 1 µs per class and event). */
export function checkClassEvents(d: { name: string }, i: number, work: WorkEstimate): Problem[] {
  const classEvents = work.events.total * work.flowClasses;
  if (classEvents <= MAX_CLASS_EVENTS || work.flowClasses > MAX_FLOW_CLASSES) return [];
  const top = work.events.sources[0];
  return [
    {
      path: top?.path ?? ['deployments', i, 'brokers'],
      message:
        `${d.name} would process about ${count(work.events.total)} events over ${count(work.flowClasses)} partition classes, ${count(classEvents)} class-events, over msksim's limit of ${count(MAX_CLASS_EVENTS)} (about a minute)` +
        (top === undefined ? '' : `; most events come from ${top.what}: ${count(top.changes)} over the horizon`),
      fix: `${top === undefined ? 'make fewer rate changes' : top.fix(MAX_CLASS_EVENTS / classEvents)}, shorten the duration, or use fewer partition classes (fewer brokers; topics of one load with the same settings share them)`,
    },
  ];
}
