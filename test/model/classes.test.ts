// Partitions that move in proportion are one class: partitions of a topic with one replica list
// (even under a Zipf skew), and partitions of topics whose loads keep a fixed ratio. The model
// must then give exactly what it gives the partitions one topic at a time.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { partitionClasses } from '../../src/model/partitions.js';
import type { ResolvedProfileFactor, ResolvedTopic } from '../../src/scenario/types.js';
import { broker, config, flat, topic } from './fixtures.js';
import { simulate } from './simulate.js';

function withProfile(t: ResolvedTopic, name: string, rate: number, profile: ResolvedProfileFactor[]): ResolvedTopic {
  return { ...t, name, producers: [{ ...t.producers[0]!, load: { kind: 'rate', rateMiBps: rate }, profile }] };
}

describe('partition classes', () => {
  it('put 20,000 Zipf-skewed partitions on 6 brokers into one class per replica list', () => {
    const c = config({ topics: [topic(100, { partitions: 20_000, partitionSkew: { kind: 'zipf', exponent: 1 } })] });
    const classes = partitionClasses(c, new RandomStreams(1).stream('placement'));
    expect(classes.length).toBeLessThanOrEqual(6 * 5 * 4);
    expect(classes.reduce((n, k) => n + k.count, 0)).toBe(20_000);
    // Shares still sum to one: the topic's load is all there.
    expect(classes.reduce((sum, k) => sum + k.share * k.count, 0)).toBeCloseTo(1, 12);
  });

  it('merge proportional topics, and the run is the run of the topics one by one', () => {
    const diurnal: ResolvedProfileFactor = { type: 'diurnal', peakToMean: 2, peakHourUtc: 14 };
    const base = topic(1, { partitions: 12, groups: 2 });
    // A spike rule that never fires makes a topic its own shape without changing its load.
    const never: ResolvedProfileFactor = { type: 'spikes', perDay: 0, factor: 2, durationS: 60 };
    const spec = broker({ networkOutMiBps: flat(150), ebsMiBps: flat(120) });
    const run = (topics: ResolvedTopic[]) => simulate(config({ durationS: 2 * 86_400, broker: spec, topics, verify: false }));
    const merged = run([withProfile(base, 'a', 20, [diurnal]), withProfile(base, 'b', 60, [diurnal]), withProfile(base, 'c', 40, [diurnal])]);
    const apart = run([withProfile(base, 'a', 20, [diurnal, never]), withProfile(base, 'b', 60, [diurnal, never]), withProfile(base, 'c', 40, [diurnal, never])]);
    expect(merged.state.classes.length).toBeLessThan(apart.state.classes.length);
    for (const name of ['BytesInPerSec', 'BytesOutPerSec', 'ReplicationBytesInPerSec', 'NetworkOutUtilization', 'KafkaDataLogsDiskUsed'] as const) {
      for (let b = 0; b < 6; b++) {
        const x = merged.series.broker[name][b]!;
        const y = apart.series.broker[name][b]!;
        for (let k = 0; k < x.length; k++) expect(Math.abs(x[k]! - y[k]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y[k]!)));
      }
    }
    expect(merged.lag.maxMiB[0]).toBeCloseTo(apart.lag.maxMiB[0]!, 6);
    expect(merged.lag.maxMiB[0]).toBeGreaterThan(0); // network out binds at the peak: the case is not trivial
  });
});
