// A bound on the events of one run (STYLE habit 4: hitting a limit is a reported result, never a
// hang). DESIGN §3: "event count grows with the number of changes, not with simulated time".
// Changes are those the configuration schedules — workload breakpoints, replays, broker events,
// disk thresholds, each with the retention step one retention later — bounded here from the
// configuration alone, and those the run reports on its timeline as they happen (an ISR shrink
// or expansion, a bucket emptying, throttling, disk reads): a follower that keeps falling out of
// the ISR and catching up under a saturated disk is Kafka's ISR flapping, changes that grow with
// time. A run may recompute its rates a fixed number of times per change (the state crossings
// that follow it) plus a constant. Beyond that, crossings fire that change nothing reported —
// one that predicts a threshold the state never reaches, say — and the run is reported with its
// configuration instead of running for hours.
import type { ModelConfig } from '../../src/model/config.js';
import { ClusterModel } from '../../src/model/simulation.js';

const DAY_S = 86_400;

/** Rate recomputations allowed per change, and regardless of changes. */
export const RECOMPUTES_PER_CHANGE = 10;
export const RECOMPUTES_BASE = 1000;

export class EventBudgetError extends Error {
  constructor(readonly recomputes: number, readonly atS: number, seed: number) {
    super(`event budget: ${recomputes} rate recomputations by t = ${atS} s exceed the bound for this configuration (events must grow with changes, not simulated time; seed ${seed})`);
    this.name = 'EventBudgetError';
  }
}

/** Poisson count that a mean `m` practically never exceeds (m + 6√m + 10). */
function poissonBound(m: number): number {
  return Math.ceil(m + 6 * Math.sqrt(m) + 10);
}

/** Instants in [0, durationS) where some producer's rate can change: profile grid, days, steps, spikes, trace rows. */
export function workloadChangeBound(config: ModelConfig): number {
  const { durationS, profileStepS } = config;
  const producers = config.topics.flatMap((t) => t.producers);
  const continuous = producers.some((p) => p.profile.some((f) => f.type === 'diurnal' || f.type === 'growth') || (p.load.kind === 'trace' && p.load.interpolation === 'linear'));
  const weekly = producers.some((p) => p.profile.some((f) => f.type === 'weekly'));
  // The profile grid and UTC midnights are the same instants for every producer.
  let n = (continuous ? Math.ceil(durationS / profileStepS) + 1 : 0) + (weekly ? Math.ceil(durationS / DAY_S) + 1 : 0);
  for (const p of producers) {
    for (const f of p.profile) {
      if (f.type === 'steps') n += f.steps.length;
      if (f.type === 'spikes') n += 2 * poissonBound((f.perDay * durationS) / DAY_S);
    }
    if (p.load.kind === 'trace' && p.load.interpolation === 'step') {
      n += p.load.points.length * (p.load.afterEnd === 'repeat' ? Math.ceil(durationS / p.load.durationS) + 1 : 1);
    }
  }
  return n;
}

/**
 * Changes of a configuration: workload breakpoints, replays, broker events and disk thresholds
 * (alarm, full, each expansion), each rate change with its retention step one retention later.
 */
export function changeBound(config: ModelConfig): number {
  let n = workloadChangeBound(config) + (config.brokerEvents ?? []).length;
  for (const topic of config.topics) {
    for (const g of topic.consumerGroups) {
      if (g.mode.kind !== 'replay') continue;
      const every = g.mode.everyS;
      n += every === null ? 1 : Math.ceil(config.durationS / every) + 1;
    }
  }
  const expansions = config.autoExpand === null ? 0 : Math.ceil(config.durationS / config.autoExpand.cooldownS) + 1;
  n += config.brokers * (2 + expansions);
  return 2 * n;
}

/** The recomputations allowed so far, given the timeline events reported so far. */
export function recomputeBudget(config: ModelConfig, timelineEvents = 0): number {
  return RECOMPUTES_BASE + RECOMPUTES_PER_CHANGE * (changeBound(config) + timelineEvents);
}

/** Runs the model like test/model/simulate.ts, throwing EventBudgetError past the budget. */
export function runWithinBudget(config: ModelConfig): { model: ClusterModel; recomputes: number } {
  const model = new ClusterModel(config);
  const scheduled = recomputeBudget(config);
  let recomputes = 0;
  model.addListener({
    rates(view) {
      if (++recomputes <= scheduled) return;
      const timeline = model.timeline;
      if (recomputes > scheduled + RECOMPUTES_PER_CHANGE * (timeline.events.length + timeline.dropped)) {
        throw new EventBudgetError(recomputes, view.state.nowS, config.seed);
      }
    },
    segment() {},
  });
  model.run();
  return { model, recomputes };
}

/** What test/model/simulate.ts does, within the event budget: run, then every observer's result. */
export function simulateChecked(config: ModelConfig): ClusterModel {
  const { model } = runWithinBudget(config);
  model.series.finish();
  model.utilization.finish();
  model.lag.finish();
  model.usage.finish();
  return model;
}

/**
 * fast-check shrinks a failure by running smaller candidates until none fails, with no cap but a
 * wall-clock one; here one candidate can take seconds. After the first failure this runs at most
 * `maxCandidates` more and lets the rest pass unrun, which ends shrinking at the smallest
 * failure found so far — deterministically. The seed and path fast-check prints resume it.
 */
export function withShrinkLimit<T>(check: (value: T) => void, maxCandidates: number): (value: T) => boolean {
  let failed = false;
  let candidates = 0;
  return (value) => {
    if (failed && ++candidates > maxCandidates) return true;
    try {
      check(value);
    } catch (error) {
      failed = true;
      throw error;
    }
    return true;
  };
}
