// The model's broker capacities come from the catalog and the assumptions. Checked against the
// numbers of the AWS pages (msk-facts.md §1c), not against the catalog itself:
// kafka.m5.large — network 0.75 Gbps baseline, 10 Gbps burst (EC2 general-purpose-instances);
// EBS 81.25 MB/s baseline, 593.75 MB/s maximum for 30 minutes per 24 h (ebs-optimized.md);
// kafka.t3.small — 2 vCPUs at a 20 % baseline each, at most 576 CPU credits
// (burstable-credits-baseline-concepts.md).
import { describe, expect, it } from 'vitest';
import { resolveAssumptions } from '../../src/catalog/index.js';
import { buildModelConfig } from '../../src/run/index.js';
import { CPU } from '../../src/model/resources.js';
import { simulate } from './simulate.js';
import { loadScenario, type ResolvedProvisionedDeployment, type ResolvedScenario } from '../../src/scenario/index.js';

function provisioned(s: ResolvedScenario): ResolvedProvisionedDeployment {
  const d = s.deployments[0];
  if (d?.type !== 'provisioned') throw new Error('expected a provisioned deployment');
  return d;
}

function scenario(brokerType: string, rate = '1MiB/s'): ResolvedScenario {
  const text = `
name: t
duration: 1d
workload:
  topics:
    - name: t
      partitions: 6
      producers: [ { rate: ${rate} } ]
deployments:
  - { name: d, type: provisioned, brokerType: ${brokerType}, brokers: 3, azs: 3, storage: { size: 500GiB }, warmStart: false }
`;
  const loaded = loadScenario(text, 't.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.scenario;
}

describe('buildModelConfig', () => {
  it('gives a kafka.m5.large its EC2 network and EBS buckets', () => {
    const s = scenario('kafka.m5.large');
    const c = buildModelConfig(s, provisioned(s), resolveAssumptions());
    // Gbps × 125 = MiB/s (the catalog's convention); 10 minutes at burst (assumption).
    expect(c.broker.networkInMiBps).toEqual({ baseline: 93.75, burst: 1250, size: (1250 - 93.75) * 600, earnFraction: 1 });
    // 30 minutes at the maximum above the baseline.
    expect(c.broker.ebsMiBps).toEqual({ baseline: 81.25, burst: 593.75, size: (593.75 - 81.25) * 1800, earnFraction: 1 });
    expect(c.broker.volumeThroughputMiBps).toBe(250);
    expect(c.broker.cpuCores).toMatchObject({ baseline: 2, burst: 2, size: 0 });
  });

  it('gives a kafka.t3.small its CPU credits and applies assumption overrides', () => {
    const s = scenario('kafka.t3.small');
    const c = buildModelConfig(s, provisioned(s), resolveAssumptions({ 'ebs.burstMinutesAtMax': 60 }));
    expect(c.broker.cpuCores).toEqual({ baseline: 0.4, burst: 2, size: 576 * 60, earnFraction: 1 });
    expect(c.broker.ebsMiBps.size).toBeCloseTo((260.62 - 21.75) * 3600, 6);
  });
});

describe('t3 CPU credits', () => {
  it('run out when a t3.small works above its 20 % baseline, at the closed-form time', () => {
    // 1 MiB/s per broker appended at 0.6 core·s/MiB as leader and follower (RF 3 on 3 brokers:
    // 3 MiB/s written per broker) = 1.8 cores; credits drain at 1.8 − 0.4 = 1.4 core-s/s from
    // 576 × 60 = 34,560 core-s: empty at 24,685.7 s.
    const s = scenario('kafka.t3.small', '3MiB/s');
    const assumptions = resolveAssumptions({
      'cpu.coreSecondsPerMiBProduced': 0.6,
      'cpu.coreSecondsPerMiBReplicated': 0.6,
      'cpu.coreSecondsPerMiBFetched': 0,
      'cpu.coreSecondsPerRequest': 0,
    });
    const sim = simulate({ ...buildModelConfig(s, provisioned(s), assumptions), verify: true, latency: null });
    const empty = sim.timeline.filter((e) => e.kind === 'bucket-empty' && e.resource === CPU);
    expect(empty).toHaveLength(3);
    expect(empty[0]!.timeS).toBeCloseTo(34_560 / 1.4, 3);
    // Then CPU is held at the 0.4-core baseline: CpuUser 20 % of 2 vCPUs, and produce throttles.
    expect(sim.util.firstThrottle).toMatchObject({ resource: 3, bucketEmpty: true });
    const cpu = sim.series.broker.CpuUser[0]!;
    expect(cpu[cpu.length - 1]).toBeCloseTo(20, 6);
    expect(sim.producerBacklogMiB).toBeGreaterThan(0);
  });
});

describe('latency parameters', () => {
  it('take round trips and per-request CPU from the assumptions and handler threads from MSK defaults, overridable', () => {
    const s = scenario('kafka.m5.4xlarge');
    const defaults = buildModelConfig(s, provisioned(s), resolveAssumptions());
    // MSK bestpractices.html: num.io.threads 16 on 4xlarge brokers.
    expect(defaults.latency?.params).toMatchObject({ ioThreads: 16, rttSameAzS: 0.0002, rttCrossAzS: 0.001, cpuSecondsPerRequest: 0.0001 });
    const custom = buildModelConfig(s, provisioned(s), resolveAssumptions({ 'broker.ioThreads': 32, 'network.rttCrossAzS': 0.002 }));
    expect(custom.latency?.params).toMatchObject({ ioThreads: 32, rttCrossAzS: 0.002 });
  });

  it("take num.replica.fetchers from the deployment, MSK's default configuration (2) otherwise", () => {
    const s = scenario('kafka.m5.4xlarge');
    expect(buildModelConfig(s, provisioned(s), resolveAssumptions()).latency?.params.replicaFetchers).toBe(2);
    const four = { ...provisioned(s), replicaFetchers: 4 };
    expect(buildModelConfig(s, four, resolveAssumptions()).latency?.params.replicaFetchers).toBe(4);
  });
});
