// The Markdown summary: what a reviewer reads in a pull request or a design doc — the binding
// constraint in words, per-broker headroom, what happened when, the bill line by line, and
// every assumption the numbers rest on.
import { formatUsd } from '../cost/index.js';
import type { DeploymentResult, ScenarioResult, ServerlessResult } from '../run/index.js';
import { isoTime, timeInWords } from './time-text.js';
import type { LatencyFigures } from '../model/latency-figures.js';
import type { UtilizationSummary } from '../run/index.js';
import { topicSection } from './markdown-topics.js';
import { bindingSentence, timelineBroker, timelineDetail } from './wording.js';
import { cell, formatBytes, formatDuration, formatLatencyMs, formatPct, formatQuantity } from './format.js';
import { HOURS_PER_MONTH } from '../catalog/index.js';
import { compareDeployments } from '../run/compare.js';
import { comparisonMarkdown } from './comparison.js';
import { SECONDS_PER_HOUR } from '../units.js';

const TIMELINE_LIMIT = 25;

export function reportMarkdown(result: ScenarioResult, toolVersion: string): string {
  const s = result.scenario;
  const out: string[] = [];
  out.push(`# msksim report: ${s.name}`, '');
  if (s.description) out.push(s.description, '');
  out.push(
    '| scenario | seed | horizon | start | region | scenario hash | msksim |',
    '|---|---|---|---|---|---|---|',
    `| ${cell(s.fileName.split(/[\\/]/).pop() ?? s.fileName)} | ${s.seed} | ${formatDuration(s.durationS)} | ${isoTime(0, s.startEpochS)} | ${s.region} | \`${s.hash.slice(0, 12)}\` | ${toolVersion} |`,
    '',
  );
  out.push(...comparisonMarkdown(compareDeployments(result), s.startEpochS));
  for (const d of result.deployments) out.push(...deploymentSection(d, s.startEpochS));
  out.push('## Assumptions', '', 'Constants AWS does not publish; override them under `assumptions:` in the scenario.', '');
  out.push('| assumption | value | unit | | rationale |', '|---|---|---|---|---|');
  for (const a of result.assumptions.entries) {
    out.push(`| \`${a.id}\` | ${a.value} | ${a.unit} | ${a.overridden ? `overridden (default ${a.defaultValue})` : 'default'} | ${cell(a.rationale)} |`);
  }
  out.push('');
  return out.join('\n');
}

function deploymentSection(d: DeploymentResult, startEpochS: number): string[] {
  const out: string[] = [];
  out.push(`## ${d.name}: ${d.type === 'serverless' ? 'MSK Serverless' : `${d.brokers} × ${d.brokerType} over ${d.azs} AZs`}`, '');
  out.push(`**Binding constraint.** ${bindingSentence(d.binding, startEpochS)}`, '');
  if (d.type === 'express') {
    out.push('Express brokers: network in and out are the client ingress and egress quotas, utilisation is of the sustained rate (up to the maximum is allowed, MSK throttles above it), storage is elastic, and replication runs out of the brokers\' sight.', '');
    for (const note of d.notes) out.push(`- ${note}`);
    if (d.notes.length > 0) out.push('');
  }
  if (d.type === 'serverless') out.push(...quotaSection(d, startEpochS));
  else out.push(...brokerSection(d));
  out.push('', ...topicSection(d, startEpochS));
  const c = d.cluster;
  out.push(
    '### Cluster',
    '',
    `Produced ${formatBytes(c.producedBytes)}; stored at the end ${formatBytes(c.storedBytesEnd)}; deleted by retention ${formatBytes(c.deletedBytes)}. ` +
      `Largest producer backlog ${formatBytes(c.producerBacklogBytesMax)}, follower lag ${formatBytes(c.followerLagBytesMax)}, consumer lag ${formatBytes(c.consumerLagBytesMax)}. ` +
      `Throttled ${formatBytes(c.throttledBytes)}; deleted before a group read it ${formatBytes(c.lostBytes)}. ` +
      (c.unavailablePartitionMinutes > 0
        ? `Partitions refused produce for ${formatQuantity(Math.round(c.unavailablePartitionMinutes))} partition-minutes (${formatBytes(c.refusedBytes)} refused). `
        : '') +
      (c.clientLostBytes > 0 ? `Sends failed at the client (buffer.memory full, or delivery.timeout.ms expired): ${formatBytes(c.clientLostBytes)}. ` : '') +
      (c.brokersDown > 0 ? `${c.brokersDown} of ${d.brokers} brokers down at the end. ` : '') +
      `${d.simulationEvents.toLocaleString('en-US')} simulation events.`,
    '',
  );
  if (d.timeline.length > 0) {
    out.push('### Timeline', '', '| when | brokers | event |', '|---|---|---|');
    // The same event on several brokers at one instant is one row.
    const rows: { when: string; brokers: string[]; detail: string }[] = [];
    for (const e of d.timeline) {
      const when = timeInWords(e.timeS, startEpochS);
      const detail = timelineDetail(e, d.topicNames, d.groupNames);
      const last = rows[rows.length - 1];
      if (last !== undefined && last.when === when && last.detail === detail) last.brokers.push(timelineBroker(e));
      else rows.push({ when, brokers: [timelineBroker(e)], detail });
    }
    for (const r of rows.slice(0, TIMELINE_LIMIT)) out.push(`| ${r.when} | ${r.brokers.join(', ')} | ${cell(r.detail)} |`);
    if (rows.length > TIMELINE_LIMIT) out.push('', `…and ${rows.length - TIMELINE_LIMIT} more in the JSON report.`);
    out.push('');
  }
  out.push(...latencySection(d, startEpochS));
  out.push(`### Monthly bill (${HOURS_PER_MONTH.value} hours)`, '', '| item | quantity | unit | unit price | amount |', '|---|---|---|---|---|');
  for (const line of d.bill.lines) {
    const price = line.unitPriceUsd === null ? 'not published' : `$${line.unitPriceUsd}`;
    const amount = line.amountUsd === null ? '—' : formatUsd(line.amountUsd);
    out.push(`| ${cell(line.item)} | ${formatQuantity(line.quantity)} | ${line.unit} | ${price} | ${amount} |`);
  }
  out.push(`| **total** | | | | **${formatUsd(d.bill.totalUsd)}** |`, '');
  if (d.bill.discountPct > 0) out.push(`Prices include a ${d.bill.discountPct} % discount.`, '');
  for (const missing of d.bill.missingPrices) out.push(`- Not priced: ${missing}`);
  if (d.bill.missingPrices.length > 0) out.push('');
  return out;
}

function brokerSection(d: DeploymentResult): string[] {
  const out: string[] = [];
  const above =
    d.type === 'express'
      ? 'above 100 % means above the sustained client throughput, allowed up to the maximum; EBS throughput is the assumed managed-storage path (express.storageMiBpsPerBroker).'
      : 'above 100 % means bursting on credits.';
  out.push('### Brokers', '', `Utilization of the sustained (baseline) capacity, mean / p95 / max; ${above}`, '');
  out.push(
    '| broker | AZ | network in | network out | EBS throughput | CPU | min CPU > 60 % | min EBS burst empty | throttled | disk used (max) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const b of d.brokerSummaries) {
    out.push(
      `| ${b.broker} | ${b.az} | ${util(b.networkIn)} | ${util(b.networkOut)} | ${util(b.ebsThroughput)} | ${util(b.cpu)} | ${formatQuantity(Math.round(b.minutesCpuAboveGuidance))} | ${formatQuantity(Math.round(b.minutesBucketEmpty.ebsBurst))} | ${formatBytes(b.throttledBytes)} | ${formatPct(b.storage.usedPctMax)} |`,
    );
  }
  if (d.brokerSummaries.some((b) => b.maxProducerBacklogBytes + b.maxFollowerLagBytes + b.maxConsumerLagBytes + b.lostBytes > 0)) {
    out.push(
      '',
      'Largest backlog and lag per broker: producers waiting on the partitions it leads, its followers behind their leaders, and consumer groups behind on what it serves.',
      '',
      '| broker | producer backlog | follower lag | consumer lag | deleted unread |',
      '|---|---|---|---|---|',
    );
    for (const b of d.brokerSummaries) {
      out.push(`| ${b.broker} | ${formatBytes(b.maxProducerBacklogBytes)} | ${formatBytes(b.maxFollowerLagBytes)} | ${formatBytes(b.maxConsumerLagBytes)} | ${formatBytes(b.lostBytes)} |`);
    }
  }
  return out;
}

function quotaSection(d: ServerlessResult, startEpochS: number): string[] {
  const out = ['### Quotas', '', 'Use of each MSK Serverless throughput quota; a partition quota by its busiest partition (the mean of its class).', ''];
  out.push('| quota | limit | mean | peak | peak at |', '|---|---|---|---|---|');
  for (const q of d.quotas) {
    out.push(`| ${q.quota} | ${formatQuantity(q.limitMiBps)} MiB/s | ${formatPct(q.meanUtilization * 100)} | ${formatPct(q.peakUtilization * 100)} | ${timeInWords(q.peakAtS, startEpochS)} |`);
  }
  return out;
}

function latencySection(d: DeploymentResult, startEpochS: number): string[] {
  if (d.type === 'serverless') {
    const e = d.latency?.estimate;
    if (e === undefined || e === null) return ['### Latency', '', d.latencyNote, ''];
    return [
      '### Latency',
      '',
      d.latencyNote,
      '',
      '| what | mode | publish p50 | p95 | p99 | p99.9 | end-to-end p50 | p99 | p99.9 |',
      '|---|---|---|---|---|---|---|---|---|',
      `| whole run | ${e.mode} | ${ms(e.publishLatency50pct)} | ${ms(e.publishLatency95pct)} | ${ms(e.publishLatency99pct)} | ${ms(e.publishLatency999pct)} | ${ms(e.endToEndLatency50pct)} | ${ms(e.endToEndLatency99pct)} | ${ms(e.endToEndLatency999pct)} |`,
      '',
    ];
  }
  const l = d.latency;
  if (l === null || (l.estimate === null && l.windows.length === 0)) return [];
  const out = [
    '### Latency',
    '',
    'Milliseconds, unless marked s, min or h. *estimate*: queueing approximations per interval over the whole run; *request-level*: every produce request simulated through the broker queues.',
    '',
  ];
  out.push('| what | mode | produce requests | publish p50 | p95 | p99 | p99.9 | max | end-to-end p50 | p99 | p99.9 |', '|---|---|---|---|---|---|---|---|---|---|---|');
  const row = (what: string, f: LatencyFigures) =>
    `| ${what} | ${f.mode} | ${f.produceRequests.toLocaleString('en-US')} | ${ms(f.publishLatency50pct)} | ${ms(f.publishLatency95pct)} | ${ms(f.publishLatency99pct)} | ${ms(f.publishLatency999pct)} | ${ms(f.publishLatencyMax)} | ${ms(f.endToEndLatency50pct)} | ${ms(f.endToEndLatency99pct)} | ${ms(f.endToEndLatency999pct)} |`;
  if (l.estimate !== null) out.push(row('whole run', l.estimate));
  for (const w of l.windows) {
    const what = `${w.window} window, ${timeInWords(w.startS, startEpochS)}, ${w.durationS} s`;
    out.push(row(what, w.requestLevel), row(what, w.estimate));
  }
  out.push('');
  if (d.cluster.clientLostBytes > 0) {
    out.push(
      `Producers failed ${formatBytes(d.cluster.clientLostBytes)} of sends: their buffer.memory was full, or records waited past delivery.timeout.ms. Latency counts only the records that were delivered.`,
      '',
    );
  }
  if (l.estimate !== null && l.estimate.saturatedSeconds > 0) {
    out.push(
      `For ${formatQuantity(Math.round(l.estimate.saturatedSeconds / 60))} minutes a broker resource ran at capacity (${l.estimate.saturated.join(', ')}): producers backed up, and the estimate includes their wait (the backlog ahead of each batch ÷ the rate it drains at).`,
      '',
    );
  }
  if (l.estimate !== null && l.estimate.requestQueuesSaturatedSeconds > 0) {
    out.push(
      `For ${formatQuantity(Math.round(l.estimate.requestQueuesSaturatedSeconds / 60))} minutes ${l.estimate.requestQueuesSaturated.join(', ')} had more work than they can do: requests queue without bound there. Those minutes are in every figure above, with the queue held at latency.saturatedUtilization — a lower bound on their latency.`,
      '',
    );
  }
  for (const w of l.windows) {
    if (w.requestLevel.saturated.length > 0) {
      out.push(`In the ${w.window} window ${w.requestLevel.saturated.join(', ')} ran at or beyond capacity: latency grows with the window, and the estimate has no stationary figure for it.`, '');
    }
  }
  const worst = [...l.hourly].filter((h) => h.publishLatency99pct !== null).sort((a, b) => b.publishLatency99pct! - a.publishLatency99pct!)[0];
  if (worst !== undefined) out.push(`Worst hour for publish p99: ${timeInWords(worst.hour * SECONDS_PER_HOUR, startEpochS)}, ${latencyText(worst.publishLatency99pct!)} (hourly figures in the JSON and CSV).`, '');
  return out;
}

/** A table cell in milliseconds; from 10 s on in s, min or h, marked. */
function ms(x: number | null): string {
  if (x === null) return '—';
  if (x >= 10_000) return formatLatencyMs(x);
  return x < 10 ? x.toFixed(2) : x.toFixed(1);
}

/** A latency in prose, always with its unit. */
function latencyText(x: number): string {
  return x >= 10_000 ? formatLatencyMs(x) : `${ms(x)} ms`;
}

function util(u: UtilizationSummary): string {
  return `${u.meanPct.toFixed(0)} / ${u.p95Pct.toFixed(0)} / ${u.maxPct.toFixed(0)} %`;
}
