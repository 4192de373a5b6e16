// MSK Express brokers through the fluid model (src/run/express-config.ts), against the published
// figures (msk-facts.md §5: express.m7g.large takes 15.6 MB/s sustained and 23.4 MB/s at most
// per broker, $0.408 an hour; $0.01 per GB written, $0.10 per GB-month retained) and closed forms.
import { describe, expect, it } from 'vitest';
import { runScenario, type ExpressResult } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';

function run(topic: string, deployment = '{ name: x, type: express, brokerType: express.m7g.large, brokers: 3, warmStart: false }', duration = '1d') {
  const text = `
name: express
duration: ${duration}
workload:
  topics:
    - ${topic}
deployments:
  - ${deployment}
latency: { estimate: false, windows: [] }
`;
  const loaded = loadScenario(text, 'express.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const d = runScenario(loaded.scenario, { verify: true }).deployments[0]! as ExpressResult;
  expect(d.type).toBe('express');
  return d;
}

const PATIENT = 'bufferMemory: 64GiB, deliveryTimeout: 1d';

describe('Express brokers', () => {
  it('throttle client ingress at the maximum: 1.2 × 3 × 23.4 MiB/s offered, 3 × 23.4 accepted', () => {
    const offered = 1.2 * 3 * 23.4;
    const d = run(`{ name: t, partitions: 6, producers: [{ rate: ${offered}MiB/s, ${PATIENT} }] }`, undefined, '1h');
    // Accepted: each broker's maximum (data written, scaled from the hour to the 730-hour
    // month); the rest backs up in the producers at 0.2 × 70.2 MiB/s.
    expect((d.usage.dataWrittenGiB * 1024) / (730 * 3600)).toBeCloseTo(3 * 23.4, 6);
    expect(d.cluster.producerBacklogBytesMax / 2 ** 20 / 3600).toBeCloseTo(offered - 3 * 23.4, 6);
    expect(d.binding.primary).toMatchObject({ kind: 'throttled', resource: 'network in' });
    // Utilisation is of the sustained 15.6 MiB/s: 23.4 / 15.6 = 150 %.
    expect(d.brokerSummaries[0]!.networkIn.maxPct).toBeCloseTo(150, 6);
  });

  it('allow traffic between the sustained and the maximum rate without throttling', () => {
    const d = run(`{ name: t, partitions: 6, producers: [{ rate: 60MiB/s }] }`, undefined, '1h');
    expect(d.cluster.throttledBytes).toBe(0);
    expect(d.brokerSummaries[0]!.networkIn.maxPct).toBeCloseTo((20 / 15.6) * 100, 6);
  });

  it('replicate out of the quotas: RF 3 costs no broker ingress, and topics run at RF 3 / minISR 2 with a note', () => {
    const d = run(`{ name: t, partitions: 6, replicationFactor: 1, producers: [{ rate: 30MiB/s }] }`, undefined, '1h');
    expect(d.brokerSummaries[0]!.networkIn.meanPct).toBeCloseTo((10 / 15.6) * 100, 6);
    expect(d.notes).toEqual(['topic t runs with replicationFactor 3 and minInsyncReplicas 2 on Express (it asks for 1 and 1): AWS fixes them']);
  });

  it('store one copy of the retained bytes: after 7 days at 10 MiB/s with 1 day of retention, 10 × 86,400 MiB', () => {
    const d = run(`{ name: t, partitions: 6, retention: 1d, producers: [{ rate: 10MiB/s }] }`, undefined, '7d');
    expect(d.cluster.storedBytesEnd / 2 ** 20).toBeCloseTo(10 * 86_400, 3);
    // Elastic storage: no disk fills.
    expect(d.brokerSummaries.every((b) => b.storage.usedPctMax < 0.001)).toBe(true);
  });

  it('matches a month worked by hand from the catalog prices, to the cent', () => {
    // 3 × express.m7g.large, 10 MiB/s constant, 1 day retained (warm start), no consumers;
    // clients spread over the 3 AZs, so 2/3 of the produced bytes cross an AZ.
    //   broker-hours   3 × 730 h × $0.408                                   =   $893.52
    //   data written   10 MiB/s × 2,628,000 s = 25,664.0625 GiB × $0.01      =   $256.640625
    //   storage        843.75 GiB retained all month × $0.10                =    $84.375
    //   cross-AZ       17,109.375 GiB × $0.02                               =   $342.1875
    //   total                                                                 $1,576.723125 → $1,576.72
    const d = run(`{ name: t, partitions: 12, retention: 1d, producers: [{ rate: 10MiB/s }] }`, '{ name: x, type: express, brokerType: express.m7g.large, brokers: 3 }');
    expect(d.usage).toEqual({ brokerHours: { 'express.m7g.large': 2190 }, dataWrittenGiB: 25_664.0625, storageGiBMonth: 843.75, crossAzGiB: 17_109.375 });
    const amounts = Object.fromEntries(d.bill.lines.filter((l) => l.amountUsd !== 0).map((l) => [l.item, l.amountUsd]));
    expect(amounts).toEqual({ 'express.m7g.large broker-hours': 893.52, 'Data written': 256.640625, Storage: 84.375, 'Cross-AZ client traffic': 342.1875 });
    expect(Math.round(d.bill.totalUsd * 100) / 100).toBe(1576.72);
  });

  it('queue requests and replication copies on the instance network in the latency layer, not on the client quota', () => {
    // 60 MiB/s over three express.m7g.large: 20 MiB/s of client ingress each, under the 23.4
    // maximum, but with two copies on top the quota alone would be 3 × oversubscribed. The
    // latency layer queues on the m7g.large's 0.937 Gbps (EC2 baseline) instead: nothing saturates.
    const text = `
name: express-latency
duration: 1h
workload: { topics: [{ name: t, partitions: 6, producers: [{ rate: 60MiB/s }] }] }
deployments: [{ name: x, type: express, brokerType: express.m7g.large, brokers: 3, warmStart: false }]
latency: { windows: [peak], windowDuration: 2s }
`;
    const loaded = loadScenario(text, 'express.yaml', { readFile: () => '' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const d = runScenario(loaded.scenario).deployments[0]! as ExpressResult;
    const peak = d.latency!.windows[0]!;
    expect(peak.requestLevel.saturated).toEqual([]);
    expect(peak.estimate.produceRequests).toBeGreaterThan(0);
    expect(Math.abs(peak.estimate.publishLatency99pct! - peak.requestLevel.publishLatency99pct!) / peak.requestLevel.publishLatency99pct!).toBeLessThan(0.15);
  });

  it("throttle a partition at AWS's published 15 MB/s per partition, before the broker's quota", () => {
    // 3 partitions at 20 MiB/s each, one led by each broker: under each broker's 23.4 maximum,
    // over the per-partition 15 — 45 MiB/s accepted, the backlog grows at 15 MiB/s.
    const d = run(`{ name: t, partitions: 3, producers: [{ rate: 60MiB/s, ${PATIENT} }] }`, undefined, '1h');
    expect((d.usage.dataWrittenGiB * 1024) / (730 * 3600)).toBeCloseTo(45, 6);
    expect(d.cluster.producerBacklogBytesMax / 2 ** 20 / 3600).toBeCloseTo(15, 6);
    expect(d.binding.primary).toMatchObject({ kind: 'throttled', resource: 'partition ingress quota' });
  });
});
