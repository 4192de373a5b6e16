// The Markdown report's per-topic table: each topic's hottest partition — its share of the
// bytes, where it is led, what its producers asked of it at the peak and what it accepted —
// against MSK Serverless's per-partition ingress quota where there is one, and the brokers that
// lead a `{ hot, share }` topic's hot partitions.
import type { DeploymentResult, TopicSummary } from '../run/index.js';
import { cell, formatBytes, formatPct, formatQuantity } from './format.js';
import { timeInWords } from './time-text.js';

const TOPIC_LIMIT = 25;

export function topicSection(d: DeploymentResult, startEpochS: number): string[] {
  // Serverless and Express brokers both have a per-partition ingress quota.
  const serverless = d.type !== 'provisioned';
  const out = [
    '### Topics',
    '',
    'Each topic\'s hottest partition: what its producers asked of it at the peak and what it accepted, in MiB/s of stored bytes' +
      (serverless ? ', against the per-partition ingress quota.' : '.'),
    '',
    `| topic | partitions | skew | hottest partition | of the bytes | ${serverless ? 'ingress quota' : 'leader'} | asked at peak | peak at | accepted at peak | largest backlog |`,
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const t of d.topics.slice(0, TOPIC_LIMIT)) {
    const h = t.hottestPartition;
    const where = h.ingressLimitMiBps !== null ? quotaText(h.peakDemandMiBps, h.ingressLimitMiBps) : h.leaderBroker === null ? '—' : `broker ${h.leaderBroker}`;
    out.push(
      `| ${cell(t.topic)} | ${formatQuantity(t.partitions)} | ${skewText(t)} | ${h.partition} | ${formatPct(h.bytesPct)} | ${where} | ${mibps(h.peakDemandMiBps)} | ${timeInWords(h.peakDemandAtS, startEpochS)} | ${mibps(h.peakAcceptedMiBps)} | ${formatBytes(h.maxBacklogBytes)} |`,
    );
  }
  if (d.topics.length > TOPIC_LIMIT) out.push('', `…and ${d.topics.length - TOPIC_LIMIT} more in the JSON report.`);
  const led = d.topics.slice(0, TOPIC_LIMIT).filter((t) => t.hotLeaders.length > 0);
  if (led.length > 0) out.push('');
  for (const t of led) {
    const list = t.hotLeaders.map((l) => (l.partitions === 1 ? `${l.broker}` : `${l.broker} (${l.partitions})`)).join(', ');
    out.push(`- ${cell(t.topic)}: its ${t.hotPartitions} hot partitions are led by broker${t.hotLeaders.length === 1 ? '' : 's'} ${list}.`);
  }
  out.push('');
  return out;
}

function skewText(t: TopicSummary): string {
  if (t.skew === 'hot') return `hot: ${t.hotPartitions} of ${formatQuantity(t.partitions)}`;
  return t.skew === 'zipf' ? 'Zipf' : 'uniform';
}

function quotaText(peakMiBps: number, limitMiBps: number): string {
  return `${formatPct((peakMiBps / limitMiBps) * 100)} of ${formatQuantity(limitMiBps)} MiB/s`;
}

function mibps(x: number): string {
  return `${formatQuantity(Math.round(x * 1000) / 1000)} MiB/s`;
}
