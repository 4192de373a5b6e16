// Malformed snapshots are rejected with the field named; loads beyond capacity are not errors.
import { describe, expect, it } from 'vitest';
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
  ])('rejects %s', (_what, mutate, message) => {
    expect(() => checkSnapshot(mutate(base()))).toThrow(message);
  });
});
