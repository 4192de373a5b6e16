// Produce requests a request-level latency window sends, from the settings: at the load's peak,
// each partition's producers send batches of max(message, min(batch.size, rate × linger.ms))
// bytes (src/latency/routes.ts, batchBytes), so tiny messages at a high rate are millions of
// requests a second. The model caps what a window simulates (src/model/latency-recorder.ts);
// this figure is what `msksim validate` shows, so the cap is no surprise.
import { batchBytes } from '../latency/routes.js';
import type { ResolvedProducer, ResolvedScenario, ResolvedTopic } from '../scenario/index.js';
import { BYTES_PER_MIB, SECONDS_PER_HOUR } from '../units.js';
import { HOURS_PER_MONTH } from '../catalog/list-prices.js';

/** A window warms its queues up for a quarter of its length first (latency-recorder.ts). */
const WARMUP_FRACTION = 0.25;

/** Requests one window of `windowS` sends at the peak load, warm-up included. */
export function windowRequests(scenario: ResolvedScenario, windowS: number): number {
  let perS = 0;
  for (const topic of scenario.workload.topics) perS += topicRequestsPerS(topic, scenario.durationS);
  return perS * windowS * (1 + WARMUP_FRACTION);
}

/** Produce requests a second at the topic's peak: as the latency layer batches them (one producer's settings per topic). */
function topicRequestsPerS(topic: ResolvedTopic, horizonS: number): number {
  const first = topic.producers[0];
  if (first === undefined) return 0;
  let peakMiBps = 0;
  let instances = 0;
  for (const p of topic.producers) {
    peakMiBps += peakRateMiBps(p, horizonS);
    instances += p.instances;
  }
  const perPartitionBps = (peakMiBps * BYTES_PER_MIB * topic.compressionRatio) / topic.partitions;
  if (!(perPartitionBps > 0)) return 0;
  const bytes = batchBytes(perPartitionBps / instances, first.lingerS, topic.messageSize.meanBytes * topic.compressionRatio, first.batchSizeBytes);
  return (topic.partitions * perPartitionBps) / bytes;
}

/** An upper bound of the producer's rate: the base at its highest times every factor at its highest. */
function peakRateMiBps(p: ResolvedProducer, horizonS: number): number {
  let rate = 0;
  if (p.load.kind === 'rate') rate = p.load.rateMiBps;
  else for (const row of p.load.points) rate = Math.max(rate, row.rateMiBps); // a loop: a trace may have millions of rows
  for (const f of p.profile) {
    if (f.type === 'constant') rate *= f.factor;
    else if (f.type === 'diurnal') rate *= f.peakToMean;
    else if (f.type === 'weekly') rate *= Math.max(1, f.weekendFactor);
    else if (f.type === 'spikes') rate *= Math.max(1, f.factor);
    else if (f.type === 'growth') rate *= Math.pow(1 + f.perMonthFraction, Math.max(0, horizonS) / (HOURS_PER_MONTH.value * SECONDS_PER_HOUR));
    else rate *= f.steps.reduce((m, s) => Math.max(m, s.factor), 1);
  }
  return rate;
}
