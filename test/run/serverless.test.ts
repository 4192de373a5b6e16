// MSK Serverless through the fluid model (src/run/serverless-config.ts): the quotas throttle in
// closed form (msk-facts.md §4b: 200 MiB/s in and 400 MiB/s out per cluster, 5 and 10 MiB/s per
// partition), throttled produce becomes producer backlog and throttled fetches consumer lag, and
// the bill is worked by hand from the catalog's prices (msk-facts.md §4a).
import { describe, expect, it } from 'vitest';
import { resolveAssumptions } from '../../src/catalog/index.js';
import { FETCH } from '../../src/model/flows.js';
import { ClusterModel } from '../../src/model/simulation.js';
import { simulateCluster } from '../../src/model/run-cluster.js';
import { bindingSentence } from '../../src/report/wording.js';
import { buildServerlessConfig, runScenario, type ServerlessResult } from '../../src/run/index.js';
import { loadScenario, type ResolvedScenario } from '../../src/scenario/index.js';

const TEN_MINUTES_S = 600;

/** Producers that hold any backlog for the whole run: 64 GiB of buffer.memory, 1 h delivery.timeout.ms. */
function scenario(topic: string, extra = ''): ResolvedScenario {
  const text = `
name: sls
duration: 10m
workload:
  topics:
    - ${topic}
deployments:
  - { name: sls, type: serverless, warmStart: false }
${extra}`;
  const loaded = loadScenario(text, 'sls.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.scenario;
}

const PATIENT = 'bufferMemory: 64GiB, deliveryTimeout: 1h';

function simulate(s: ResolvedScenario) {
  const d = s.deployments[0];
  if (d?.type !== 'serverless') throw new Error('expected a serverless deployment');
  return simulateCluster(buildServerlessConfig(s, d, resolveAssumptions(), { verify: true }));
}

describe('MSK Serverless quotas', () => {
  it('holds 250 MiB/s offered to 200 MiB/s of ingress; the backlog grows at 50 MiB/s', () => {
    // 100 partitions at 2.5 MiB/s each: below the 5 MiB/s partition quota, so only the cluster's binds.
    const run = simulate(scenario(`{ name: t, partitions: 100, producers: [{ rate: 250MiB/s, ${PATIENT} }] }`));
    expect(run.usage.producedIntoLeadersMiB).toBeCloseTo(200 * TEN_MINUTES_S, 6);
    expect(run.totals.producerBacklogEndMiB).toBeCloseTo(50 * TEN_MINUTES_S, 6);
    expect(run.totals.clientLostMiB).toBe(0);
    expect(run.usage.replicatedMiB).toBe(0);
    const result = runScenario(scenario(`{ name: t, partitions: 100, producers: [{ rate: 250MiB/s, ${PATIENT} }] }`), { verify: true }).deployments[0]!;
    expect(result.binding.primary).toMatchObject({ kind: 'throttled', resource: 'cluster ingress quota' });
    expect(bindingSentence(result.binding, 0)).toMatch(/^The cluster ingress quota at 00:00 on day 1 limited produce/);
  });

  it('gives a single partition offered 8 MiB/s its 5 MiB/s', () => {
    const run = simulate(scenario(`{ name: t, partitions: 1, producers: [{ rate: 8MiB/s, ${PATIENT} }] }`));
    expect(run.usage.producedIntoLeadersMiB).toBeCloseTo(5 * TEN_MINUTES_S, 6);
    expect(run.totals.producerBacklogEndMiB).toBeCloseTo(3 * TEN_MINUTES_S, 6);
    const result = runScenario(scenario(`{ name: t, partitions: 1, producers: [{ rate: 8MiB/s, ${PATIENT} }] }`)).deployments[0]!;
    expect(result.binding.primary).toMatchObject({ kind: 'throttled', resource: 'partition ingress quota' });
  });

  it('shares 400 MiB/s of egress among three groups asking for 450: 133.33 each, lag for the rest', () => {
    // 60 partitions at 2.5 MiB/s: 7.5 MiB/s of fetches per partition, below the 10 MiB/s quota.
    const groups = 'consumerGroups: [{ name: a }, { name: b }, { name: c }]';
    const s = scenario(`{ name: t, partitions: 60, producers: [{ rate: 150MiB/s }], ${groups} }`);
    const d = s.deployments[0];
    if (d?.type !== 'serverless') throw new Error('expected a serverless deployment');
    const model = new ClusterModel(buildServerlessConfig(s, d, resolveAssumptions(), { verify: true }));
    model.run();
    const perGroup = [0, 0, 0];
    const { flows, alloc } = model;
    for (let f = 0; f < flows.net.flowCount; f++) {
      if (flows.kind[f] === FETCH) perGroup[flows.slot[f]!]! += alloc.rate[f]! * flows.net.multiplicity[f]!;
    }
    for (const rate of perGroup) expect(rate).toBeCloseTo(400 / 3, 9);
    expect(model.usage.finish().fetchedMiB).toBeCloseTo(400 * TEN_MINUTES_S, 6);
    // Each group falls behind at 150 − 133.33 = 16.67 MiB/s.
    let lagMiB = 0;
    for (let c = 0; c < model.state.classes.length; c++) {
      for (let g = 0; g < 3; g++) lagMiB += model.state.consumerLagMiB[c * model.state.groupSlots + g]! * model.state.classes[c]!.count;
    }
    expect(lagMiB).toBeCloseTo(50 * TEN_MINUTES_S, 6);
    expect(model.usage.finish().producedIntoLeadersMiB).toBeCloseTo(150 * TEN_MINUTES_S, 6);
  });

  it('does not count replication against the quotas: RF 3 and RF 1 move the same bytes', () => {
    const rf3 = simulate(scenario(`{ name: t, partitions: 100, replicationFactor: 3, producers: [{ rate: 250MiB/s, ${PATIENT} }] }`));
    expect(rf3.usage.producedIntoLeadersMiB).toBeCloseTo(200 * TEN_MINUTES_S, 6);
    expect(rf3.usage.replicatedMiB).toBe(0);
  });
});

/** 10 MiB/s for a day into 12 partitions, 1 day retained, one tail group, on Serverless. */
function billMonth(extra: string): ServerlessResult {
  const text = `
name: bill
duration: 1d
workload:
  topics:
    - { name: t, partitions: 12, retention: 1d, producers: [{ rate: 10MiB/s }], consumerGroups: [{ name: g }] }
deployments:
  - { name: sls, type: serverless }
${extra}`;
  const loaded = loadScenario(text, 'bill.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return runScenario(loaded.scenario, { verify: true }).deployments[0] as ServerlessResult;
}

describe('MSK Serverless bill', () => {
  it('matches a month worked by hand from the catalog prices, to the cent', () => {
    // 10 MiB/s for a day into 12 partitions, 1 day retained (warm start: full from t = 0), one
    // tail group. Per 730-hour month (× 730 / 24):
    //   cluster-hours   730                                   × $0.75    =   $547.50
    //   partition-hours 12 × 730 = 8,760                      × $0.0015  =    $13.14
    //   data in         10 × 86,400 / 1,024 = 843.75 GiB/day → 25,664.0625 GiB × $0.10 = $2,566.40625
    //   data out        the same 25,664.0625 GiB              × $0.05    = $1,283.203125
    //   storage         843.75 GiB held all month             × $0.10    =    $84.375
    //   total                                                              $4,494.624375 → $4,494.62
    const d = billMonth('');
    expect(d.type).toBe('serverless');
    expect(d.usage).toEqual({ clusterHours: 730, partitionHours: 8760, dataInGiB: 25_664.0625, dataOutGiB: 25_664.0625, storageGiBMonth: 843.75, crossAzGiB: 0 });
    const amounts = Object.fromEntries(d.bill.lines.map((l) => [l.item, l.amountUsd]));
    expect(amounts).toEqual({ 'Cluster-hours': 547.5, 'Partition-hours': 13.14, 'Data in': 2566.40625, 'Data out': 1283.203125, Storage: 84.375 });
    expect(Math.round(d.bill.totalUsd * 100) / 100).toBe(4494.62);
    // Assumed, not simulated: the lognormal through the assumed p50 (12 ms) and p99 (50 ms).
    expect(d.latency?.estimate).toMatchObject({ mode: 'assumed', publishLatency50pct: 12, publishLatency99pct: 50, endToEndLatency99pct: 55 });
    expect(d.latencyNote).toMatch(/latency is assumed, not simulated/);
  });

  it('bills cross-AZ client traffic only as the assumption serverless.crossAzClientFraction says (0 by default)', () => {
    const d = billMonth('assumptions: { serverless.crossAzClientFraction: 0.5 }');
    // Half of 25,664.0625 GiB in plus 25,664.0625 GiB out, at $0.02 a GiB.
    expect(d.usage.crossAzGiB).toBe(25_664.0625);
    expect(d.bill.lines.find((l) => l.item === 'Cross-AZ client traffic')?.amountUsd).toBeCloseTo(513.28125, 9);
  });
});
