// A `{ hot, share }` topic from the scenario to the report, in closed form: 100 partitions, hot
// 5 %, share 40 % at 100 MiB/s ask 8 MiB/s of each hot partition. On MSK Serverless the 5 MiB/s
// per-partition ingress quota (msk-facts.md §4b) holds each to exactly 5 MiB/s, so each hot
// partition's backlog grows at 3 MiB/s; the 95 cold ones (60/95 MiB/s each) are not throttled.
// On provisioned brokers the hot partitions' leaders are brokers 1–5, one each.
import { describe, expect, it } from 'vitest';
import { resolveAssumptions } from '../../src/catalog/index.js';
import { ClusterModel } from '../../src/model/simulation.js';
import { reportMarkdown } from '../../src/report/markdown.js';
import { buildServerlessConfig, runScenario } from '../../src/run/index.js';
import { loadScenario, type ResolvedScenario } from '../../src/scenario/index.js';

const TEN_MINUTES_S = 600;
const MIB = 1024 * 1024;
/** Producers that hold any backlog for the whole run: 64 GiB of buffer.memory, 1 h delivery.timeout.ms. */
const TOPIC = '{ name: t, partitions: 100, partitionSkew: { hot: 5%, share: 40% }, producers: [{ rate: 100MiB/s, bufferMemory: 64GiB, deliveryTimeout: 1h }] }';

function scenario(deployment: string): ResolvedScenario {
  const text = `
name: hot
duration: 10m
workload:
  topics:
    - ${TOPIC}
deployments:
  - ${deployment}
`;
  const loaded = loadScenario(text, 'hot.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.scenario;
}

const SERVERLESS = '{ name: sls, type: serverless, warmStart: false }';
const PROVISIONED = '{ name: m5, type: provisioned, brokerType: kafka.m5.2xlarge, brokers: 6, azs: 3, storage: { size: 1000GiB }, warmStart: false }';

describe('hot partitions on MSK Serverless', () => {
  it('throttles each hot partition to exactly 5 MiB/s; its backlog grows at 3 MiB/s', () => {
    const s = scenario(SERVERLESS);
    expect(s.workload.topics[0]!.partitionSkew).toEqual({ kind: 'hot', hotFraction: 0.05, share: 0.4 });
    const d = s.deployments[0];
    if (d?.type !== 'serverless') throw new Error('expected a serverless deployment');
    const model = new ClusterModel(buildServerlessConfig(s, d, resolveAssumptions(), { verify: true }));
    model.run();
    const { classes, producerBacklogMiB, appendRate } = model.state;
    expect(classes).toHaveLength(2);
    const hot = classes.findIndex((k) => k.count === 5);
    const cold = classes.findIndex((k) => k.count === 95);
    expect(appendRate[hot]).toBe(5);
    expect(model.drift.backlog[hot]).toBeCloseTo(3, 12);
    expect(producerBacklogMiB[hot]).toBeCloseTo(3 * TEN_MINUTES_S, 6);
    expect(appendRate[cold]).toBeCloseTo(60 / 95, 12);
    expect(producerBacklogMiB[cold]).toBe(0);
    // Into the cluster: 5 × 5 + 95 × 60/95 = 85 MiB/s.
    expect(model.usage.finish().producedIntoLeadersMiB).toBeCloseTo(85 * TEN_MINUTES_S, 6);
  });

  it('reports the hottest partition against the 5 MiB/s partition ingress quota', () => {
    const result = runScenario(scenario(SERVERLESS), { verify: true });
    const d = result.deployments[0]!;
    expect(d.binding.primary).toMatchObject({ kind: 'throttled', resource: 'partition ingress quota' });
    expect(d.topics).toHaveLength(1);
    expect(d.topics[0]).toEqual({
      topic: 't',
      partitions: 100,
      skew: 'hot',
      hotPartitions: 5,
      hotLeaders: [],
      hottestPartition: {
        partition: 0,
        leaderBroker: null,
        bytesPct: 8,
        peakDemandMiBps: 8,
        peakDemandAtS: 0,
        peakAcceptedMiBps: 5,
        maxBacklogBytes: 3 * TEN_MINUTES_S * MIB,
        ingressLimitMiBps: 5,
      },
    });
    const md = reportMarkdown(result, 'test');
    expect(md).toContain('| t | 100 | hot: 5 of 100 | 0 | 8.0 % | 160 % of 5 MiB/s | 8 MiB/s | 00:00 on day 1 | 5 MiB/s | 1.8 GiB |');
  });
});

describe('hot partitions on provisioned brokers', () => {
  it('names the brokers leading the hot partitions, and the hottest one is not throttled', () => {
    const result = runScenario(scenario(PROVISIONED), { verify: true });
    const d = result.deployments[0]!;
    const t = d.topics[0]!;
    expect(t.hotLeaders).toEqual([1, 2, 3, 4, 5].map((broker) => ({ broker, partitions: 1 })));
    expect(t.hottestPartition).toMatchObject({ partition: 0, leaderBroker: 1, bytesPct: 8, peakDemandMiBps: 8, peakAcceptedMiBps: 8, maxBacklogBytes: 0, ingressLimitMiBps: null });
    const md = reportMarkdown(result, 'test');
    expect(md).toContain('- t: its 5 hot partitions are led by brokers 1, 2, 3, 4, 5.');
  });
});
