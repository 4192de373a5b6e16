// Request-level latency mode at speed: 6 brokers over 3 AZs, RF 3 with acks=all, two
// partition groups led by each broker (larger and smaller batches, one with rack-aware
// consumers), one simulated consumer fetch per batch plus background traffic (a second
// consumer group's fetches, fetch-request CPU); network out at ρ = 0.51, network in 0.38,
// handlers 0.37. Simulates a fixed 300 s window from a fixed seed.
//
//   npm run --silent bench:latency               request-level mode
//   npm run --silent bench:latency -- --estimate the per-interval estimate on the same snapshot
//
// Prints one JSON line: {requests, seconds, requestsPerSecond, requestsPerSecondScaled}, or with
// --estimate {calls, seconds, microsecondsPerCall} (default 64 samples a call, best of 5
// rounds). `requestsPerSecondScaled` is the rate on the machine the speed targets were set on
// (bench/calibrate.ts, as bench:reference scales its seconds; null when it cannot calibrate). Exits 1 if the
// run sent other than EXPECTED_REQUESTS produce requests, so a change in behaviour (routing,
// queues, random draws) cannot pass as a speed-up (STYLE habit 11): update it deliberately.
import { LatencyHistogram, RandomStreams } from '../src/engine/index.js';
import { estimateLatency } from '../src/latency/estimate.js';
import { runRequestLevel } from '../src/latency/request-level.js';
import { batchBytes, MIB } from '../src/latency/routes.js';
import type { LatencySnapshot, PartitionGroup } from '../src/latency/snapshot.js';
import { machineScale, scaleSeconds } from './calibrate.js';

// 3499488 before issue 10: a batch now holds its first record plus the records of a random
// fill time (src/latency/accumulator.ts), about one record more than rate × linger.ms, so the
// same load takes fewer requests; every request also draws its pauses, fetch cycle and jitter.
// 2773222 in 60 s until keyed records shared requests: these groups' records are keyed (no
// sticky rate), and one request per broker per drain now carries every partition's batch, so
// the window is 300 s to keep a few million requests.
const EXPECTED_REQUESTS = 2522116;
const SEED = 1;
const DURATION_S = 300;
const BROKERS = 6;
const AZS = 3;
const NET_MIBPS = 150; // a kafka.m5.xlarge-like broker: 1.25 Gbps baseline ≈ 150 MiB/s
const CPU_CORES = 4;

function groups(): PartitionGroup[] {
  const out: PartitionGroup[] = [];
  for (let b = 0; b < BROKERS; b++) {
    const followers = [(b + 1) % BROKERS, (b + 2) % BROKERS];
    const base = { leader: b, followers, messageBytes: 1024, batchSizeBytes: 16384, producerInstances: 2, acks: 'all' as const };
    out.push({ ...base, count: 12, produceMiBps: 1.2, lingerS: 0.005, consumerGroups: 2, fetchFromFollowerSameAz: false });
    out.push({ ...base, count: 24, produceMiBps: 0.2, lingerS: 0.002, consumerGroups: 2, fetchFromFollowerSameAz: true });
  }
  return out;
}

function snapshot(): LatencySnapshot {
  const params = { rttSameAzS: 0.0002, rttCrossAzS: 0.001, rttInterBrokerS: 0.001, ioThreads: 8, networkThreads: 3, cpuSecondsPerRequest: 0.0001 };
  const partitions = groups();
  const azOfBroker = Array.from({ length: BROKERS }, (_, b) => b % AZS);
  const perBroker = (v: number): Float64Array => new Float64Array(BROKERS).fill(v);
  const s: LatencySnapshot = {
    brokers: BROKERS,
    azOfBroker,
    clientAzs: AZS,
    netInMiBps: perBroker(NET_MIBPS),
    netOutMiBps: perBroker(NET_MIBPS),
    ebsMiBps: perBroker(250),
    cpuCores: perBroker(CPU_CORES),
    netInLoad: perBroker(0),
    netOutLoad: perBroker(0),
    ebsLoad: perBroker(0),
    cpuLoad: perBroker(0.3), // fetch-request CPU the simulated requests do not carry
    partitions,
    params,
  };
  for (const g of partitions) {
    const miBps = g.count * g.produceMiBps;
    s.netInLoad[g.leader]! += miBps;
    s.ebsLoad[g.leader]! += miBps;
    const bytes = batchBytes((g.produceMiBps * MIB) / g.producerInstances, g.lingerS, g.messageBytes, g.batchSizeBytes);
    s.cpuLoad[g.leader]! += ((miBps * MIB) / bytes) * (params.cpuSecondsPerRequest + (0.01 * bytes) / MIB);
    for (const f of g.followers) {
      s.netOutLoad[g.leader]! += miBps;
      s.netInLoad[f]! += miBps;
      s.ebsLoad[f]! += miBps;
    }
    for (let z = 0; z < AZS; z++) {
      const local = g.fetchFromFollowerSameAz ? [g.leader, ...g.followers].find((r) => azOfBroker[r] === z)! : g.leader;
      s.netOutLoad[local]! += (g.consumerGroups * miBps) / AZS;
    }
  }
  return s;
}

function benchEstimate(): number {
  const snap = snapshot();
  const rng = new RandomStreams(SEED).stream('latency/estimate');
  const into = { publish: new LatencyHistogram(), endToEnd: new LatencyHistogram() };
  const calls = 20_000;
  for (let i = 0; i < calls; i++) estimateLatency(snap, { rng, weight: 60 }, into); // warm-up
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = performance.now();
    for (let i = 0; i < calls; i++) estimateLatency(snap, { rng, weight: 60 }, into);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  const line = { calls, seconds: Number(best.toFixed(4)), microsecondsPerCall: Number(((best * 1e6) / calls).toFixed(2)) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return 0;
}

function main(): number {
  if (process.argv.includes('--estimate')) return benchEstimate();
  const snap = snapshot();
  const rng = new RandomStreams(SEED).stream('latency/request-level');
  const started = performance.now();
  const result = runRequestLevel(snap, { durationS: DURATION_S, warmupS: 1, rng, maxRequests: 100_000_000 });
  const seconds = (performance.now() - started) / 1000;
  const scaledS = scaleSeconds(seconds, machineScale());
  const line = {
    requests: result.requests,
    seconds: Number(seconds.toFixed(4)),
    requestsPerSecond: Math.round(result.requests / seconds),
    requestsPerSecondScaled: scaledS === null ? null : Math.round(result.requests / scaledS),
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  if (result.requests !== EXPECTED_REQUESTS) {
    process.stderr.write(`bench:latency: sent ${result.requests} requests, expected ${EXPECTED_REQUESTS}; update EXPECTED_REQUESTS if the change is intended\n`);
    return 1;
  }
  return 0;
}

process.exitCode = main();
