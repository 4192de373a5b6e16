// Malformed snapshots are rejected with the field named; loads beyond capacity are not errors.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { checkSnapshot, type LatencySnapshot } from '../../src/latency/snapshot.js';
import { group, snapshotOf } from './fixtures.js';

const base = (): LatencySnapshot =>
  snapshotOf({ brokers: 3, azs: 3, netInMiBps: 100, netOutMiBps: 100, ebsMiBps: 250, cpuCores: 2, groups: [group(0, [1, 2])] });

describe('checkSnapshot', () => {
  it('accepts a well-formed snapshot, saturated or not', () => {
    const s = base();
    expect(() => checkSnapshot(s)).not.toThrow();
    s.netInLoad[0] = 1000;
    expect(() => checkSnapshot(s)).not.toThrow();
  });

  it.each([
    ['a leader outside the cluster', (s: LatencySnapshot) => ({ ...s, partitions: [group(3, [1])] }), /partitions\[0\]\.leader/],
    ['the leader among its followers', (s: LatencySnapshot) => ({ ...s, partitions: [group(0, [0])] }), /partitions\[0\]\.followers\[0\]/],
    ['a repeated follower', (s: LatencySnapshot) => ({ ...s, partitions: [group(0, [1, 1])] }), /repeats broker 1/],
    ['acks of another kind', (s: LatencySnapshot) => ({ ...s, partitions: [{ ...group(0, [1]), acks: '2' as 'all' }] }), /acks/],
    ['a negative load', (s: LatencySnapshot) => ({ ...s, cpuLoad: Float64Array.of(1, -1, 0) }), /cpuLoad\[1\]/],
    ['a capacity per broker missing', (s: LatencySnapshot) => ({ ...s, ebsMiBps: Float64Array.of(250) }), /ebsMiBps has 1 entries for 3 brokers/],
    ['no handler threads', (s: LatencySnapshot) => ({ ...s, params: { ...s.params, ioThreads: 0 } }), /ioThreads/],
    ['a negative pause length', (s: LatencySnapshot) => ({ ...s, params: { ...s.params, gcPauseCoreS: -1 } }), /gcPauseCoreS/],
    ['no replica fetcher', (s: LatencySnapshot) => ({ ...s, params: { ...s.params, replicaFetchers: 0 } }), /replicaFetchers/],
    ['a disk-read share above 1', (s: LatencySnapshot) => ({ ...s, partitions: [{ ...group(0, [1]), diskReadFraction: 1.5 }] }), /diskReadFraction/],
    ['a negative sticky rate', (s: LatencySnapshot) => ({ ...s, partitions: [{ ...group(0, [1]), stickyProducerMiBps: -1 }] }), /stickyProducerMiBps/],
    ['a negative wait at the end of the span', (s: LatencySnapshot) => ({ ...s, partitions: [{ ...group(0, [1]), producerWaitEndS: -1 }] }), /producerWaitEndS/],
  ])('rejects %s', (_what, mutate, message) => {
    expect(() => checkSnapshot(mutate(base()))).toThrow(message);
  });
});

describe('producer-side wait', () => {
  it('spreads uniformly between the waits at the two ends of the span, in both modes', () => {
    const s = base();
    s.partitions = s.partitions.map((g) => ({ ...g, producerWaitS: 1, producerWaitEndS: 2 }));
    const publish = new LatencyHistogram();
    estimateLatency(s, { rng: new RandomStreams(3).stream('e'), weight: 10, samples: 4096 }, { publish, endToEnd: new LatencyHistogram() });
    const r = runRequestLevel(s, { durationS: 5, warmupS: 1, rng: new RandomStreams(3).stream('r'), maxRequests: 1_000_000 });
    // The rest of the path takes milliseconds: the quartiles sit near 1.25, 1.5 and 1.75 s.
    for (const h of [publish, r.publish]) {
      for (const [q, want] of [[0.25, 1.25], [0.5, 1.5], [0.75, 1.75]] as const) expect(Math.abs(h.quantile(q) - want)).toBeLessThan(0.03);
    }
  });

  it('adds the same constant to every publish and end-to-end sample in both modes', () => {
    const plain = base();
    const waited = base();
    waited.partitions = waited.partitions.map((g) => ({ ...g, producerWaitS: 0.5 }));
    const p50 = (s: LatencySnapshot) => {
      const publish = new LatencyHistogram();
      const endToEnd = new LatencyHistogram();
      estimateLatency(s, { rng: new RandomStreams(3).stream('e'), weight: 10 }, { publish, endToEnd });
      const r = runRequestLevel(s, { durationS: 5, warmupS: 1, rng: new RandomStreams(3).stream('r'), maxRequests: 1_000_000 });
      return [publish.quantile(0.5), endToEnd.quantile(0.5), r.publish.quantile(0.5), r.endToEnd.quantile(0.5)];
    };
    const before = p50(plain);
    const after = p50(waited);
    for (let i = 0; i < 4; i++) expect(after[i]! - before[i]!).toBeCloseTo(0.5, 2);
  });
});
