// A compacted topic stores compaction.retainedFraction of what delete retention would keep: its
// disks, the StoredBytes series and the storage bill scale by it, while the log that readers see
// (appends, deletions, lags, conservation) is the delete topic's. Checked against the same topic
// with cleanup.policy delete, run for run.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import type { ModelConfig } from '../../src/model/config.js';
import { createState } from '../../src/model/state.js';
import { TopicLoad } from '../../src/model/topic-load.js';
import { initialiseWarmStart, warmStartDiskGiB } from '../../src/model/warm-start.js';
import { resolveAssumptions } from '../../src/catalog/index.js';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import { config, topic } from './fixtures.js';
import { simulate } from './simulate.js';

const FRACTION = 0.3;

function pair(overrides: Partial<ModelConfig> = {}) {
  const base = { durationS: 2 * 3600, retention: 3600 };
  const make = (policy: 'delete' | 'compact') =>
    config({ durationS: base.durationS, compactionRetainedFraction: FRACTION, topics: [topic(20, { retentionS: base.retention, cleanupPolicy: policy })], ...overrides });
  return { del: make('delete'), compact: make('compact') };
}

describe('compacted topics (cleanupPolicy: compact)', () => {
  it('put retainedFraction of the delete topic\'s bytes on every disk; the log and its readers are unchanged', () => {
    const { del, compact } = pair();
    const a = simulate(del);
    const b = simulate(compact);
    for (let s = 0; s < a.series.cluster.StoredBytes.length; s++) {
      expect(b.series.cluster.StoredBytes[s]).toBeCloseTo(FRACTION * a.series.cluster.StoredBytes[s]!, 3);
    }
    // After one retention the window holds 20 MiB/s × 3600 s; compacted, 30 % of it.
    const last = a.series.cluster.StoredBytes.length - 1;
    expect(a.series.cluster.StoredBytes[last]! / 2 ** 20).toBeCloseTo(20 * 3600, 6);
    expect(b.series.cluster.StoredBytes[last]! / 2 ** 20).toBeCloseTo(FRACTION * 20 * 3600, 6);
    for (let r = 0; r < 6; r++) expect(b.state.disks.usedGiB(r)).toBeCloseTo(FRACTION * a.state.disks.usedGiB(r), 9);
    expect(b.usage.storedMiBSeconds).toBeCloseTo(FRACTION * a.usage.storedMiBSeconds, 3);
    // Readers see the same log: same appends, deletions, fetches.
    expect(b.totals.deletedMiB).toBeCloseTo(a.totals.deletedMiB, 6);
    expect(b.storedMiB).toBeCloseTo(a.storedMiB, 6);
    expect(b.usage.fetchedMiB).toBeCloseTo(a.usage.fetchedMiB, 6);
  });

  it('warm-starts with retainedFraction of one retention on the disks', () => {
    const { del, compact } = pair({ warmStart: true });
    const disks = (c: ModelConfig) => {
      const streams = new RandomStreams(c.seed);
      const state = createState(c, streams);
      const load = new TopicLoad(c, streams.stream('workload'));
      load.update(0);
      initialiseWarmStart(state, load);
      return warmStartDiskGiB(state);
    };
    const a = disks(del);
    const b = disks(compact);
    // 20 MiB/s × 3600 s × RF 3 over 6 brokers: 36,000 MiB each, 30 % of it compacted.
    for (let r = 0; r < 6; r++) {
      expect(a[r]! * 1024).toBeCloseTo(36_000, 6);
      expect(b[r]!).toBeCloseTo(FRACTION * a[r]!, 9);
    }
  });

  it('are not merged with a delete topic of the same shape', () => {
    const c = config({ topics: [topic(10, { name: 'a' }), topic(10, { name: 'b', cleanupPolicy: 'compact' })] });
    const run = simulate(c);
    expect(new Set(run.state.classes.map((k) => k.topic))).toEqual(new Set([0, 1]));
  });

  it('bill MSK Serverless storage at retainedFraction of the bytes retained', () => {
    const yaml = (policy: string) => `
name: compact
duration: 1d
workload:
  topics:
    - { name: t, partitions: 12, retention: 1d, cleanupPolicy: ${policy}, producers: [{ rate: 10MiB/s }] }
deployments:
  - { name: sls, type: serverless }
assumptions: { compaction.retainedFraction: 0.25 }
`;
    const run = (policy: string) => {
      const loaded = loadScenario(yaml(policy), 'c.yaml', { readFile: () => '' });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      const result = runScenario(loaded.scenario, { verify: true });
      expect(result.assumptions.entries.find((e) => e.id === 'compaction.retainedFraction')).toMatchObject({ value: 0.25, overridden: true });
      return result.deployments[0]!;
    };
    const del = run('delete');
    const compact = run('compact');
    if (del.type !== 'serverless' || compact.type !== 'serverless') throw new Error('expected serverless');
    // A warm start holds one day at 10 MiB/s throughout: 843.75 GiB, 25 % of it compacted.
    expect(del.usage.storageGiBMonth).toBeCloseTo((10 * 86_400) / 1024, 3);
    expect(compact.usage.storageGiBMonth).toBeCloseTo(0.25 * del.usage.storageGiBMonth, 3);
    expect(compact.cluster.storedBytesEnd).toBe(Math.round(0.25 * del.cluster.storedBytesEnd));
    expect(compact.usage.dataInGiB).toBe(del.usage.dataInGiB);
  });

  it('list compaction.retainedFraction among the assumptions every report carries', () => {
    expect(resolveAssumptions().entries.find((e) => e.id === 'compaction.retainedFraction')).toMatchObject({ value: 0.5, unit: 'fraction', overridden: false });
  });
});
