// A `{ hot, share }` skew in closed form: 100 partitions, hot 5 %, share 40 % at 100 MiB/s give
// each of the 5 hot partitions 40 / 5 = 8 MiB/s and each of the 95 others 60 / 95 MiB/s. Hot
// partitions are 0 … 4, so Kafka's round-robin leaders (p mod 6 on 6 brokers) put one on each of
// brokers 0 … 4: those carry 8 − 60/95 MiB/s more produce per hot partition than a cold one.
// Hot and cold partitions stay in classes of their own, at most two per replica list.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { partitionPlan } from '../../src/model/partitions.js';
import type { ModelConfig } from '../../src/model/config.js';
import { partitionLayout } from '../../src/run/partition-layout.js';
import type { ResolvedTopic } from '../../src/scenario/types.js';
import { config, topic } from './fixtures.js';
import { simulate } from './simulate.js';

const MIB = 1024 * 1024;
const HOT: ResolvedTopic['partitionSkew'] = { kind: 'hot', hotFraction: 0.05, share: 0.4 };
const COLD_MIBPS = 60 / 95;

function plan(c: ModelConfig) {
  return partitionPlan(c, new RandomStreams(1).stream('placement'));
}

describe('hot partitions ({ hot, share })', () => {
  it('give 5 of 100 partitions 8 MiB/s each of 100 MiB/s, and the other 95 60/95 MiB/s each', () => {
    const c = config({ topics: [topic(100, { partitions: 100, partitionSkew: HOT })] });
    const { classes, hottest } = plan(c);
    const hot = classes.filter((k) => k.share > 0.01);
    const cold = classes.filter((k) => k.share <= 0.01);
    expect(hot.reduce((n, k) => n + k.count, 0)).toBe(5);
    expect(cold.reduce((n, k) => n + k.count, 0)).toBe(95);
    for (const k of hot) expect(k.share * 100).toBeCloseTo(8, 12);
    for (const k of cold) expect(k.share * 100).toBeCloseTo(COLD_MIBPS, 12);
    // No class mixes the two shares.
    for (const k of classes) expect(k.maxShare).toBeCloseTo(k.share, 15);
    expect(hottest[0]).toMatchObject({ partition: 0, leader: 0 });
    expect(hottest[0]!.topicShare).toBeCloseTo(0.08, 15);
  });

  it('load the leaders of partitions 0–4 (brokers 1–5) with the closed-form extra bytes in', () => {
    const c = config({ durationS: 600, topics: [topic(100, { partitions: 100, partitionSkew: HOT })] });
    const run = simulate(c);
    // Broker b leads partitions p ≡ b (mod 6): 17 of them for b ≤ 3, 16 for b = 4, 5; the hot one is p = b for b ≤ 4.
    const led = [17, 17, 17, 17, 16, 16];
    const hotLed = [1, 1, 1, 1, 1, 0];
    for (let b = 0; b < 6; b++) {
      const expected = hotLed[b]! * 8 + (led[b]! - hotLed[b]!) * COLD_MIBPS;
      const uniform = led[b]!; // 1 MiB/s per partition without the skew
      const bytesIn = run.series.broker.BytesInPerSec[b]!;
      for (const x of bytesIn) expect(x / MIB).toBeCloseTo(expected, 9);
      expect(expected).not.toBeCloseTo(uniform, 1);
    }
    // Brokers 5 and 6 lead 16 partitions each; broker 5's hot one adds 8 − 60/95 = 7.368 MiB/s.
    const bytesIn = (b: number) => run.series.broker.BytesInPerSec[b]![0]! / MIB;
    expect(bytesIn(4) - bytesIn(5)).toBeCloseTo(8 - COLD_MIBPS, 9);
    // The hottest partition's leader carries the most produce: 8 + 16 · 60/95 = 18.105 MiB/s.
    const peak = [0, 1, 2, 3, 4, 5].map(bytesIn);
    expect(Math.max(...peak)).toBeCloseTo(8 + 16 * COLD_MIBPS, 9);
    expect(peak.indexOf(Math.max(...peak))).toBe(0);
    expect(peak[5]).toBeCloseTo(16 * COLD_MIBPS, 9);
    expect(run.model.hottest.finish().peakDemandMiBps[0]).toBeCloseTo(8, 12);
    expect(run.model.hottest.finish().peakAcceptedMiBps[0]).toBeCloseTo(8, 12);
  });

  it('keep 20,000 skewed partitions in at most two classes per replica list, as the work estimate counts them', () => {
    const skewed = config({ topics: [topic(100, { partitions: 20_000, partitionSkew: HOT })] });
    const uniform = config({ topics: [topic(100, { partitions: 20_000 })] });
    const hotClasses = plan(skewed).classes;
    const lists = plan(uniform).classes.length;
    expect(hotClasses.length).toBeLessThanOrEqual(2 * lists);
    expect(hotClasses.reduce((n, k) => n + k.count, 0)).toBe(20_000);
    expect(hotClasses.reduce((sum, k) => sum + k.share * k.count, 0)).toBeCloseTo(1, 12);
    for (const c of [skewed, uniform, config({ topics: [topic(10, { partitions: 7, partitionSkew: { kind: 'hot', hotFraction: 0.3, share: 0.9 } })] })]) {
      expect(partitionLayout(c).flowClasses).toBe(plan(c).classes.length);
    }
  });

  it('merge proportional hot topics only where their partitions carry the same rate', () => {
    const hotTopic = (name: string, rate: number) => topic(rate, { name, partitions: 100, partitionSkew: HOT });
    const c = config({ topics: [hotTopic('a', 100), hotTopic('b', 200), hotTopic('c', 100)] });
    const { classes } = plan(c);
    expect(partitionLayout(c).flowClasses).toBe(classes.length);
    for (const k of classes) expect(k.maxShare).toBeCloseTo(k.share, 15);
    const alone = plan(config({ topics: [hotTopic('a', 100)] })).classes.length;
    // b's partitions (twice a's rate) keep classes of their own; c's join a's where c's offset
    // (topic index mod 6) gives a partition a's replica list at the same share.
    expect(classes.length).toBeGreaterThanOrEqual(2 * alone);
    expect(classes.length).toBeLessThan(3 * alone);
    expect(classes.reduce((n, k) => n + k.count, 0)).toBe(300);
  });

  it('spread several hot partitions per broker round-robin when there are more than brokers', () => {
    // 60 partitions, 20 % hot: partitions 0–11 are hot, two per broker on 6 brokers, 40 % / 12 each.
    const c = config({ durationS: 600, topics: [topic(60, { partitions: 60, partitionSkew: { kind: 'hot', hotFraction: 0.2, share: 0.4 } })] });
    const run = simulate(c);
    // Every broker leads 2 hot and 8 cold partitions: 2 · 2 + 8 · 0.75 = 10 MiB/s, the same on each.
    for (let b = 0; b < 6; b++) expect(run.series.broker.BytesInPerSec[b]![0]! / MIB).toBeCloseTo(2 * 2 + 8 * 0.75, 9);
  });
});
