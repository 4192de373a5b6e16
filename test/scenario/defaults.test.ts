// What a minimal scenario resolves to: every default filled, in msksim's units.
import { describe, expect, it } from 'vitest';
import { loadScenario, type ResolvedScenario } from '../../src/scenario/index.js';
import { fixtureText, loadFixture, loadText } from './fixtures.js';

function resolved(name: string): ResolvedScenario {
  const result = loadFixture(name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
}

describe('defaults', () => {
  it('fills every default of a minimal scenario', () => {
    const { hash, ...scenario } = resolved('minimal.yaml');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(scenario).toEqual({
      name: 'minimal',
      description: '',
      seed: 1,
      durationS: 7 * 86_400,
      startEpochS: 1_704_067_200,
      region: 'us-east-1',
      pricing: { discountFraction: 0, overrides: {} },
      workload: {
        topics: [
          {
            name: 'payments',
            partitions: 12,
            replicationFactor: 3,
            minInsyncReplicas: 2,
            retentionS: 7 * 86_400,
            retentionGiBPerPartition: null,
            messageSize: { kind: 'fixed', meanBytes: 1024 },
            compressionRatio: 1,
            partitionSkew: { kind: 'uniform' },
            cleanupPolicy: 'delete',
            producers: [
              { load: { kind: 'rate', rateMiBps: 10 }, profile: [], instances: 1, acks: 'all', batchSizeBytes: 16_384, lingerS: 0.005, bufferMemoryBytes: 33_554_432, deliveryTimeoutS: 120, keyed: false, maxInFlight: 5 },
            ],
            consumerGroups: [],
          },
        ],
      },
      deployments: [
        {
          type: 'provisioned',
          name: 'm5l-x3',
          brokerType: 'kafka.m5.large',
          brokers: 3,
          azs: 3,
          storage: { sizeGiB: 8192, provisionedThroughputMiBps: null, autoExpand: null },
          warmStart: true,
          replicaFetchers: null,
        },
      ],
      clients: { azs: null },
      assumptionOverrides: {},
      latency: { estimate: true, windows: [{ kind: 'peak', durationS: 10 }] },
      slo: {},
      output: { intervalS: 60, formats: ['json', 'md'] },
      fileName: 'minimal.yaml',
    });
  });

  it('defaults minInsyncReplicas to 1 below RF 3', () => {
    const text = fixtureWith('      partitions: 12\n', '      partitions: 12\n      replicationFactor: 2\n');
    const result = loadText(text);
    expect(result.ok && result.scenario.workload.topics[0]?.minInsyncReplicas).toBe(1);
  });

  it('converts msg/s with the mean message size', () => {
    const text = fixtureWith('rate: 10MiB/s', 'rate: 2048msg/s').replace('partitions: 12\n', 'partitions: 12\n      messageSize: 512B\n');
    const result = loadText(text);
    expect(result.ok && result.scenario.workload.topics[0]?.producers[0]?.load).toEqual({ kind: 'rate', rateMiBps: 1 });
  });

  it('normalises decimal and binary units', () => {
    const text = fixtureWith('rate: 10MiB/s', 'rate: 1048576B/s').replace('size: 8TiB', 'size: 1TiB');
    const result = loadText(text);
    if (!result.ok) throw new Error('expected ok');
    expect(result.scenario.workload.topics[0]?.producers[0]?.load).toEqual({ kind: 'rate', rateMiBps: 1 });
    const d = result.scenario.deployments[0];
    expect(d?.type === 'provisioned' && d.storage.sizeGiB).toBe(1024);
  });

  it('fills autoExpand defaults when the block is present', () => {
    const result = loadText(fixtureWith('storage: { size: 8TiB }', 'storage: { size: 8TiB, autoExpand: {} }'));
    const d = result.ok ? result.scenario.deployments[0] : undefined;
    expect(d?.type === 'provisioned' && d.storage.autoExpand).toEqual({ targetFraction: 0.6, maxSizeGiB: 16_384 });
  });

  it('places a time-of-day replay relative to the start', () => {
    const groups = `      consumerGroups:\n        - name: nightly\n          replay: { at: 02:00, rewind: 6h, rate: 50MiB/s }\n`;
    const text = `start: 2024-01-01T12:00:00Z\n${fixtureWith('deployments:\n', `${groups}deployments:\n`)}`;
    const result = loadText(text);
    expect(result.ok && result.scenario.workload.topics[0]?.consumerGroups[0]).toEqual({
      name: 'nightly',
      mode: { kind: 'replay', firstStartS: 14 * 3600, everyS: null, rewindS: 21_600, rateMiBps: 50 },
      rackAware: false,
      instances: 1,
      fetchMinBytes: 1,
      fetchMaxWaitS: 0.5,
    });
  });

  it('resolves the full example with traces, profiles and every consumer mode', () => {
    const s = resolved('valid-full.yaml');
    expect(s.workload.topics.map((t) => t.name)).toEqual(['payments', 'audit']);
    expect(s.pricing.discountFraction).toBeCloseTo(0.1, 12);
    expect(s.workload.topics[0]?.consumerGroups.map((g) => g.mode.kind)).toEqual(['tail', 'lagging', 'replay']);
    expect(s.workload.topics[1]?.producers[0]?.load).toEqual({
      kind: 'trace',
      file: 'traces/bytes-in.csv',
      points: [
        { timeS: 0, rateMiBps: 1 },
        { timeS: 60, rateMiBps: 2 },
        { timeS: 120, rateMiBps: 1 },
      ],
      durationS: 180,
      interpolation: 'step',
      afterEnd: 'repeat',
    });
  });
});

function fixtureWith(old: string, replacement: string): string {
  const text = fixtureText('minimal.yaml');
  if (!text.includes(old)) throw new Error(`fixture lacks ${old}`);
  return text.replace(old, replacement);
}

describe('latency windows', () => {
  it('resolves named and explicit windows, named ones with windowDuration', () => {
    const text = `
name: t
duration: 7d
latency:
  windows: [ peak, bucket-empty, { at: 3d12h, duration: 5m }, { at: 1d } ]
  windowDuration: 30s
workload: { topics: [ { name: t, partitions: 3, producers: [ { rate: 1MiB/s } ] } ] }
deployments: [ { name: d, type: provisioned, brokerType: kafka.m5.large, brokers: 3, azs: 3, storage: { size: 100GiB } } ]
`;
    const loaded = loadScenario(text, 't.yaml', { readFile: () => '' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.latency.windows).toEqual([
      { kind: 'peak', durationS: 30 },
      { kind: 'bucket-empty', durationS: 30 },
      { kind: 'at', atS: 3 * 86_400 + 12 * 3600, durationS: 300 },
      { kind: 'at', atS: 86_400, durationS: 30 },
    ]);
  });

  it('locates a window outside the horizon', () => {
    const text = `
duration: 1d
latency: { windows: [ { at: 2d } ] }
workload: { topics: [ { name: t, partitions: 3, producers: [ { rate: 1MiB/s } ] } ] }
deployments: [ { name: d, type: provisioned, brokerType: kafka.m5.large, brokers: 3, azs: 3, storage: { size: 100GiB } } ]
`;
    const loaded = loadScenario(text, 't.yaml', { readFile: () => '' });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors[0]).toMatchObject({ line: 3, path: 'latency.windows[0].at' });
  });
});
