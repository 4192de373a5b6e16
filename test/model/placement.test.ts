import { describe, expect, it } from 'vitest';
import { azOfBroker, replicaSet } from '../../src/model/placement.js';

describe('rack-aware placement', () => {
  it('puts the three replicas of every partition in three different AZs', () => {
    for (let p = 0; p < 120; p++) {
      const replicas = replicaSet(p, 0, 3, 6, 3);
      expect(new Set(replicas.map((b) => azOfBroker(b, 3))).size).toBe(3);
      expect(new Set(replicas).size).toBe(3);
    }
  });

  it('balances leaders and replicas evenly', () => {
    const leaders = new Array(6).fill(0);
    const replicas = new Array(6).fill(0);
    for (let p = 0; p < 60; p++) {
      const set = replicaSet(p, 0, 3, 6, 3);
      leaders[set[0]!]++;
      for (const b of set) replicas[b]++;
    }
    expect(leaders).toEqual([10, 10, 10, 10, 10, 10]);
    expect(replicas).toEqual([30, 30, 30, 30, 30, 30]);
  });

  it('is a fixed function of its inputs (exact trace)', () => {
    expect(replicaSet(0, 0, 3, 6, 3)).toEqual([0, 1, 2]);
    expect(replicaSet(6, 0, 3, 6, 3)).toEqual([0, 2, 4]);
    expect(replicaSet(1, 2, 2, 4, 2)).toEqual([3, 0]);
  });

  it('refuses more replicas than brokers', () => {
    expect(() => replicaSet(0, 0, 4, 3, 3)).toThrow(/exceeds/);
  });
});
