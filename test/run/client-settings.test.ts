// Client settings written in a scenario reach both models: keyed records, max.in.flight and the
// consumers' fetch.min.bytes / fetch.max.wait.ms.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';

function run(producer: string, group: string) {
  const yaml = `name: clients
seed: 1
duration: 2h
workload:
  topics:
    - name: t
      partitions: 48
      producers: [{ rate: 8MiB/s${producer} }]
      consumerGroups: [{ name: g${group} }]
deployments:
  - { name: d, type: provisioned, brokerType: kafka.m5.xlarge, brokers: 3, azs: 3, storage: { size: 1000GiB } }
latency: { estimate: true, windows: [] }
`;
  const loaded = loadScenario(yaml, 'clients.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const d = runScenario(loaded.scenario).deployments[0]!;
  if (d.type !== 'provisioned') throw new Error('expected provisioned');
  return { latency: d.latency!.estimate!, cpu: d.brokerSummaries[0]!.cpu.meanPct };
}

describe('client settings from the scenario', () => {
  const base = run('', '');

  it('fetch.min.bytes 1 MiB holds each fetch until its window ends: end-to-end rises, publish does not', () => {
    // 8 MiB/s over 3 brokers: a consumer fetches 2.67 MiB/s from each, so 1 MiB takes 375 ms,
    // under fetch.max.wait.ms (500): deliveries wait a uniform share of 375 ms, 188 ms at the median.
    const held = run('', ', fetchMinBytes: 1MiB');
    expect(held.latency.endToEndLatency50pct! - base.latency.endToEndLatency50pct!).toBeGreaterThan(150);
    expect(held.latency.endToEndLatency50pct! - base.latency.endToEndLatency50pct!).toBeLessThan(225);
    expect(held.latency.publishLatency50pct).toBe(base.latency.publishLatency50pct);
    // fetch.max.wait.ms caps the window: 100 ms, so about 50 ms at the median.
    const capped = run('', ', fetchMinBytes: 1MiB, fetchMaxWait: 100ms');
    expect(capped.latency.endToEndLatency50pct! - base.latency.endToEndLatency50pct!).toBeGreaterThan(35);
    expect(capped.latency.endToEndLatency50pct! - base.latency.endToEndLatency50pct!).toBeLessThan(65);
  });

  it('keyed records: one request per broker per linger, against full batches under the sticky partitioner', () => {
    // Sticky: 8,192 records/s fill 16-record batches in 1.8 ms, inside linger: 512 requests/s.
    expect(base.latency.produceRequests / 7200).toBeCloseTo(512, 0);
    // Keyed: 16 partitions a broker at 171 records/s each close at linger (15 more would take
    // 88 ms), so each broker is drained every 5 ms: 3 × 200 = 600 requests/s, and more CPU.
    const keyed = run(', keyed: true', '');
    expect(keyed.latency.produceRequests / 7200 / 600).toBeCloseTo(1, 2);
    expect(keyed.cpu).toBeGreaterThan(base.cpu);
  });

  it('max.in.flight 1 makes producers wait for their connection', () => {
    const one = run(', keyed: true, linger: 0ms, maxInFlight: 1', '');
    const five = run(', keyed: true, linger: 0ms', '');
    expect(one.latency.publishLatency99pct!).toBeGreaterThan(five.latency.publishLatency99pct!);
  });
});
