// Every latency assumption a scenario overrides reaches the latency layer: with JVM pauses and
// write-back stalls switched off, an m5.large's light-load p99 falls from its published floor
// (about 30 ms, SOURCES.md A1) to a few milliseconds.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';

function p99(assumptions: string): number {
  const yaml = `name: overrides
seed: 1
duration: 2h
workload:
  topics:
    - name: t
      partitions: 12
      producers: [{ rate: 8MiB/s }]
      consumerGroups: [{ name: g }]
deployments:
  - { name: d, type: provisioned, brokerType: kafka.m5.large, brokers: 3, azs: 3, storage: { size: 1000GiB } }
latency: { estimate: true, windows: [] }
${assumptions}`;
  const loaded = loadScenario(yaml, 'overrides.yaml', { readFile: () => '' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const latency = runScenario(loaded.scenario).deployments[0]!.latency!;
  return latency.estimate!.publishLatency99pct!;
}

describe('latency assumptions are overridable from the scenario', () => {
  it('JVM pauses and write-back stalls set to 0 take the m5.large tail away', () => {
    const calibrated = p99('');
    const without = p99('assumptions: { jvm.gcPauseCoreS: 0, jvm.gcPauseShareCore: 0, ebs.writebackStallSPerMiBps: 0, ebs.writebackStallSharePerMiBps: 0 }');
    expect(calibrated).toBeGreaterThan(20);
    expect(without).toBeLessThan(calibrated / 2);
  });
});
