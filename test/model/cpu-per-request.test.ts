// Per-request CPU in the throughput model: a leader's CPU carries cpu.coreSecondsPerRequest for
// every produce request, at the request size the latency layer's batches have at the topic's
// rate — so CpuUser and the request handlers of the latency model carry the same work.
// Closed forms: one producer instance writes the whole topic (the sticky partitioner), 1 KiB
// records, batch.size 16 KiB (16 records), linger.ms 5.
import { describe, expect, it } from 'vitest';
import { produceCpuPerMiB } from '../../src/model/demand.js';
import { batchSpanS } from '../../src/latency/accumulator.js';
import { resolveRoutes } from '../../src/latency/routes.js';
import { config, topic } from './fixtures.js';
import { simulate } from './simulate.js';
import { snapshotOf, group } from '../latency/fixtures.js';

const PER_MIB = 0.01;
const PER_REQUEST = 0.001;
const CORES = 64;

function cpuPctPerBroker(totalMiBps: number, partitions = 3, keyed = false): number {
  const t = topic(totalMiBps, { partitions, replicationFactor: 1, minInsyncReplicas: 1, groups: 0 });
  const sim = simulate(
    config({
      brokers: 3,
      durationS: 600,
      cpu: { coreSecondsPerMiBProduced: PER_MIB, coreSecondsPerMiBReplicated: 0, coreSecondsPerMiBFetched: 0, coreSecondsPerRequest: PER_REQUEST },
      topics: [{ ...t, producers: t.producers.map((p) => ({ ...p, keyed })) }],
    }),
  );
  const cpu = sim.series.broker.CpuUser[0]!;
  return cpu[cpu.length - 1]!;
}

describe('per-request CPU in the throughput model', () => {
  it('full batches: 30 MiB/s in 16-record requests is 1,920 requests a second', () => {
    // 30,720 records/s fill 15 more records in 0.49 ms, well inside linger: every batch is full.
    // Per broker (one partition each): 10 MiB/s × 0.01 + 640 requests/s × 0.001 = 0.74 cores.
    expect(cpuPctPerBroker(30)).toBeCloseTo((0.74 / CORES) * 100, 4);
  });

  it('linger-bound batches: at 0.3 MiB/s a request carries 1 + λ·linger records', () => {
    // 307.2 records/s: a batch closes at linger with 1 + 307.2 × 0.005 = 2.536 records, so
    // 121.1 requests/s in all, 40.4 per broker: 0.001 + 0.0404 cores.
    const requestsPerBroker = 307.2 / 2.536 / 3;
    expect(cpuPctPerBroker(0.3)).toBeCloseTo(((0.1 * PER_MIB + requestsPerBroker * PER_REQUEST) / CORES) * 100, 3);
  });

  it('small requests cost more CPU per byte than full ones', () => {
    const c = config({ cpu: { coreSecondsPerMiBProduced: PER_MIB, coreSecondsPerMiBReplicated: 0, coreSecondsPerMiBFetched: 0, coreSecondsPerRequest: PER_REQUEST } });
    expect(produceCpuPerMiB(c, 0, 0.3)).toBeGreaterThan(produceCpuPerMiB(c, 0, 30));
    expect(produceCpuPerMiB({ ...c, cpu: { ...c.cpu, coreSecondsPerRequest: 0 } }, 0, 0.3)).toBe(PER_MIB);
  });

  it('charges the requests the latency layer sends: the same count at the same rate', () => {
    // The latency routes of one leader writing 10 MiB/s with the same producer settings.
    const snap = snapshotOf({ brokers: 3, azs: 3, netInMiBps: 1000, netOutMiBps: 1000, ebsMiBps: 1000, cpuCores: CORES, groups: [group(0, [], { count: 1, produceMiBps: 10, stickyProducerMiBps: 30 })] });
    const requestsPerS = resolveRoutes(snap).batchRate[0]!;
    const c = config({ cpu: { coreSecondsPerMiBProduced: 0, coreSecondsPerMiBReplicated: 0, coreSecondsPerMiBFetched: 0, coreSecondsPerRequest: 1 } });
    // With 1 core·s a request and nothing per byte, CPU per MiB × MiB/s is requests a second.
    expect(produceCpuPerMiB(c, 0, 30) * 10).toBeCloseTo(requestsPerS, 6);
  });

  it('keyed records: one request per broker per linger carries the batches of all its partitions', () => {
    // 12 partitions at 0.1 MiB/s each, 4 led per broker: each fills 102.4 records/s, far from
    // 16 records in 5 ms, so batches close at linger and the sender drains every partition of
    // a broker together: 200 requests/s per broker (not 4 × 102.4 / 1.512 = 271 batches/s).
    // CPU per broker: 0.4 MiB/s × 0.01 + 200 × 0.001 = 0.204 cores.
    expect(cpuPctPerBroker(1.2, 12, true)).toBeCloseTo((0.204 / CORES) * 100, 3);
    // Unkeyed, the one instance fills a single batch at 1,228.8 records/s: 7.144 records at
    // linger, 172 requests/s in all, 57.3 per broker — fewer requests than keyed.
    expect(cpuPctPerBroker(1.2, 12, false)).toBeCloseTo(((0.4 * PER_MIB + 1228.8 / 7.144 / 3 * PER_REQUEST) / CORES) * 100, 3);
  });

  it('keyed records: the latency routes send the requests the throughput model charges', () => {
    const keyedGroup = group(0, [], { count: 4, produceMiBps: 0.1, client: 0 });
    const snap = snapshotOf({ brokers: 3, azs: 3, netInMiBps: 1000, netOutMiBps: 1000, ebsMiBps: 1000, cpuCores: CORES, groups: [keyedGroup] });
    const routes = resolveRoutes(snap);
    // One request per batch span (linger, to 0.02 %: 15 records would take 146 ms).
    const cycleS = batchSpanS(102.4, 0.005, 16);
    expect(cycleS).toBeCloseTo(0.005, 5);
    expect(routes.batchRate[0]).toBeCloseTo(1 / cycleS, 9);
    // Each request carries 0.4 MiB/s ÷ 200 = 2,097 bytes: four partitions' batches of 1.512 records.
    expect(routes.batchBytes[0]).toBeCloseTo(0.4 * 1048576 * cycleS, 6);
    // And the throughput model charges that many requests (0.1 core·s each, nothing per byte).
    const c = config({
      brokers: 3,
      cpu: { coreSecondsPerMiBProduced: 0, coreSecondsPerMiBReplicated: 0, coreSecondsPerMiBFetched: 0, coreSecondsPerRequest: 0.1 },
    });
    const t = topic(1.2, { partitions: 12, replicationFactor: 1, minInsyncReplicas: 1, groups: 0 });
    const sim = simulate({ ...c, durationS: 60, topics: [{ ...t, producers: t.producers.map((p) => ({ ...p, keyed: true })) }] });
    const cpu = sim.series.broker.CpuUser[0]!;
    expect(((cpu[cpu.length - 1]! / 100) * CORES) / 0.1).toBeCloseTo(1 / cycleS, 6);
  });
});
