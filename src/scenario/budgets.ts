// How much work a scenario asks of the simulation, checked before any of it is done (STYLE
// habit 4): values that are each within range can still multiply into a run that would not end
// — 86,400 spikes a day for three years, a replay every minute for three years, a one-second
// trace repeated over a decade of warm-start history. Each check names msksim's limit and the
// value that fits.
import { BYTES_PER_MIB, SECONDS_PER_DAY } from '../units.js';
import type { PathSegments } from './errors.js';
import {
  MAX_MESSAGES_PER_S,
  MAX_PARTITIONS_TOTAL,
  MAX_RATE_BYTES_PER_S,
  MAX_REPLAYS,
  MAX_PROFILE_BREAKPOINTS,
  MAX_SPIKES,
  MIN_REPLAY_EVERY_S,
} from './limits.js';
import type { Problems } from './problem.js';
import type { ResolvedProducer } from './types.js';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Expected spikes of one factor over the horizon. */
export function checkSpikes(perDay: number, durationS: number, path: PathSegments, problems: Problems): void {
  const days = durationS / SECONDS_PER_DAY;
  const expected = perDay * days;
  if (expected <= MAX_SPIKES) return;
  problems.add(
    [...path, 'perDay'],
    `${perDay} spikes a day over ${round(days)} days are ${count(expected)} spikes, over msksim's limit of ${count(MAX_SPIKES)}`,
    `write perDay: ${Math.floor(MAX_SPIKES / days) || round(MAX_SPIKES / days)} or less, or shorten the duration`,
  );
}

/** Replays of one group: not more often than once a minute, not more than MAX_REPLAYS in all. */
export function checkReplays(everyS: number, firstStartS: number, durationS: number, path: PathSegments, problems: Problems): void {
  if (everyS < MIN_REPLAY_EVERY_S) {
    problems.add([...path, 'every'], `a replay every ${seconds(everyS)} is more often than msksim's limit of one every ${MIN_REPLAY_EVERY_S}s`, `write every: ${MIN_REPLAY_EVERY_S}s or longer`);
    return;
  }
  const replays = Math.floor(Math.max(0, durationS - firstStartS) / everyS) + 1;
  if (replays <= MAX_REPLAYS) return;
  problems.add(
    [...path, 'every'],
    `a replay every ${seconds(everyS)} is ${count(replays)} replays over the horizon, over msksim's limit of ${count(MAX_REPLAYS)}`,
    `write every: ${Math.ceil(durationS / MAX_REPLAYS)}s or longer`,
  );
}

/** The span a producer's rate is computed over: one retention of history (a warm start) and the horizon. */
export interface Span {
  retentionS: number;
  durationS: number;
  profileStepS: number;
}

/**
 * A producer's rate changes: a trace's rows once per repetition (over the horizon when it
 * repeats, and over the history before time 0 in any case, read backwards on a warm start),
 * and a continuous profile once per profile step over the whole span.
 */
export function checkProfileBreakpoints(producer: ResolvedProducer, span: Span, path: PathSegments, problems: Problems): void {
  const load = producer.load;
  if (load.kind === 'trace') {
    const covered = span.retentionS + (load.afterEnd === 'repeat' ? span.durationS : 0);
    const repetitions = Math.ceil(covered / load.durationS) + 1;
    const breakpoints = repetitions * load.points.length;
    if (breakpoints > MAX_PROFILE_BREAKPOINTS) {
      problems.add(
        [...path, 'trace'],
        `the trace's ${count(load.points.length)} rows over ${seconds(load.durationS)} repeat ${count(repetitions)} times over the horizon and one retention, ` +
          `${count(breakpoints)} rate changes, over msksim's limit of ${count(MAX_PROFILE_BREAKPOINTS)}`,
        'resample the trace to a coarser interval, or shorten the retention or the duration',
      );
      return;
    }
  }
  const continuous = producer.profile.some((f) => f.type === 'diurnal' || f.type === 'growth') || (load.kind === 'trace' && load.interpolation === 'linear');
  const steps = Math.ceil((span.retentionS + span.durationS) / span.profileStepS) + 1;
  if (!continuous || steps <= MAX_PROFILE_BREAKPOINTS) return;
  problems.add(
    [...path, load.kind === 'trace' && producer.profile.length === 0 ? 'trace' : 'profile'],
    `the rate is recomputed every ${span.profileStepS}s (assumption workload.profileStepS) over ${round((span.retentionS + span.durationS) / SECONDS_PER_DAY)} days ` +
      `of horizon and retention, ${count(steps)} steps, over msksim's limit of ${count(MAX_PROFILE_BREAKPOINTS)}`,
    `set assumptions.workload.profileStepS to ${Math.ceil((span.retentionS + span.durationS) / MAX_PROFILE_BREAKPOINTS)} or more, or shorten the retention or the duration`,
  );
}

/**
 * A rate is bounded in bytes and in messages whichever way it is written: msg/s become bytes
 * with the topic's mean message size, and bytes become messages (tiny messages at a high byte
 * rate are billions of requests to simulate).
 */
export function checkRateMiBps(rateMiBps: number, meanMessageBytes: number, path: PathSegments, problems: Problems): boolean {
  const maxMiBps = MAX_RATE_BYTES_PER_S / BYTES_PER_MIB;
  if (rateMiBps > maxMiBps) {
    problems.add(path, `the rate is ${count(rateMiBps)} MiB/s with the topic's mean message size, over msksim's limit of ${count(maxMiBps)} MiB/s`, 'lower the rate or the message size');
    return false;
  }
  const messagesPerS = (rateMiBps * BYTES_PER_MIB) / meanMessageBytes;
  if (messagesPerS > MAX_MESSAGES_PER_S) {
    problems.add(
      path,
      `the rate is ${count(messagesPerS)} messages/s of ${round(meanMessageBytes)} B on average, over msksim's limit of ${count(MAX_MESSAGES_PER_S)} msg/s`,
      'lower the rate or raise the message size',
    );
    return false;
  }
  return true;
}

/** All topics' partitions together: the simulation's per-partition work is bounded by this sum. */
export function checkPartitionTotal(topics: readonly { partitions: number }[], path: PathSegments, problems: Problems): void {
  const total = topics.reduce((sum, t) => sum + t.partitions, 0);
  if (total <= MAX_PARTITIONS_TOTAL) return;
  problems.add(
    path,
    `the topics have ${count(total)} partitions together, over msksim's limit of ${count(MAX_PARTITIONS_TOTAL)} (no MSK Standard cluster holds more)`,
    'use fewer partitions, or split the workload into several scenarios',
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Seconds as written in a scenario: 60s, 1ms. */
function seconds(x: number): string {
  return x >= 1 ? `${round(x)}s` : `${round(x * 1000)}ms`;
}
