// Every queue a request-level run simulates must be as busy as the snapshot says: requests
// plus background jobs make up load / capacity. The cluster carries background on every
// resource: a second consumer group's fetches and a tiered-storage upload on network out,
// fetch-request CPU on the handlers.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { atUtilisation, ringGroups } from './fixtures.js';

describe('request-level queue utilisation', () => {
  it('matches load / capacity within 2 % on every simulated queue at ρ = 0.6', () => {
    const snapshot = atUtilisation(
      {
        brokers: 6,
        azs: 3,
        netInMiBps: 100,
        netOutMiBps: 100,
        ebsMiBps: 500,
        cpuCores: 2,
        extraNetOutMiBps: 8,
        extraCpuCores: 0.3,
        groups: [...ringGroups(6, 3, { count: 4, consumerGroups: 2 }), ...ringGroups(6, 3, { count: 8, produceMiBps: 0.3, fetchFromFollowerSameAz: true, messageBytes: 300 })],
      },
      0.6,
    );
    const result = runRequestLevel(snapshot, { durationS: 60, warmupS: 1, rng: new RandomStreams(1).stream('latency/utilisation'), maxRequests: 10_000_000 });
    expect(result.queues.length).toBe(18); // network in, network out and handlers of 6 brokers
    for (const q of result.queues) {
      const id = Number(q.name.split(' ')[1]); // brokers are named from 1, as MSK numbers them
      const b = id - 1;
      const kind = q.name.slice(`broker ${id} `.length);
      const expected =
        kind === 'network in'
          ? snapshot.netInLoad[b]! / snapshot.netInMiBps[b]!
          : kind === 'network out'
            ? snapshot.netOutLoad[b]! / snapshot.netOutMiBps[b]!
            : snapshot.cpuLoad[b]! / snapshot.cpuCores[b]!;
      expect(q.expected, q.name).toBeCloseTo(expected, 12);
      expect(Math.abs(q.measured / expected - 1), `${q.name}: measured ${q.measured}, expected ${expected}`).toBeLessThan(0.02);
    }
  });
});
