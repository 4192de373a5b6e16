// The burst scenario (scenarios/burst-m5large.yaml): three kafka.m5.large brokers ride their
// EBS burst credits through the afternoon peak until the bucket empties and writes fall to the
// 81.25 MB/s baseline. Produce latency must jump there: below capacity a request waits little;
// at the baseline the EBS queue is saturated and requests queue behind the backlog.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/index.js';
import { loadScenario } from '../../src/scenario/index.js';

const path = new URL('../../scenarios/burst-m5large.yaml', import.meta.url);
const loaded = loadScenario(readFileSync(path, 'utf8'), 'burst-m5large.yaml', { readFile: () => '' });
if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
const scenario = { ...loaded.scenario, durationS: 2 * 86_400 };
const latency = runScenario(scenario).deployments[0]!.latency!;

describe('latency when the EBS burst bucket empties', () => {
  const peak = latency.windows.find((w) => w.window === 'peak')!;
  const empty = latency.windows.find((w) => w.window === 'bucket-empty')!;

  it('finds both windows: the peak while credits last, and the moment the bucket empties', () => {
    expect(peak.startS).toBeLessThan(empty.startS);
    expect(empty.requestLevel.saturated.some((name) => /EBS/.test(name))).toBe(true);
    expect(peak.requestLevel.saturated).toEqual([]);
  });

  it('jumps produce p99 several times over when throughput falls to the baseline', () => {
    // Past the bucket the EBS queue runs at ρ = 1 for the whole window (the fluid model holds
    // writes at the baseline and the rest waits in producers): a critical queue, whose backlog
    // grows like a random walk — within 10 s tens of milliseconds of writes, against an
    // m5.large's light-load p99 of about 30 ms at the peak (its JVM-pause floor, SOURCES.md A1).
    // How fast it grows depends on how bursty the arrivals are, which the request handlers ahead
    // of it shape (busier handlers send on smoother streams), so the bound is 2×, not a figure.
    expect(peak.requestLevel.publishLatency99pct).not.toBeNull();
    expect(empty.requestLevel.publishLatency99pct!).toBeGreaterThan(2 * peak.requestLevel.publishLatency99pct!);
    expect(empty.requestLevel.publishLatency99pct!).toBeGreaterThan(50);
  });

  it('has the estimate agree with request-level at the unsaturated peak (p50 and p99 within 15 %)', () => {
    const rel = (a: number | null, b: number | null) => Math.abs(a! - b!) / b!;
    expect(rel(peak.estimate.publishLatency50pct, peak.requestLevel.publishLatency50pct)).toBeLessThan(0.15);
    expect(rel(peak.estimate.publishLatency99pct, peak.requestLevel.publishLatency99pct)).toBeLessThan(0.15);
  });
});

describe('the hourly estimate through the same afternoon', () => {
  it('jumps publish p99 once writes fall to the baseline and producers back up to their buffer', () => {
    const firstEmptyHour = Math.floor(latency.windows.find((w) => w.window === 'bucket-empty')!.startS / 3600);
    const before = latency.hourly[firstEmptyHour - 2]!;
    const after = latency.hourly[firstEmptyHour + 1]!;
    expect(before.saturatedSeconds).toBe(0);
    expect(after.saturatedSeconds).toBe(3600);
    expect(after.publishLatency99pct!).toBeGreaterThan(10 * before.publishLatency99pct!);
  });

  it('bounds the wait by buffer.memory: 32 MiB ahead of a record, drained at the EBS baseline', () => {
    // Three brokers write 3 × the produce rate (RF 3) at 81.25 MB/s each: produce drains at
    // 81.25 MB/s = 77.49 MiB/s, so a full 32 MiB buffer is 413 ms of waiting, plus the request's own path.
    const firstEmptyHour = Math.floor(latency.windows.find((w) => w.window === 'bucket-empty')!.startS / 3600);
    const after = latency.hourly[firstEmptyHour + 1]!;
    const bufferWaitMs = (32 / (81.25e6 / 2 ** 20)) * 1000;
    expect(after.publishLatency99pct!).toBeGreaterThan(bufferWaitMs);
    expect(after.publishLatency99pct!).toBeLessThan(bufferWaitMs + 100);
  });
});
