// Each topic's demand over the horizon — the sum of its producers' piecewise-constant rates,
// in stored (compressed) bytes — and the instants at which any of them changes, in order.
import type { Rng } from '../engine/index.js';
import type { ModelConfig } from './config.js';
import { topicShapes } from './partitions.js';
import { producerRate, sumRates, type PiecewiseRate } from './profile.js';

export class TopicLoad {
  /** Per topic, from one retention before 0 on a warm start. */
  readonly rates: PiecewiseRate[];
  /** Per topic: the demand now, MiB/s per topic. */
  readonly now: Float64Array;
  private readonly cursor: Int32Array;
  /** Every instant in (0, duration) where some topic's demand changes. */
  private readonly breakpoints: Float64Array;
  private next = 0;

  constructor(config: ModelConfig, rng: Rng) {
    const ctx = { startEpochS: config.startEpochS, stepS: config.profileStepS, rng };
    // A topic of the same shape as an earlier one (partitions.ts) is that topic's load scaled:
    // its profile is not evaluated again. Only topics with random spikes draw from `rng`, and
    // those are always shapes of their own, so the draws do not depend on this.
    const shapes = topicShapes(config);
    const rates: PiecewiseRate[] = [];
    config.topics.forEach((topic, t) => {
      const { representative, scale } = shapes[t]!;
      if (representative !== t) {
        const rep = rates[representative]!;
        rates.push({ timesS: rep.timesS, rateMiBps: rep.rateMiBps.map((r) => r * scale) });
        return;
      }
      const from = config.warmStart ? -topic.retentionS : 0;
      const parts = topic.producers.map((p) => producerRate(p, from, config.durationS, ctx));
      const sum = parts.length === 1 ? parts[0]! : sumRates(parts, from);
      for (let i = 0; i < sum.rateMiBps.length; i++) sum.rateMiBps[i]! *= topic.compressionRatio;
      rates.push(sum);
    });
    this.rates = rates;
    this.now = new Float64Array(config.topics.length);
    this.cursor = new Int32Array(config.topics.length);
    const cuts = new Set<number>();
    for (const r of this.rates) for (const t of r.timesS) if (t > 0 && t < config.durationS) cuts.add(t);
    this.breakpoints = Float64Array.from([...cuts].sort((x, y) => x - y));
  }

  /** Moves every topic to its demand at `timeS` (calls must not go back in time). */
  update(timeS: number): void {
    this.rates.forEach((rates, t) => {
      let i = this.cursor[t]!;
      while (i + 1 < rates.timesS.length && rates.timesS[i + 1]! <= timeS) i++;
      this.cursor[t] = i;
      this.now[t] = rates.timesS[i]! <= timeS ? rates.rateMiBps[i]! : 0;
    });
  }

  /** The next breakpoint not yet handed out, or null when there is none. */
  nextBreakpoint(): number | null {
    return this.next < this.breakpoints.length ? this.breakpoints[this.next++]! : null;
  }
}
