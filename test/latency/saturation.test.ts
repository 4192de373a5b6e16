// A resource at or beyond capacity has no stationary latency. Request-level mode still ends
// its window (bounded work) and names the resource; the estimate records nothing for the paths
// through it, still records the others, and names it too — unless the snapshot says to hold a
// saturated queue just below capacity (the per-interval estimate of a run), when every path is
// recorded and the queue is still named.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { resolveRoutes } from '../../src/latency/routes.js';
import { snapshotOf, group, type ClusterSpec } from './fixtures.js';

// Broker 0 leads an unreplicated group that alone needs 1.25× its network in; brokers 3–5
// carry a replicated group of their own.
const CLUSTER: ClusterSpec = {
  brokers: 6,
  azs: 3,
  netInMiBps: 100,
  netOutMiBps: 200,
  ebsMiBps: 500,
  cpuCores: 8,
  groups: [group(0, [], { count: 25, produceMiBps: 5 }), group(3, [4, 5], { count: 10, produceMiBps: 2 })],
};

describe('saturated resources', () => {
  const snapshot = snapshotOf(CLUSTER);

  it('request-level mode ends its window and reports the resource', () => {
    // 60 s at ρ = 1.25 leave 15 s of backlog, more than the 10 s the run drains for.
    const r = runRequestLevel(snapshot, { durationS: 60, warmupS: 1, rng: new RandomStreams(1).stream('latency/request-level'), maxRequests: 10_000_000 });
    expect(r.saturated).toEqual(['broker 1 network in']); // index 0, named from 1 as MSK numbers brokers
    expect(r.stoppedBy).toBe('duration');
    expect(r.unfinished).toBeGreaterThan(0);
    // What did finish behind the saturated queue waited longer and longer: seconds, not ms.
    expect(r.publish.max).toBeGreaterThan(1);
  });

  it('request-level mode stops at maxRequests', () => {
    const r = runRequestLevel(snapshot, { durationS: 20, warmupS: 1, rng: new RandomStreams(1).stream('latency/request-level'), maxRequests: 5000 });
    expect(r.requests).toBe(5000);
    expect(r.stoppedBy).toBe('maxRequests');
  });

  it('the estimate records only the unsaturated paths', () => {
    const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
    const result = estimateLatency(snapshot, { rng: new RandomStreams(1).stream('latency/estimate'), samples: 1000, weight: 1 }, into);
    expect(result.saturated).toEqual(['broker 1 network in']);
    // Counts are requests a second (weight 1 s): group 1's, a fifth of the total, within the
    // sampling noise of 1000 samples.
    const group1PerS = resolveRoutes(snapshot).batchRate[1]!;
    expect(into.publish.count).toBeGreaterThan(0.9 * group1PerS);
    expect(into.publish.count).toBeLessThan(1.1 * group1PerS);
    expect(into.publish.max).toBeLessThan(0.05);
  });

  it('with holdSaturatedAt the estimate records every path, holding the saturated queue just below capacity', () => {
    const held = { ...snapshot, holdSaturatedAt: 0.95 };
    const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
    const result = estimateLatency(held, { rng: new RandomStreams(1).stream('latency/estimate'), samples: 4000, weight: 1 }, into);
    // Still named: the time is counted, not hidden.
    expect(result.saturated).toEqual(['broker 1 network in']);
    // Both groups' requests are in the figures now (weight 1 s: counts are requests a second).
    const routes = resolveRoutes(snapshot);
    const allPerS = routes.batchRate[0]! + routes.batchRate[1]!;
    expect(into.publish.count).toBeGreaterThan(0.97 * allPerS);
    expect(into.publish.count).toBeLessThan(1.03 * allPerS);
    expect(Number.isFinite(into.publish.max)).toBe(true);
  });

  it('the held utilisation sets the wait at a saturated queue', () => {
    // Group 0 alone, its leader's network in at ρ = 1.25: held at 0.95 its batches wait about
    // ρ/(1 − ρ) = 19 service times, held at 0.6 about 1.5.
    const alone = snapshotOf({ ...CLUSTER, groups: [CLUSTER.groups[0]!] });
    const p50At = (hold: number): number => {
      const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
      estimateLatency({ ...alone, holdSaturatedAt: hold }, { rng: new RandomStreams(1).stream('latency/estimate'), samples: 4000, weight: 1 }, into);
      return into.publish.quantile(0.5);
    };
    const serviceS = resolveRoutes(alone).batchBytes[0]! / (CLUSTER.netInMiBps * 1024 * 1024);
    expect(p50At(0.95) - p50At(0.6)).toBeGreaterThan(3 * serviceS);
  });

  it('a saturated EBS holds up appends, leader and follower, and only them', () => {
    // Broker 1's EBS takes 10 MiB/s; it leads group 0 (acks=all) and follows group 1 (acks=0).
    const ebsBound = snapshotOf({
      ...CLUSTER,
      groups: [group(1, [2], { count: 10, produceMiBps: 0.8 }), group(0, [1], { count: 10, produceMiBps: 0.8, acks: '0' })],
    });
    ebsBound.ebsMiBps[1] = 10;
    const r = runRequestLevel(ebsBound, { durationS: 60, warmupS: 1, rng: new RandomStreams(1).stream('latency/request-level'), maxRequests: 10_000_000 });
    expect(r.saturated).toEqual(['broker 2 EBS throughput']);
    expect(r.queues.map((q) => q.name)).toContain('broker 2 EBS throughput');
    expect(r.unfinished).toBeGreaterThan(0);
    const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
    estimateLatency(ebsBound, { rng: new RandomStreams(1).stream('latency/estimate'), samples: 1000, weight: 1 }, into);
    // Only group 1's acks=0 publish (the leader's network in) is clear of broker 1's EBS.
    const group1PerS = resolveRoutes(ebsBound).batchRate[1]!;
    expect(into.publish.count).toBeCloseTo(group1PerS, -1);
    expect(into.endToEnd.count).toBe(0);
  });
});
