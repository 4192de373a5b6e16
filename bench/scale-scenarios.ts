// The scenarios of bench/scale.ts, written as YAML text the way a user would write them, one
// growth curve per builder. Every point differs from the others on its curve in the one
// quantity the curve is about. The cluster is the reference one (scenarios/reference.yaml):
// 6 × kafka.m5.2xlarge over 3 AZs.

export type Curve = 'skewed-partitions' | 'topics' | 'long-runs';

export interface ScalePoint {
  /** `<curve>-<x>`: what `--point` names. */
  name: string;
  curve: Curve;
  /** The quantity the curve grows: partitions, topics or simulated days. */
  x: number;
  yaml: string;
}

export const SKEWED_PARTITIONS = [168, 1_000, 5_000, 20_000];
export const TOPIC_COUNTS = [1, 10, 50, 200];
export const LONG_RUN_DAYS = [30, 90, 180, 365];

/**
 * Partitions of the topics curve, shared out evenly; divisible by every topic count so each
 * point has the same partitions in total and differs in topics only.
 */
const TOPICS_TOTAL_PARTITIONS = 1_200;
/** The reference scenario's total produce rate (40 + 8 MiB/s), shared out evenly. */
const TOPICS_TOTAL_MIBPS = 48;

export function scalePoints(): ScalePoint[] {
  return [
    ...SKEWED_PARTITIONS.map((n) => point('skewed-partitions', n, skewedPartitions(n))),
    ...TOPIC_COUNTS.map((n) => point('topics', n, topics(n))),
    ...LONG_RUN_DAYS.map((days) => point('long-runs', days, longRun(days))),
  ];
}

function point(curve: Curve, x: number, yaml: string): ScalePoint {
  return { name: `${curve}-${x}`, curve, x, yaml };
}

/**
 * The reference scenario's `orders` topic with a Zipf(1) spread over `partitions`: the hottest
 * of 20,000 partitions still carries 1/H(20000) ≈ 9.4 % of the bytes. 20,000 partitions × RF 3
 * are 5,000 replicas on each of 12 × kafka.m5.4xlarge, within MSK's 6,000 per broker of that
 * size (m5.2xlarge allows 3,000). A warm start puts about 1,200 GiB on the average broker, so
 * 6,000 GiB holds the hottest.
 */
function skewedPartitions(partitions: number): string {
  return `name: scale-skewed-partitions-${partitions}
seed: 1
duration: 30d
workload:
  topics:
    - name: orders
      partitions: ${partitions}
      partitionSkew: { zipf: 1 }
      retention: 2d
      messageSize: 1KiB
      compressionRatio: 0.7
      producers:
        - rate: 40MiB/s
          profile:
            - { type: diurnal, peakToMean: 1.8, peakHour: 13 }
            - { type: weekly, weekendFactor: 0.6 }
            - { type: spikes, perDay: 2, factor: 2.5, duration: 15m }
            - { type: growth, perMonth: 5% }
      consumerGroups:
        - { name: fulfilment, mode: tail, rackAware: true }
        - { name: reporting, mode: lagging, lagging: { diskReadFraction: 0.2 } }
${deployment('6000GiB', true, 'kafka.m5.4xlarge', 12)}
${common()}`;
}

/**
 * `count` topics sharing the same 48 MiB/s and 1,200 partitions evenly, one consumer group
 * each. Their profiles are deterministic and identical (no random spikes, which would add
 * events per topic by design), so every topic's demand changes at the same instants and the
 * event count should not grow with the number of topics.
 */
function topics(count: number): string {
  const rate = TOPICS_TOTAL_MIBPS / count;
  const partitions = TOPICS_TOTAL_PARTITIONS / count;
  const topic = (i: number): string => `    - name: topic-${i}
      partitions: ${partitions}
      retention: 1d
      producers:
        - rate: ${rate}MiB/s
          profile:
            - { type: diurnal, peakToMean: 1.8, peakHour: 13 }
            - { type: weekly, weekendFactor: 0.6 }
            - { type: growth, perMonth: 5% }
      consumerGroups:
        - { name: consumer-${i}, mode: tail, rackAware: true }`;
  return `name: scale-topics-${count}
seed: 1
duration: 30d
workload:
  topics:
${Array.from({ length: count }, (_, i) => topic(i)).join('\n')}
${deployment('4000GiB', true)}
${common()}`;
}

/**
 * The reference workload (scenarios/reference.yaml) for `days`. With 5 % a month of growth the
 * disks fill over a year; auto-expansion to 16 TiB keeps them open, as in production.
 */
function longRun(days: number): string {
  return `name: scale-long-run-${days}d
seed: 1
duration: ${days}d
workload:
  topics:
    - name: orders
      partitions: 120
      retention: 2d
      messageSize: 1KiB
      compressionRatio: 0.7
      producers:
        - rate: 40MiB/s
          profile:
            - { type: diurnal, peakToMean: 1.8, peakHour: 13 }
            - { type: weekly, weekendFactor: 0.6 }
            - { type: spikes, perDay: 2, factor: 2.5, duration: 15m }
            - { type: growth, perMonth: 5% }
      consumerGroups:
        - { name: fulfilment, mode: tail, rackAware: true }
        - { name: search-indexer, mode: tail, rackAware: true }
        - { name: reporting, mode: lagging, lagging: { diskReadFraction: 0.2 } }
    - name: inventory-events
      partitions: 48
      retention: 3d
      messageSize: 512B
      producers:
        - rate: 8MiB/s
          profile:
            - { type: diurnal, peakToMean: 1.5, peakHour: 10 }
      consumerGroups:
        - { name: stock-service, mode: tail, rackAware: true }
${deployment('6000GiB', true)}
${common()}`;
}

function deployment(size: string, warmStart: boolean, brokerType = 'kafka.m5.2xlarge', brokers = 6): string {
  return `deployments:
  - name: ${brokerType.replace('kafka.', '').replace('.', '-')}-x${brokers}
    type: provisioned
    brokerType: ${brokerType}
    brokers: ${brokers}
    azs: 3
    storage:
      size: ${size}
      autoExpand: { targetPercent: 70, maxSize: 16TiB }
    warmStart: ${warmStart}`;
}

/**
 * The latency estimate over the whole run on a 60 s grid. The request-level window at the peak
 * (on by default) is left out: it costs the same ~1.7 s at every point of every curve — it
 * simulates the peak's produce requests, whose number does not grow with partitions, topics or
 * days — so it would only hide the growth these curves measure.
 */
function common(): string {
  return `latency: { estimate: true, windows: [] }
output: { interval: 60s }
`;
}
