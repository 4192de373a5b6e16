// The words of the reports (DESIGN §1.1: the model emits structured data; src/report owns the
// wording): the binding constraint as a sentence, and each timeline event as a line.
import { BUCKET_NAMES, RESOURCE_KIND_NAMES } from '../model/resources.js';
import type { TimelineEvent } from '../model/observe/timeline.js';
import { FLOW_KIND_WORDS } from '../model/flows.js';
import type { Binding, BindingConstraint } from '../run/index.js';
import { formatBytes, formatQuantity } from './format.js';
import { timeInWords } from './time-text.js';

export function bindingSentence(binding: Binding, startEpochS: number): string {
  const main = constraintSentence(binding.primary, startEpochS);
  if (binding.also.length === 0) return main;
  return `${main} Also: ${binding.also.map((c) => constraintSentence(c, startEpochS)).join(' ')}`;
}

function constraintSentence(c: BindingConstraint, start: number): string {
  switch (c.kind) {
    case 'brokers-down': {
      const who = c.brokers.length === 1 ? `Broker ${c.brokers[0]}` : `Brokers ${c.brokers.join(', ')}`;
      const why = c.cause === 'disk-full' ? ' with a full disk' : '';
      const offline = c.offlinePartitionsMax > 0 ? `; up to ${formatQuantity(c.offlinePartitionsMax)} partitions were offline` : '';
      return `${who} went down${why} from ${timeInWords(c.timeS, start)}${offline}; producers backed up by up to ${formatBytes(c.producerBacklogBytesMax)}.`;
    }
    case 'unavailable':
      return `Partitions refused produce (offline, or acks=all below min.insync.replicas) from ${timeInWords(c.timeS, start)}: ${formatQuantity(Math.round(c.partitionMinutes))} partition-minutes, ${formatBytes(c.refusedBytes)} refused (retried until delivery.timeout.ms, then failed at the client).`;
    case 'throttled': {
      const resource = c.resource;
      const why = c.bucketEmpty
        ? ` after its ${c.resource === 'EBS throughput' ? 'EBS burst' : c.resource === 'CPU' ? 'CPU credit' : 'network burst'} bucket emptied`
        : c.volumeThroughputMiBps !== null
          ? ` (the volume's ${c.volumeThroughputMiBps} MiB/s)`
          : '';
      const words = FLOW_KIND_WORDS[c.flowKind] ?? 'traffic';
      if (isQuota(resource)) {
        return `The ${resource} at ${timeInWords(c.timeS, start)} limited ${words}; quotas limited traffic for ${formatQuantity(Math.round(c.minutesThrottling))} minutes in all.`;
      }
      return `${capitalise(resource)} on broker ${c.broker} at ${timeInWords(c.timeS, start)}${why} limited ${words}; resources limited traffic for ${formatQuantity(Math.round(c.minutesThrottling))} minutes in all.`;
    }
    case 'latency-saturated':
      return `Requests queued without bound at ${c.resources.join(', ')} for ${formatQuantity(Math.round(c.saturatedSeconds / 60))} minutes: latency, not throughput, is the limit.`;
    case 'none':
      return `Nothing limited throughput. Closest to its limit: ${c.resource}${isQuota(c.resource) ? '' : ` on broker ${c.broker}`}, at ${Math.round(c.peakUtilization * 100)} % of its sustained capacity at ${timeInWords(c.timeS, start)}.`;
  }
}

/** Serverless quotas belong to the cluster, not to a broker. */
function isQuota(resource: string): boolean {
  return resource.endsWith(' quota');
}

/** The broker an event concerns, 1-based, or '' for cluster-wide events. */
export function timelineBroker(e: TimelineEvent): string {
  return 'broker' in e ? String(e.broker + 1) : '';
}

export function timelineDetail(e: TimelineEvent, topicNames: readonly string[], groupNames: readonly (readonly string[])[] = []): string {
  switch (e.kind) {
    case 'disk-alarm':
      return `KafkaDataLogsDiskUsed reached ${Math.round(e.thresholdPct)} %`;
    case 'storage-expanded':
      return `storage auto-expanded from ${e.fromGiB.toFixed(0)} GiB to ${e.toGiB.toFixed(0)} GiB`;
    case 'broker-down':
      return `${e.cause === 'disk-full' ? 'disk full: broker stopped' : 'broker stopped'}; ${formatQuantity(e.movedLeaders)} leaderships moved${e.offlinePartitions > 0 ? `, ${formatQuantity(e.offlinePartitions)} partitions offline` : ''}`;
    case 'broker-up':
      return 'broker running again; its replicas catch up';
    case 'bucket-empty':
      return `${BUCKET_NAMES[e.resource]} bucket empty: ${RESOURCE_KIND_NAMES[e.resource]} held at its baseline`;
    case 'bucket-refilling':
      return `${BUCKET_NAMES[e.resource]} bucket refilling`;
    case 'throttling-started':
      return `throttling starts: ${e.volumeBound ? 'volume throughput' : RESOURCE_KIND_NAMES[e.resource]} at capacity${e.bucketEmpty ? ' (credit bucket empty)' : ''} limits ${FLOW_KIND_WORDS[e.flowKind] ?? 'traffic'}`;
    case 'throttling-ended':
      return `throttling ends: ${RESOURCE_KIND_NAMES[e.resource]} limited traffic for ${formatQuantity(Math.round(e.durationS / 60))} min`;
    case 'isr-shrink':
      return `ISR shrank on ${formatQuantity(e.partitions)} partitions of ${topicNames[e.topic] ?? `topic ${e.topic + 1}`} (followers behind for replica.lag.time.max.ms or stopped)`;
    case 'isr-expand':
      return `ISR grew back on ${formatQuantity(e.partitions)} partitions of ${topicNames[e.topic] ?? `topic ${e.topic + 1}`} (followers caught up)`;
    case 'disk-reads-started':
    case 'disk-reads-ended': {
      const topic = topicNames[e.topic] ?? `topic ${e.topic + 1}`;
      const group = groupNames[e.topic]?.[e.group] ?? `group ${e.group + 1}`;
      return e.kind === 'disk-reads-started'
        ? `${group} (${topic}) fell behind the page cache on ${formatQuantity(e.partitions)} partitions: its reads come from EBS`
        : `${group} (${topic}) is back within the page cache on ${formatQuantity(e.partitions)} partitions`;
    }
    case 'unavailable-started':
      return `${formatQuantity(e.partitions)} partitions refuse produce (offline, or acks=all below min.insync.replicas)`;
    case 'unavailable-ended':
      return 'every partition takes produce again';
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
