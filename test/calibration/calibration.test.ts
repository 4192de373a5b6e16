// msksim against published Kafka latency measurements (issue 10, part 3). Each row names its
// source and figure (published-latency.json and SOURCES.md carry how it was read), the set-up
// that reproduces it (setups.ts), the published figure, msksim's figure when this table was
// written, and the tolerance held, never looser than ±50 % on a p99. The test recomputes
// msksim's figure with the per-interval estimate (the agreement tests hold request-level mode to
// it), checks it still is the one written here (within 5 %, so the table cannot go stale), and
// checks it is within tolerance of the published one.
//
// Sources: A1 is the AWS performance-testing framework for MSK (aws-samples, 3 × m5.large /
// xlarge / 2xlarge, acks=all, RF 3, 2 consumer groups, Kafka 2.8, chart digitised); C is
// StreamNative's OpenMessaging Benchmark rerun on 3 × i3en.2xlarge (raw result files). The
// calibration constants (jvm.gcPause*, ebs.writebackStall*, replication.fetcherSPerMiB) were
// fitted to A1's p99 floor per size and its rise on m5.2xlarge; C's rows were not fitted to.
//
// Where msksim is off (figures as of this table; ρ is the share of the Equation 1 limit):
// - A1 m5.xlarge p99 is 23–28 % low up to ρ 0.7 (12–19 ms against 16–24): the model's pauses
//   scale as 1/vCPU through the large and 2xlarge floors, and xlarge sits above that line.
// - A1 m5.2xlarge p99 is 28 % high up to ρ 0.3 (9.6–11.7 against 7.5–9.1 ms): the follower
//   fetch cycle's tail is there at light load; 8–15 % low from ρ 0.72 (the published rise
//   steepens there; the write-back stalls grow linearly with the bytes written).
// - p50 near the limit is 23–33 % high (m5.large from ρ 0.57, m5.xlarge and m5.2xlarge from
//   ρ 0.78; 10.6 against 8.0 ms on m5.xlarge at ρ 0.82): the fetch cycles lengthen with the
//   bytes replicated and add to the median as well as the tail.
// - C acks=all p99 is 28 % low (6.1 against 8.5 ms) and its p99.9 25 % low: C measured acks=all
//   at 2.8× acks=1's p99, msksim gives 2×.
// No MSK source publishes a p99.9 (SOURCES.md, gaps); the p99.9 rows are C's (local NVMe).
import { describe, expect, it } from 'vitest';
import published from './published-latency.json' with { type: 'json' };
import { awsFramework, estimatePublish, snapshotAt, streamNativeOmb, type Setup } from './setups.js';

interface Row {
  id: string;
  setup: Setup;
  metric: 'p50Ms' | 'p99Ms' | 'p999Ms';
  /** msksim's figure when the table was written, ms. */
  msksimMs: number;
  /** Largest |msksim / published − 1| held. */
  tolerance: number;
}

const large = awsFramework('kafka.m5.large');
const xlarge = awsFramework('kafka.m5.xlarge');
const xlarge2 = awsFramework('kafka.m5.2xlarge');
const ackAll = streamNativeOmb('all');
const ack1 = streamNativeOmb('1');

const ROWS: Row[] = [
  // A1: every point of the chart, p99 and (where readable) p50.
  { id: 'A1-m5.large-8', setup: large, metric: 'p99Ms', msksimMs: 29.2, tolerance: 0.25 },
  { id: 'A1-m5.large-16', setup: large, metric: 'p99Ms', msksimMs: 29.5, tolerance: 0.25 },
  { id: 'A1-m5.large-24', setup: large, metric: 'p99Ms', msksimMs: 30.0, tolerance: 0.25 },
  { id: 'A1-m5.large-32', setup: large, metric: 'p99Ms', msksimMs: 30.3, tolerance: 0.25 },
  { id: 'A1-m5.large-40', setup: large, metric: 'p50Ms', msksimMs: 7.6, tolerance: 0.35 },
  { id: 'A1-m5.large-40', setup: large, metric: 'p99Ms', msksimMs: 31.0, tolerance: 0.25 },
  { id: 'A1-m5.large-44', setup: large, metric: 'p50Ms', msksimMs: 7.9, tolerance: 0.35 },
  { id: 'A1-m5.large-44', setup: large, metric: 'p99Ms', msksimMs: 31.6, tolerance: 0.25 },
  { id: 'A1-m5.large-48', setup: large, metric: 'p50Ms', msksimMs: 8.5, tolerance: 0.25 },
  { id: 'A1-m5.large-48', setup: large, metric: 'p99Ms', msksimMs: 32.2, tolerance: 0.25 },
  { id: 'A1-m5.large-52', setup: large, metric: 'p50Ms', msksimMs: 9.1, tolerance: 0.35 },
  { id: 'A1-m5.large-52', setup: large, metric: 'p99Ms', msksimMs: 32.9, tolerance: 0.25 },
  { id: 'A1-m5.large-56', setup: large, metric: 'p99Ms', msksimMs: 33.9, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-8', setup: xlarge, metric: 'p50Ms', msksimMs: 5.7, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-8', setup: xlarge, metric: 'p99Ms', msksimMs: 12.2, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-16', setup: xlarge, metric: 'p50Ms', msksimMs: 5.8, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-16', setup: xlarge, metric: 'p99Ms', msksimMs: 12.3, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-32', setup: xlarge, metric: 'p50Ms', msksimMs: 6.3, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-32', setup: xlarge, metric: 'p99Ms', msksimMs: 13.0, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-48', setup: xlarge, metric: 'p50Ms', msksimMs: 6.8, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-48', setup: xlarge, metric: 'p99Ms', msksimMs: 14.3, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-56', setup: xlarge, metric: 'p50Ms', msksimMs: 7.2, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-56', setup: xlarge, metric: 'p99Ms', msksimMs: 15.2, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-64', setup: xlarge, metric: 'p50Ms', msksimMs: 7.6, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-64', setup: xlarge, metric: 'p99Ms', msksimMs: 16.0, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-72', setup: xlarge, metric: 'p50Ms', msksimMs: 8.1, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-72', setup: xlarge, metric: 'p99Ms', msksimMs: 17.0, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-80', setup: xlarge, metric: 'p50Ms', msksimMs: 8.7, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-80', setup: xlarge, metric: 'p99Ms', msksimMs: 18.6, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-84', setup: xlarge, metric: 'p50Ms', msksimMs: 9.1, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-84', setup: xlarge, metric: 'p99Ms', msksimMs: 19.7, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-88', setup: xlarge, metric: 'p50Ms', msksimMs: 9.5, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-88', setup: xlarge, metric: 'p99Ms', msksimMs: 21.4, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-92', setup: xlarge, metric: 'p50Ms', msksimMs: 10.0, tolerance: 0.35 },
  { id: 'A1-m5.xlarge-92', setup: xlarge, metric: 'p99Ms', msksimMs: 23.4, tolerance: 0.25 },
  { id: 'A1-m5.xlarge-96', setup: xlarge, metric: 'p50Ms', msksimMs: 10.6, tolerance: 0.5 },
  { id: 'A1-m5.xlarge-96', setup: xlarge, metric: 'p99Ms', msksimMs: 26.4, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-8', setup: xlarge2, metric: 'p50Ms', msksimMs: 5.5, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-8', setup: xlarge2, metric: 'p99Ms', msksimMs: 9.6, tolerance: 0.35 },
  { id: 'A1-m5.2xlarge-16', setup: xlarge2, metric: 'p50Ms', msksimMs: 5.5, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-16', setup: xlarge2, metric: 'p99Ms', msksimMs: 9.8, tolerance: 0.35 },
  { id: 'A1-m5.2xlarge-32', setup: xlarge2, metric: 'p50Ms', msksimMs: 5.8, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-32', setup: xlarge2, metric: 'p99Ms', msksimMs: 10.2, tolerance: 0.35 },
  { id: 'A1-m5.2xlarge-64', setup: xlarge2, metric: 'p50Ms', msksimMs: 6.5, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-64', setup: xlarge2, metric: 'p99Ms', msksimMs: 11.7, tolerance: 0.35 },
  { id: 'A1-m5.2xlarge-96', setup: xlarge2, metric: 'p50Ms', msksimMs: 7.3, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-96', setup: xlarge2, metric: 'p99Ms', msksimMs: 14.5, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-112', setup: xlarge2, metric: 'p50Ms', msksimMs: 7.8, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-112', setup: xlarge2, metric: 'p99Ms', msksimMs: 16.6, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-128', setup: xlarge2, metric: 'p50Ms', msksimMs: 8.3, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-128', setup: xlarge2, metric: 'p99Ms', msksimMs: 19.0, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-144', setup: xlarge2, metric: 'p50Ms', msksimMs: 8.8, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-144', setup: xlarge2, metric: 'p99Ms', msksimMs: 21.6, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-160', setup: xlarge2, metric: 'p50Ms', msksimMs: 9.5, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-160', setup: xlarge2, metric: 'p99Ms', msksimMs: 24.8, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-168', setup: xlarge2, metric: 'p50Ms', msksimMs: 10.0, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-168', setup: xlarge2, metric: 'p99Ms', msksimMs: 26.6, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-176', setup: xlarge2, metric: 'p50Ms', msksimMs: 10.4, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-176', setup: xlarge2, metric: 'p99Ms', msksimMs: 28.9, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-184', setup: xlarge2, metric: 'p50Ms', msksimMs: 11.1, tolerance: 0.35 },
  { id: 'A1-m5.2xlarge-184', setup: xlarge2, metric: 'p99Ms', msksimMs: 31.3, tolerance: 0.25 },
  { id: 'A1-m5.2xlarge-192', setup: xlarge2, metric: 'p50Ms', msksimMs: 11.7, tolerance: 0.35 },
  { id: 'A1-m5.2xlarge-192', setup: xlarge2, metric: 'p99Ms', msksimMs: 34.2, tolerance: 0.25 },
  // C: 200K msg/s of 1 KiB (195.6 MiB/s), acks=all and acks=1, no fsync.
  { id: 'C-kafka-100-partitions-1kb-batched-1ms-1mb-ack-all-nosync', setup: ackAll, metric: 'p50Ms', msksimMs: 2.6, tolerance: 0.25 },
  { id: 'C-kafka-100-partitions-1kb-batched-1ms-1mb-ack-all-nosync', setup: ackAll, metric: 'p99Ms', msksimMs: 6.1, tolerance: 0.35 },
  { id: 'C-kafka-100-partitions-1kb-batched-1ms-1mb-ack-all-nosync', setup: ackAll, metric: 'p999Ms', msksimMs: 11.6, tolerance: 0.35 },
  { id: 'C-kafka-100-partitions-1kb-batched-1ms-1mb-ack-1-nosync', setup: ack1, metric: 'p50Ms', msksimMs: 2.0, tolerance: 0.25 },
  { id: 'C-kafka-100-partitions-1kb-batched-1ms-1mb-ack-1-nosync', setup: ack1, metric: 'p99Ms', msksimMs: 3.0, tolerance: 0.25 },
  { id: 'C-kafka-100-partitions-1kb-batched-1ms-1mb-ack-1-nosync', setup: ack1, metric: 'p999Ms', msksimMs: 7.2, tolerance: 0.35 },
];

interface PublishedRow {
  id: string;
  throughputMiBps: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  p999Ms: number | null;
}

/** The row's published figures; C's ids appear twice (200K msg/s and the max-throughput run), the 200K one first. */
function publishedRow(id: string): PublishedRow {
  const row = (published as PublishedRow[]).find((r) => r.id === id);
  if (row === undefined || row.throughputMiBps === null) throw new Error(`no published row ${id}`);
  return row;
}

describe('calibration against published measurements', () => {
  it('has at least 6 rows from at least 2 sources, no p99 tolerance looser than ±50 %', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ROWS.map((r) => r.id.split('-')[0])).size).toBeGreaterThanOrEqual(2);
    for (const r of ROWS) expect(r.tolerance).toBeLessThanOrEqual(0.5);
  });

  it.each(ROWS.map((r) => [`${r.id} ${r.metric}`, r] as const))('%s', (_name, row) => {
    const source = publishedRow(row.id);
    const want = source[row.metric];
    if (want === null) throw new Error(`${row.id} publishes no ${row.metric}`);
    const got = estimatePublish(snapshotAt(row.setup, source.throughputMiBps!))[row.metric];
    expect(Math.abs(got / row.msksimMs - 1), `msksim now gives ${got.toFixed(2)} ms; the table says ${row.msksimMs}`).toBeLessThan(0.05);
    expect(Math.abs(got / want - 1), `published ${want} ms, msksim ${got.toFixed(2)} ms`).toBeLessThanOrEqual(row.tolerance);
  });
});
