// Bounds the scenario checks, each with its source. MSK limits come from msk-facts.md; the
// others are msksim's own limits so that every run is bounded (STYLE habit 4).

/** Longest simulated horizon: three years covers any growth study msksim is meant for. */
export const MAX_DURATION_S = 3 * 365 * 86_400;

/** Per-broker EBS volume: 1 GiB to 16,384 GiB (msk-facts.md §2, limits.md). */
export const MIN_STORAGE_GIB = 1;
export const MAX_STORAGE_GIB = 16_384;

/** Provisioned storage throughput starts at the 250 MiB/s volume default (msk-facts.md §2). */
export const MIN_PROVISIONED_THROUGHPUT_MIBPS = 250;
/** The highest per-broker PST of any size (m5.12xlarge and up, m7g.8xlarge and up). */
export const MAX_PROVISIONED_THROUGHPUT_MIBPS = 1000;

/** Auto-expansion target utilisation is settable from 10 % to 80 % (msk-facts.md §2). */
export const MIN_AUTO_EXPAND_TARGET = 0.1;
export const MAX_AUTO_EXPAND_TARGET = 0.8;

/** Brokers are spread evenly over 2 or 3 AZs (DESIGN §3.2). */
export const ALLOWED_AZS = [2, 3] as const;

/** Kafka topic names: at most 249 characters of [a-zA-Z0-9._-] (Kafka `Topic.validate`). */
export const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Deployment and scenario names end up in report file names, so keep them path-safe. */
export const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Smallest output interval: finer sampling only multiplies report size. */
export const MIN_OUTPUT_INTERVAL_S = 1;

/** A trace longer than this is almost certainly the wrong file (a year of 1-second rows). */
export const MAX_TRACE_ROWS = 31_622_400;

/**
 * Most values the time series of one deployment may hold (samples × series): 60 M doubles are
 * 480 MB. A run asking for more — one-second samples over months — is refused before it
 * allocates, with the interval that fits.
 */
export const MAX_SERIES_VALUES = 60_000_000;

// ---------------------------------------------------------------------------------------------
// Input files. Both are checked by kind and size before they are read whole (input-file.ts),
// so a device such as /dev/zero or a huge file is refused at once instead of read until memory
// runs out.

/**
 * Largest scenario file. The YAML parser takes about 2–3 µs per byte, so this is seconds at
 * worst; a scenario with 10,000 topics written out one per line is under 2 MiB.
 */
export const MAX_SCENARIO_BYTES = 4 * 1024 * 1024;

/**
 * Largest trace file: about 4 million `epoch,value` rows (a year of 1-minute CloudWatch data is
 * 18 MiB). CSV parses at about 0.7 µs per byte.
 */
export const MAX_TRACE_BYTES = 64 * 1024 * 1024;

/**
 * Deepest nesting of flow collections (`[` and `{`) in a scenario; real ones need 4 or 5 levels.
 * The YAML parser copes with deeper nesting, but slowly (a second per 100 kB of `[[[[`).
 */
export const MAX_FLOW_DEPTH = 64;

/** Keys that would reach an object's prototype if a map were built from them naively. */
export const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

// ---------------------------------------------------------------------------------------------
// Values. Every number a scenario holds is finite and bounded, so no product of them overflows
// to Infinity and no loop over them runs unbounded. The bounds are generous: each is far beyond
// what an MSK cluster can do, and a value past one is a typo or a unit slip.

/**
 * Partitions of one topic, and of the whole workload. MSK allows at most 6,000 partitions per
 * broker, replicas included, on kafka.m5.4xlarge and larger (4,000 recommended; AWS, "Best
 * practices for Standard brokers", https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html,
 * msk-facts.md) and 60 brokers per KRaft cluster (MSK quotas, PROVISIONED_QUOTAS), so no
 * Standard cluster holds more than 360,000 partition replicas.
 */
export const MAX_PARTITIONS_PER_TOPIC = 360_000;
export const MAX_PARTITIONS_TOTAL = 360_000;

/** At most one replica per broker, and an MSK cluster has at most 60 brokers (KRaft quota). */
export const MAX_REPLICATION_FACTOR = 60;

/**
 * Brokers of one deployment, a bound for the schema only: MSK's quota (60 per KRaft cluster,
 * 30 with ZooKeeper) is checked against the catalog with its own message.
 */
export const MAX_BROKERS = 1000;

/** Deployment candidates in one scenario; each is simulated in turn. */
export const MAX_DEPLOYMENTS = 100;

/** Producer entries and consumer groups of one topic. */
export const MAX_PRODUCERS_PER_TOPIC = 1000;
export const MAX_CONSUMER_GROUPS_PER_TOPIC = 1000;

/** Processes behind one producer or consumer group entry (they share its rate). */
export const MAX_CLIENT_INSTANCES = 1_000_000;

/** Sizes in general: 1 PiB (storage is checked against MSK's 16 TiB per broker separately). */
export const MAX_SIZE_BYTES = 1024 ** 5;

/** Message and batch sizes are Java ints in Kafka (`message.max.bytes`, `batch.size`). */
export const MAX_MESSAGE_BYTES = 2 ** 31 - 1;

/**
 * Byte rates: 1 TiB/s, over five times the network of 60 of the largest brokers (60 ×
 * kafka.m5.24xlarge at 3,125 MiB/s is about 183 GiB/s). Message rates: 10^9 msg/s.
 */
export const MAX_RATE_BYTES_PER_S = 1024 ** 4;
export const MAX_MESSAGES_PER_S = 1e9;

/**
 * Durations in general, retention included: 10 years (3650d). The horizon itself is at most 3
 * years (MAX_DURATION_S); a warm start replays one retention of history before time 0, so
 * retention bounds that work too.
 */
export const MAX_DURATION_VALUE_S = 3650 * 86_400;

/** `linger.ms` is a Java int in Kafka: at most 2^31 − 1 ms. */
export const MAX_LINGER_S = (2 ** 31 - 1) / 1000;

/** `delivery.timeout.ms` is a Java int in Kafka too. */
export const MAX_DELIVERY_TIMEOUT_S = (2 ** 31 - 1) / 1000;

/**
 * Kafka refuses a `delivery.timeout.ms` below `linger.ms` + `request.timeout.ms`
 * (ProducerConfig, KIP-91); `request.timeout.ms` is 30 s by default.
 */
export const PRODUCER_REQUEST_TIMEOUT_S = 30;

/**
 * `max.in.flight.requests.per.connection` is a Java int; beyond a thousand requests outstanding
 * per connection nothing changes in the model, and a larger number is a typo.
 */
export const MAX_IN_FLIGHT = 1000;

/** `fetch.min.bytes` is a Java int in Kafka: at most 2^31 − 1 bytes. */
export const MAX_FETCH_MIN_BYTES = 2 ** 31 - 1;

/** `fetch.max.wait.ms` is a Java int too. */
export const MAX_FETCH_MAX_WAIT_S = (2 ** 31 - 1) / 1000;

/**
 * `num.replica.fetchers`: MSK recommends up to 16 on the largest brokers with provisioned
 * storage throughput (catalog standard-brokers.ts); more threads than that per broker is a typo.
 */
export const MAX_REPLICA_FETCHERS = 64;

/** `buffer.memory` lives in the producer's JVM heap: 64 GiB is beyond any producer process. */
export const MAX_BUFFER_MEMORY_BYTES = 64 * 2 ** 30;

/** A profile factor multiplies the rate; 16 factors of at most 10^6 keep every product finite. */
export const MAX_PROFILE_FACTOR = 1e6;
export const MAX_PROFILE_FACTORS = 16;

/** Growth per 730-hour month: 1000 % (×11 a month) is already ×10^37 over three years. */
export const MAX_GROWTH_PER_MONTH = 10;

/**
 * Random load spikes one producer may expect over the horizon (perDay × days). Each spike adds
 * two workload events; 100,000 spikes are 200,000 events, a few seconds of simulation.
 */
export const MAX_SPIKES = 100_000;

/**
 * Replays of one consumer group: at most one a minute, and at most 100,000 over the horizon.
 * Each replay re-solves the cluster's rates at once (a full event).
 */
export const MIN_REPLAY_EVERY_S = 60;
export const MAX_REPLAYS = 100_000;

/**
 * Rate changes of one producer as the simulation sees them, over the horizon and one retention
 * of history before it (a warm start): a trace's rows times its repetitions, and a continuous
 * profile (diurnal, growth, a linear trace) once per `workload.profileStepS`. Each costs about
 * 400 bytes in the warm-start history: 2 million took 2.7 s and 0.8 GB to validate and 5.4 s
 * and 1.2 GB to run (a decade of history at 1 s, 315 million, exhausted the heap).
 */
export const MAX_PROFILE_BREAKPOINTS = 2_000_000;

/** Request-level latency windows: each is up to an hour of requests simulated one by one. */
export const MAX_LATENCY_WINDOWS = 24;

/** Spikes per day of one factor: one a second on average is already a different load shape. */
export const MAX_SPIKES_PER_DAY = 86_400;

// ---------------------------------------------------------------------------------------------
// Work. What a run will need is estimated from the settings before it starts
// (src/run/work-estimate.ts, printed by `msksim validate`), and bounded here.

/**
 * Partition classes of one deployment (src/model/partitions.ts): partitions of one topic shape
 * and one replica list move as one entry, so there are at most brokers × (brokers − 1) per
 * shape. Each costs memory and time at every event: 12,000 classes on 60 brokers took 460 MB
 * and 10 ms an event, 48,000 took 1.1 GB and 50 ms (bench/events-estimate.ts figures in the
 * issue-9 report), so 20,000 keeps a run under bench:scale's 1 GB.
 */
export const MAX_FLOW_CLASSES = 20_000;

/**
 * Events × partition classes of one deployment: an event re-solves every class's flows, about
 * 1 µs per class and event (bench:scale long-runs-365: 164,000 events × 48 classes in 8.5 s;
 * 508 events × 48,000 classes in 21 s), so 60 million is about a minute.
 */
export const MAX_CLASS_EVENTS = 60_000_000;

/**
 * Events one deployment's run may be expected to process (src/run/events-estimate.ts). An
 * event costs about 50 µs on the reference cluster (bench:scale, long-runs-365: 163,099 events
 * in 8.5 s), so 1,000,000 events are under a minute — six times the longest bench:scale point.
 * A scenario past this asks for more than rate changes at the profile step: spikes by the
 * thousand on many producers, replays every minute on many groups.
 */
export const MAX_EVENTS_ESTIMATE = 1_000_000;

/**
 * Produce requests simulated one by one over all request-level latency windows of a run
 * (src/model/latency-recorder.ts), at 0.5–0.7 µs each (bench/events-estimate.ts): about a
 * second. A window whose load would send more is simulated for a shorter span at the same
 * load, its share of this budget — at least 80,000 requests with 24 windows, which still
 * resolves p99.9 from 80 requests above it. The report gives the span simulated.
 */
export const MAX_WINDOW_REQUESTS_PER_RUN = 2_000_000;
