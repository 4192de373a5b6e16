// Real tails (issue 10): in every hour with at least 10⁴ produce requests, p50 < p95 < p99 <
// p99.9 strictly, for publish and end-to-end latency: on the bundled scenarios (the 30-day
// reference, payments on m5.xlarge, the m5.large burst, 2 days each) and on seeded random
// clusters estimated as an hour under one snapshot (the fewest samples an hour gets).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, RandomStreams } from '../../src/engine/index.js';
import { estimateLatency } from '../../src/latency/estimate.js';
import type { HourLatency } from '../../src/model/latency-recorder.js';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { atUtilisation, ringGroups, type ClusterSpec } from './fixtures.js';

const MIN_REQUESTS = 1e4;

function hoursOf(name: string, durationS: number): HourLatency[] {
  const path = new URL(`../../scenarios/${name}.yaml`, import.meta.url);
  const loaded = loadScenario(readFileSync(path, 'utf8'), `${name}.yaml`, { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return runScenario({ ...loaded.scenario, durationS }).deployments.flatMap((d) => d.latency?.hourly ?? []);
}

function strictlyOrdered(h: HourLatency): string | null {
  const publish = [h.publishLatency50pct, h.publishLatency95pct, h.publishLatency99pct, h.publishLatency999pct];
  const endToEnd = [h.endToEndLatency50pct, h.endToEndLatency95pct, h.endToEndLatency99pct, h.endToEndLatency999pct];
  for (const list of [publish, endToEnd]) {
    if (list.some((v) => v === null)) continue;
    for (let i = 1; i < list.length; i++) if (!(list[i]! > list[i - 1]!)) return `hour ${h.hour}: ${JSON.stringify({ publish, endToEnd })}`;
  }
  return null;
}

describe('percentiles are strictly ordered in every busy hour', () => {
  it.each([
    ['reference', 30 * 86_400],
    ['payments-m5xl', 2 * 86_400],
    ['burst-m5large', 2 * 86_400],
  ])('%s', (name, durationS) => {
    const hours = hoursOf(name, durationS).filter((h) => h.produceRequests >= MIN_REQUESTS);
    expect(hours.length).toBeGreaterThan(0);
    expect(hours.map(strictlyOrdered).filter((s) => s !== null)).toEqual([]);
  });

  it('on 40 random clusters, an hour under one snapshot', () => {
    const rng = new RandomStreams(11).stream('test/tails');
    const failures: string[] = [];
    for (let k = 0; k < 40; k++) {
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
      const brokers = pick([3, 6, 9]);
      const spec: ClusterSpec = {
        brokers,
        azs: 3,
        netInMiBps: pick([75, 150, 300]),
        netOutMiBps: pick([75, 150, 300]),
        ebsMiBps: 250,
        cpuCores: pick([2, 4, 8]),
        groups: ringGroups(brokers, pick([1, 2, 3]), {
          count: pick([4, 24]),
          acks: pick(['0', '1', 'all'] as const),
          lingerS: pick([0, 0.001, 0.005, 0.02]),
          batchSizeBytes: pick([16384, 262144]),
          messageBytes: pick([200, 1024, 10240]),
          consumerGroups: pick([0, 1, 3]),
          producerInstances: pick([1, 6]),
        }),
      };
      const rho = 0.05 + 0.75 * rng.next();
      const snapshot = atUtilisation(spec, rho);
      const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
      // 512 samples for the hour, as latency-recorder.ts gives an hour under one snapshot.
      estimateLatency(snapshot, { rng, weight: 3600, samples: 512 }, into);
      if (into.publish.count < MIN_REQUESTS) continue;
      const q = (h: LatencyHistogram): number[] => [0.5, 0.95, 0.99, 0.999].map((p) => h.quantile(p));
      for (const [name, h] of [['publish', into.publish], ['end-to-end', into.endToEnd]] as const) {
        if (h.count === 0) continue;
        const v = q(h);
        if (!(v[0]! < v[1]! && v[1]! < v[2]! && v[2]! < v[3]!)) failures.push(`cluster ${k} ρ ${rho.toFixed(2)} ${name}: ${v.map((x) => (x * 1e3).toFixed(3)).join(' ')} ms`);
      }
    }
    expect(failures).toEqual([]);
  });
});
