// Every default a scenario may leave out, in one place, each with the reason it was chosen. The
// JSON Schema shows the same values to editors, so they are written as the user would write them.

export const DEFAULTS = {
  seed: 1,
  /** One week covers a weekly load pattern; the bill is scaled to a 730-hour month anyway. */
  duration: '7d',
  /** A Monday at midnight UTC, so a weekly profile starts on a weekday. */
  start: '2024-01-01T00:00:00Z',
  /** The region every price in the catalog is sourced for (msk-facts.md §1a). */
  region: 'us-east-1',
  discountPercent: 0,
  /** MSK's default for 3-AZ clusters and the usual production choice. */
  replicationFactor: 3,
  /** Kafka's default `retention.ms` (msk-facts.md §3: "Default retention.ms 7 days"). */
  retention: '7d',
  /** OpenMessaging Benchmark's default `messageSize` (1024 bytes). */
  messageSize: '1KiB',
  compressionRatio: 1,
  /** Kafka's `cleanup.policy` default. */
  cleanupPolicy: 'delete',
  /** Kafka's `acks` default since 3.0 (KIP-679). */
  acks: 'all',
  /** Kafka's `batch.size` default, 16384 bytes. */
  batchSize: '16KiB',
  /** Kafka's `linger.ms` default since 4.0 (KIP-1030); 0 ms before. */
  linger: '5ms',
  /** Kafka's `buffer.memory` default, 33,554,432 bytes. */
  bufferMemory: '32MiB',
  /** Kafka's `delivery.timeout.ms` default, 120,000 ms (KIP-91). */
  deliveryTimeout: '120s',
  /** Kafka's `max.in.flight.requests.per.connection` default (5, the most idempotence allows). */
  maxInFlight: 5,
  /** Records without keys: the sticky partitioner fills one batch at a time (KIP-480, KIP-794). */
  keyed: false,
  /** Kafka's consumer `fetch.min.bytes` default: a fetch returns as soon as any data is there. */
  fetchMinBytes: '1B',
  /** Kafka's consumer `fetch.max.wait.ms` default, 500 ms. */
  fetchMaxWait: '500ms',
  instances: 1,
  consumerMode: 'tail',
  /** KIP-392 needs `client.rack` set on every consumer; Kafka leaves it unset. */
  rackAware: false,
  /** Replays start at this time of day (UTC) when `at` is not given. */
  replayAt: '00:00',
  traceTimeColumn: 'timestamp',
  traceValueColumn: 'value',
  /** CloudWatch exports are per-period averages, which a step function reproduces. */
  traceInterpolation: 'step',
  traceAfterEnd: 'repeat',
  /** MSK's default configuration: num.replica.fetchers 2 (catalog broker-defaults.ts). */
  replicaFetchers: 2,
  /** Steady state is what capacity questions are about; a cold start needs `retention` of time. */
  warmStart: true,
  /** The middle of AWS's recommended 50–60 % target (msk-facts.md §2). */
  autoExpandTargetPercent: 60,
  /** The per-broker storage maximum (msk-facts.md §2). */
  autoExpandMaxSize: '16TiB',
  /** DESIGN §3: time series are sampled on a 1-minute grid by default. */
  outputInterval: '60s',
  outputFormats: ['json', 'md'],
  latencyEstimate: true,
  /** The hour that sizing is about; a request-level run there checks the estimate. */
  latencyWindows: ['peak'],
  /**
   * Ten seconds hold hundreds of thousands of produce requests at typical loads — enough for a
   * stable p99.9 — and simulate in well under a second.
   */
  latencyWindowDuration: '10s',
} as const;

/**
 * `min.insync.replicas` when not given: 2 for RF ≥ 3 (MSK's default for 3-AZ clusters), 1 for
 * RF 1–2 (so a single broker loss does not stop `acks=all` producers).
 */
export function defaultMinInsyncReplicas(replicationFactor: number): number {
  return replicationFactor >= 3 ? 2 : 1;
}
