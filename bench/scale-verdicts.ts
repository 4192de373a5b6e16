// The targets and the event-count assertions of bench/scale.ts, judged on its points.
//
// Targets are speed and memory goals: time is judged on `secondsScaled` (the time on the
// machine the targets were set on, bench/calibrate.ts), memory on `peakRssMB` of the point's
// own process (Node, tsx and the modules included, so the stricter of the two RSS figures).
// A point that crashed or timed out fails its targets; without a calibration a time target is
// `not-judged`. Targets are reported, not enforced by the exit code: on a shared machine a
// slow run is noise as often as a regression, and a person should look.
//
// Assertions are on the simulation's event count (STYLE habit 11) and decide the exit code:
// a count that grows with the size of the model rather than with what happens in it means
// events are being scheduled per entity (per topic, per partition) or per recompute. Each
// bounds every point of a curve against the curve's first point:
// - topics: events(n topics) ≤ 3 × events(1 topic). The topics have identical deterministic
//   profiles, so their demand changes at the same instants; the headroom of 3 allows for
//   per-topic retention and crossings that legitimately happen at different instants.
// - skewed partitions: events(n partitions) ≤ 3 × events(168 partitions), for the same reason.
// - long runs: events per simulated day ≤ 2 × that of 30 days: a long run may fill disks and
//   expand them, but the rate of events must not grow with the length of the run.
// A point that did not complete fails the assertions that need it: its count is unknown.
import type { Curve } from './scale-scenarios.js';

export type PointState = 'completed' | 'invalid' | 'crashed' | 'timed-out';

export interface PointResult {
  curve: Curve;
  x: number;
  state: PointState;
  seconds: number | null;
  secondsScaled: number | null;
  peakRssMB: number | null;
  rssGrowthMB: number | null;
  events: number | null;
  /** Why the point did not complete. */
  error?: string;
}

export type Verdict = 'pass' | 'fail' | 'not-judged';

interface Target {
  curve: Curve;
  x: number;
  metric: 'secondsScaled' | 'peakRssMB';
  below: number;
}

export const TARGETS: readonly Target[] = [
  { curve: 'skewed-partitions', x: 20_000, metric: 'secondsScaled', below: 5 },
  { curve: 'skewed-partitions', x: 20_000, metric: 'peakRssMB', below: 500 },
  { curve: 'topics', x: 200, metric: 'secondsScaled', below: 3 },
  { curve: 'long-runs', x: 365, metric: 'secondsScaled', below: 10 },
  // "< 1 GB", read as 1 GiB: peakRssMB is in MiB like every RSS figure the benches print.
  { curve: 'long-runs', x: 365, metric: 'peakRssMB', below: 1024 },
];

interface EventBound {
  curve: Curve;
  /** Each point's events, or events per unit of x when `perX`, ≤ factor × the first point's. */
  factor: number;
  perX: boolean;
}

export const EVENT_BOUNDS: readonly EventBound[] = [
  { curve: 'topics', factor: 3, perX: false },
  { curve: 'skewed-partitions', factor: 3, perX: false },
  { curve: 'long-runs', factor: 2, perX: true },
];

export function judgeTarget(target: Target, results: readonly PointResult[]) {
  const point = results.find((r) => r.curve === target.curve && r.x === target.x);
  const value = point?.[target.metric] ?? null;
  let verdict: Verdict;
  if (point === undefined) verdict = 'not-judged';
  else if (point.state !== 'completed') verdict = 'fail';
  else if (value === null) verdict = 'not-judged';
  else verdict = value < target.below ? 'pass' : 'fail';
  return { ...target, value, verdict, ...(point !== undefined && point.state !== 'completed' ? { state: point.state } : {}) };
}

export function judgeEvents(bound: EventBound, results: readonly PointResult[]) {
  const points = results.filter((r) => r.curve === bound.curve);
  const rule = `${bound.perX ? 'events / x' : 'events'} ≤ ${bound.factor} × that of x = ${points[0]?.x ?? '?'}`;
  const missing = points.filter((p) => p.events === null).map((p) => `x = ${p.x} ${p.state}`);
  const first = points[0];
  if (first === undefined) return { curve: bound.curve, rule, verdict: 'not-judged' as Verdict, detail: 'no points' };
  if (missing.length > 0) return { curve: bound.curve, rule, verdict: 'fail' as Verdict, detail: `no event count: ${missing.join(', ')}` };
  const norm = (p: PointResult): number => p.events! / (bound.perX ? p.x : 1);
  const limit = bound.factor * norm(first);
  const over = points.filter((p) => norm(p) > limit);
  const ratios = points.map((p) => `x = ${p.x}: ${(norm(p) / norm(first)).toFixed(2)}×`).join(', ');
  return { curve: bound.curve, rule, verdict: (over.length === 0 ? 'pass' : 'fail') as Verdict, detail: ratios };
}
