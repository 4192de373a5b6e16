// How many events a run will process, from the settings alone (O(topics + producers + profile
// factors + trace rows), no simulation): the limit on it refuses a scenario whose events would
// take minutes — a list of producers each with the most spikes the schema allows, replays of
// many groups — before any of it is done. What makes events (src/model/subsystems.ts):
// - workload breakpoints in [0, horizon): the profile-step grid of continuous profiles (diurnal,
//   growth, linear traces), weekend edges, steps, two per spike, a step trace's rows. Grids and
//   weekend edges fall on the same instants for every producer, so they count once;
// - retention steps: time-based retention changes its deletion pace one retention after each
//   rate change, so about one more event per breakpoint;
// - replays: the rewind and, once caught up, the crossing where the group rejoins the tail;
// - crossings: credit buckets emptying and refilling, disks reaching thresholds, ISR timers.
//   They follow the rate changes; CROSSINGS_PER_CHANGE per breakpoint covers the shipped
//   scenarios and bench:scale's curves (bench/events-estimate.ts prints estimate and actual).
import type { PathSegments } from '../scenario/errors.js';
import type { ResolvedProducer, ResolvedScenario } from '../scenario/index.js';
import { SECONDS_PER_DAY, SECONDS_PER_WEEK } from '../units.js';

/** Crossings per rate change, fitted from above on the runs bench/events-estimate.ts measures. */
const CROSSINGS_PER_CHANGE = 1;
/** Events every run has whatever its workload: its start and end, a few first crossings. */
const BASE_EVENTS = 16;

/** One setting's share of the events, to name the setting that makes most of them. */
export interface EventSource {
  path: PathSegments;
  /** Rate changes or replays it makes over the horizon (before retention steps and crossings). */
  changes: number;
  what: string;
  /** The change to this setting that scales its events by `ratio` (< 1). */
  fix(ratio: number): string;
}

const fewer = (n: number): string => Math.max(0, Math.floor(n)).toLocaleString('en-US');

export interface EventsEstimate {
  workload: number;
  retention: number;
  replays: number;
  crossings: number;
  total: number;
  /** Largest first. */
  sources: EventSource[];
}

export function estimateEvents(scenario: ResolvedScenario, profileStepS: number, brokers: number): EventsEstimate {
  const horizonS = scenario.durationS;
  const sources: EventSource[] = [];
  const producers = scenario.workload.topics.flatMap((t, ti) => t.producers.map((p, pi) => ({ p, path: ['workload', 'topics', ti, 'producers', pi] as PathSegments })));
  if (producers.some(({ p }) => isContinuous(p))) {
    const steps = Math.ceil(horizonS / profileStepS);
    sources.push({
      path: ['assumptions', 'workload.profileStepS'],
      changes: steps,
      what: `a continuous profile recomputed every ${profileStepS}s`,
      fix: (ratio) => `set assumptions.workload.profileStepS to ${Math.ceil(profileStepS / ratio)} or more (at most 3600)`,
    });
  }
  if (producers.some(({ p }) => p.profile.some((f) => f.type === 'weekly'))) {
    sources.push({ path: ['duration'], changes: 2 * Math.ceil(horizonS / SECONDS_PER_WEEK), what: 'weekend starts and ends', fix: () => 'shorten the duration' });
  }
  for (const { p, path } of producers) sources.push(...ownBreakpoints(p, path, horizonS));
  const workload = sources.reduce((n, src) => n + src.changes, 0);
  const timeRetention = scenario.workload.topics.some((t) => Number.isFinite(t.retentionS));
  const retention = timeRetention ? workload : 0;
  const replaySources = replaysOf(scenario, horizonS);
  const replays = replaySources.reduce((n, src) => n + 2 * src.changes, 0);
  sources.push(...replaySources);
  // A day of steady load still crosses: buckets refill, disks fill, one per broker at most.
  const crossings = CROSSINGS_PER_CHANGE * (workload + replays) + brokers * Math.ceil(horizonS / SECONDS_PER_DAY);
  sources.sort((a, b) => b.changes - a.changes);
  return { workload, retention, replays, crossings, total: BASE_EVENTS + workload + retention + replays + crossings, sources };
}

function isContinuous(p: ResolvedProducer): boolean {
  return p.profile.some((f) => f.type === 'diurnal' || f.type === 'growth') || (p.load.kind === 'trace' && p.load.interpolation === 'linear');
}

/** Breakpoints that are the producer's own: steps, spikes (expected count) and a step trace's rows. */
function ownBreakpoints(p: ResolvedProducer, path: PathSegments, horizonS: number): EventSource[] {
  const out: EventSource[] = [];
  p.profile.forEach((f, k) => {
    const at = p.profile.length === 1 ? [...path, 'profile'] : [...path, 'profile', k];
    if (f.type === 'steps') {
      out.push({ path: [...at, 'steps'], changes: f.steps.filter((s) => s.atS < horizonS).length, what: 'load steps', fix: (r) => `keep ${fewer(f.steps.length * r)} steps or fewer` });
    }
    if (f.type === 'spikes') {
      const changes = 2 * f.perDay * (horizonS / SECONDS_PER_DAY);
      out.push({ path: [...at, 'perDay'], changes, what: `${f.perDay} spikes a day, each a start and an end`, fix: (r) => `write perDay: ${Math.floor(f.perDay * r * 100) / 100} or less here and on the producers like it` });
    }
  });
  const load = p.load;
  if (load.kind === 'trace' && load.interpolation === 'step') {
    const rows = load.afterEnd === 'repeat' ? load.points.length * Math.ceil(horizonS / load.durationS) : load.points.filter((r) => r.timeS < horizonS).length;
    out.push({ path: [...path, 'trace'], changes: rows, what: 'trace rows', fix: (r) => `resample the trace to ${fewer(load.points.length * r)} rows or fewer` });
  }
  return out;
}

function replaysOf(scenario: ResolvedScenario, horizonS: number): EventSource[] {
  const out: EventSource[] = [];
  scenario.workload.topics.forEach((topic, ti) =>
    topic.consumerGroups.forEach((g, gi) => {
      const mode = g.mode;
      if (mode.kind !== 'replay' || mode.firstStartS >= horizonS) return;
      const n = mode.everyS === null ? 1 : Math.floor((horizonS - mode.firstStartS) / mode.everyS) + 1;
      const every = mode.everyS;
      out.push({
        path: ['workload', 'topics', ti, 'consumerGroups', gi, 'replay', 'every'],
        changes: n,
        what: 'replays, each a rewind and a catch-up',
        fix: (r) => (every === null ? 'replay fewer groups' : `write every: ${Math.ceil(every / r)}s or longer here and on the groups like it`),
      });
    }),
  );
  return out;
}
