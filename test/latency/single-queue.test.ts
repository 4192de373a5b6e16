// A request-level run with one resource on the path — a leader's network in, acks=0, no
// round trips, no handler CPU, no replication or consumers — is a FIFO single-server queue
// fed by Poisson batches, and must reproduce the textbook means (Kleinrock 1975, Queueing
// Systems I: M/M/1 mean time in system 1/(μ − λ), eq. 3.26; M/D/1 mean wait ρ/(2μ(1 − ρ)),
// the Pollaczek–Khinchine formula with E[S²] = 1/μ², eq. 5.76).
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../src/engine/index.js';
import { runRequestLevel } from '../../src/latency/request-level.js';
import { MIB } from '../../src/latency/routes.js';
import type { LatencySnapshot, PartitionGroup } from '../../src/latency/snapshot.js';
import { QUIET } from './fixtures.js';

const NET_IN_MIBPS = 100;

function oneQueue(batches: { bytes: number; perS: number }[]): LatencySnapshot {
  const groups: PartitionGroup[] = batches.map(({ bytes, perS }) => ({
    count: 1,
    leader: 0,
    followers: [],
    produceMiBps: (bytes * perS) / MIB,
    messageBytes: bytes,
    batchSizeBytes: bytes,
    lingerS: 0, // every batch is one message of `bytes`
    producerInstances: 1,
    acks: '0',
    consumerGroups: 0,
    fetchFromFollowerSameAz: false,
  }));
  const load = groups.reduce((sum, g) => sum + g.produceMiBps, 0);
  const one = (x: number): Float64Array => Float64Array.of(x);
  return {
    brokers: 1,
    azOfBroker: [0],
    clientAzs: 1,
    netInMiBps: one(NET_IN_MIBPS),
    netOutMiBps: one(1000),
    ebsMiBps: one(1000),
    cpuCores: one(8),
    netInLoad: one(load),
    netOutLoad: one(0),
    ebsLoad: one(load),
    cpuLoad: one(0),
    partitions: groups,
    params: { rttSameAzS: 0, rttCrossAzS: 0, rttInterBrokerS: 0, ioThreads: 8, networkThreads: 3, cpuSecondsPerRequest: 0, cpuSecondsPerMiB: 0, ...QUIET },
  };
}

function meanSojournS(snapshot: LatencySnapshot, durationS: number): number {
  const r = runRequestLevel(snapshot, { durationS, warmupS: 10, rng: new RandomStreams(1).stream('latency/single-queue'), maxRequests: 10_000_000 });
  expect(r.saturated).toEqual([]);
  expect(r.unfinished).toBe(0);
  return r.publish.mean;
}

describe('request-level mode on a single FIFO queue', () => {
  const rho = 0.7;

  it('reproduces the M/D/1 mean wait ρ/(2μ(1 − ρ)) within 3 %', () => {
    const bytes = 16384;
    const serviceS = bytes / (NET_IN_MIBPS * MIB);
    const mu = 1 / serviceS;
    const sojourn = meanSojournS(oneQueue([{ bytes, perS: rho * mu }]), 300);
    const expectedWaitS = rho / (2 * mu * (1 - rho));
    expect(Math.abs((sojourn - serviceS) / expectedWaitS - 1)).toBeLessThan(0.03);
  });

  it('reproduces the M/M/1 mean time in system 1/(μ − λ) within 3 %', () => {
    // Exponential batch sizes, as 1024 partition groups at the midpoints of equal-probability
    // strata of Exp(mean 16 KiB), each sending a 1024th of the batches.
    const strata = 1024;
    const meanBytes = 16384;
    const sizes = Array.from({ length: strata }, (_, k) => -Math.log(1 - (k + 0.5) / strata) * meanBytes);
    const meanS = sizes.reduce((a, b) => a + b, 0) / strata / (NET_IN_MIBPS * MIB);
    const meanS2 = sizes.reduce((a, b) => a + (b / (NET_IN_MIBPS * MIB)) ** 2, 0) / strata;
    // The discretised sizes are exponential to the first two moments (E[S²] = 2E[S]²).
    expect(Math.abs(meanS2 / (2 * meanS * meanS) - 1)).toBeLessThan(0.01);
    const mu = 1 / meanS;
    const lambda = rho * mu;
    const sojourn = meanSojournS(oneQueue(sizes.map((bytes) => ({ bytes, perS: lambda / strata }))), 300);
    expect(Math.abs(sojourn * (mu - lambda) - 1)).toBeLessThan(0.03);
  });
});
