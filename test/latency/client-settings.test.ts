// Client settings on the latency path, in both modes, against their closed forms:
// - fetch.min.bytes: a fetch waits at the broker for a window W, and a delivery, arriving at a
//   random moment of it, waits a uniform share: W/2 at the median, 0.99·W at p99;
// - max.in.flight.requests.per.connection = c: a ready batch finds all c requests out with the
//   Erlang C probability at load λT (T the round trip), and waits for the first to return,
//   exponential with mean T/c; at c = 1 that is probability ρ = λT and mean T, so the mean wait
//   is ρT. Only when c requests of max.request.size (1 MiB) a round trip cannot carry the
//   connection's bytes is the client the limit, and it is named.
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { resolveRoutes } from '../../src/latency/routes.js';
import { resolveVariability, variabilityBuffers } from '../../src/latency/variability.js';
import type { LatencySnapshot, PartitionGroup } from '../../src/latency/snapshot.js';
import { group, QUIET, snapshotOf } from './fixtures.js';

function cluster(over: Partial<PartitionGroup>): LatencySnapshot {
  return snapshotOf({
    brokers: 3,
    azs: 3,
    netInMiBps: 1000,
    netOutMiBps: 1000,
    ebsMiBps: 1000,
    cpuCores: 64,
    groups: [group(0, [1, 2], { count: 4, produceMiBps: 0.5, ...over })],
    params: QUIET,
  });
}

function both(s: LatencySnapshot) {
  const estimate = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
  const rng = new RandomStreams(1).stream('latency/estimate');
  for (let call = 0; call < 100; call++) estimateLatency(s, { rng, weight: 1, samples: 256 }, estimate);
  const request = runRequestLevel(s, { durationS: 21, warmupS: 1, rng: new RandomStreams(1).stream('latency/request-level'), maxRequests: 1_000_000 });
  return [estimate, { publish: request.publish, endToEnd: request.endToEnd, saturated: request.saturated }] as const;
}

describe('fetch.min.bytes: a uniform share of the fetch window', () => {
  const W = 0.2;
  const without = both(cluster({}));
  const withWindow = both(cluster({ consumerFetchWindowsS: [W] }));

  it('adds W/2 at the median and 0.99·W at p99 of end-to-end latency, in both modes, and nothing to publish', () => {
    for (let mode = 0; mode < 2; mode++) {
      const a = without[mode]!;
      const b = withWindow[mode]!;
      expect(Math.abs(b.endToEnd.quantile(0.5) - a.endToEnd.quantile(0.5) - W / 2)).toBeLessThan(0.05 * (W / 2));
      expect(Math.abs(b.endToEnd.quantile(0.99) - a.endToEnd.quantile(0.99) - 0.99 * W)).toBeLessThan(0.05 * W);
    }
    // The estimate draws the window on a dimension of its own: publish latency is untouched.
    expect(withWindow[0].publish.quantile(0.5)).toBe(without[0].publish.quantile(0.5));
  });

  it('mixes the windows of several groups, each group as likely', () => {
    // Windows 0 and W: half the deliveries wait nothing, half a uniform share of W — p75 ≈ W/2.
    const mixed = both(cluster({ consumerFetchWindowsS: [0, W] }));
    for (let mode = 0; mode < 2; mode++) {
      const shift = mixed[mode]!.endToEnd.quantile(0.75) - without[mode]!.endToEnd.quantile(0.75);
      expect(Math.abs(shift - W / 2)).toBeLessThan(0.1 * (W / 2));
    }
  });
});

describe('max.in.flight.requests.per.connection', () => {
  it('at c = 1 adds ρT on average, in both modes', () => {
    // Keyed records, linger 0: every record is a request, 51.2 a second per partition, 204.8 on
    // the one connection; T (the acks=all round trip) comes from the routes.
    const over: Partial<PartitionGroup> = { lingerS: 0, client: 0, produceMiBps: 0.05 };
    const free = cluster({ ...over });
    const one = cluster({ ...over, maxInFlight: 1 });
    const routes = resolveRoutes(one);
    const v = resolveVariability(one, routes, variabilityBuffers(routes), new Float64Array(18));
    const rho = v.inFlightP[0]!; // Erlang C with one server is ρ
    const meanWait = v.inFlightP[0]! * v.inFlightMeanS[0]!;
    expect(rho).toBeGreaterThan(0.2);
    expect(rho).toBeLessThan(0.95);
    const T = v.inFlightMeanS[0]!;
    expect(routes.batchRate[0]! * T).toBeCloseTo(rho, 9);
    expect(meanWait).toBeCloseTo(rho * T, 12);
    const [eFree, rFree] = both(free);
    const [eOne, rOne] = both(one);
    expect(Math.abs(eOne.publish.mean - eFree.publish.mean - meanWait) / meanWait).toBeLessThan(0.05);
    expect(Math.abs(rOne.publish.mean - rFree.publish.mean - meanWait) / meanWait).toBeLessThan(0.1);
  });

  it('a connection busier than c round trips waits about T/c, without queueing behind itself', () => {
    const busy = cluster({ lingerS: 0, client: 0, maxInFlight: 2, produceMiBps: 1 });
    const routes = resolveRoutes(busy);
    const v = resolveVariability(busy, routes, variabilityBuffers(routes), new Float64Array(18));
    expect(routes.batchRate[0]! * v.inFlightMeanS[0]! * 2).toBeGreaterThan(2); // λT > c
    expect(v.inFlightP[0]).toBe(1);
    expect(v.inFlightHeld[0]).toBe(0); // 4 MiB/s fits in two 1 MiB requests a round trip
  });

  it('names the connection when c requests of max.request.size a round trip cannot carry its bytes', () => {
    // 600 MiB/s unreplicated on one connection 50 ms away with one request out: 30 MiB a round
    // trip, which no request of max.request.size (1 MiB) carries.
    const tight = snapshotOf({
      brokers: 3,
      azs: 3,
      netInMiBps: 1000,
      netOutMiBps: 1000,
      ebsMiBps: 1000,
      cpuCores: 64,
      groups: [group(0, [], { count: 4, produceMiBps: 150, client: 0, maxInFlight: 1, acks: '1', consumerGroups: 0 })],
      params: { ...QUIET, rttSameAzS: 0.05, rttCrossAzS: 0.05 },
    });
    const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
    const result = estimateLatency(tight, { rng: new RandomStreams(1).stream('latency/estimate'), weight: 1 }, into);
    expect(result.saturated).toContain('broker 1 producer connections (max.in.flight)');
    const request = runRequestLevel(tight, { durationS: 2, warmupS: 0.5, rng: new RandomStreams(1).stream('latency/request-level'), maxRequests: 100_000 });
    expect(request.saturated).toContain('broker 1 producer connections (max.in.flight)');
  });
});
