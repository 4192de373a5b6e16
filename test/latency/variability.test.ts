// The laws of variability.ts by their moments, over a fine grid of uniforms: a broker pause is
// met with probability φ = gcPauseShareCore / vCPU and lasts Exp(gcPauseCoreS / vCPU) more; a
// write-back stall with probability and mean growing with the MiB/s written; a fetch cycle in
// progress with probability 1 − e^(−νC) and a mean of half the round trip plus the cycle's work.
import { describe, expect, it } from 'vitest';
import { resolveRoutes } from '../../src/latency/routes.js';
import { fetchCycleWaitS, resolveVariability, stallS, variabilityBuffers } from '../../src/latency/variability.js';
import { group, snapshotOf } from './fixtures.js';

const GRID = 1_000_000;

function moments(f: (u: number) => number): { p: number; mean: number } {
  let hit = 0;
  let sum = 0;
  for (let i = 0; i < GRID; i++) {
    const x = f((i + 0.5) / GRID);
    if (x > 0) hit++;
    sum += x;
  }
  return { p: hit / GRID, mean: sum / GRID };
}

describe('sources of variability', () => {
  const snapshot = snapshotOf({
    brokers: 3,
    azs: 3,
    netInMiBps: 150,
    netOutMiBps: 150,
    ebsMiBps: 250,
    cpuCores: 4,
    groups: [group(0, [1, 2], { count: 24, produceMiBps: 1 })],
    params: { gcPauseCoreS: 0.04, gcPauseShareCore: 0.02, writebackStallSPerMiBps: 0.0001, writebackStallSharePerMiBps: 0.0002, segmentRollS: 0, fetchFixedS: 0.001, fetcherSPerMiB: 0.01, replicaFetchers: 2 },
  });
  const routes = resolveRoutes(snapshot);
  const v = resolveVariability(snapshot, routes, variabilityBuffers(routes), new Float64Array(18));

  it('a leader pause or write-back stall: probability and mean', () => {
    // Broker 0 writes 24 MiB/s: φ = 0.02/4 = 0.005, D = 10 ms; w = 0.0048, D_w = 2.4 ms.
    const { p, mean } = moments((u) => stallS(v, 0, 0, u));
    expect(p).toBeCloseTo(0.005 + 0.0048, 6);
    expect(Math.abs(mean / (0.005 * 0.01 + 0.0048 * 0.0024) - 1)).toBeLessThan(1e-3);
  });

  it('a fetch cycle in progress: probability and mean', () => {
    // Leader 0 → follower 1: 24 MiB/s over 2 threads, busy ρ_f = 0.12; C = (1 + 1) ms / 0.88.
    const cycleS = 0.002 / 0.88;
    const busy = 1 - Math.exp((-routes.batchRate[0]! / 2) * cycleS);
    const { p, mean } = moments((u) => fetchCycleWaitS(v, 0, u));
    expect(p).toBeCloseTo(busy, 5);
    expect(Math.abs(mean / (busy * (0.001 / 2 + (cycleS - 0.001))) - 1)).toBeLessThan(1e-3);
  });
});
