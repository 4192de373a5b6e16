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
