// The `workload` section of a scenario as written in YAML: topics, their producers (rate ×
// profile, or a CSV trace) and consumer groups. Quantities are parsed to bytes and seconds
// here; defaults and cross-field rules are applied in resolve-workload.ts.
import { z } from 'zod';
import { DEFAULTS } from './defaults.js';
import { duration, int, num, oneOf, percent, rate, size, strict } from './fields.js';
import { encodeIssue } from './issue-text.js';
import {
  MAX_BUFFER_MEMORY_BYTES,
  MAX_FETCH_MAX_WAIT_S,
  MAX_FETCH_MIN_BYTES,
  MAX_IN_FLIGHT,
  MAX_CLIENT_INSTANCES,
  MAX_CONSUMER_GROUPS_PER_TOPIC,
  MAX_DELIVERY_TIMEOUT_S,
  MAX_GROWTH_PER_MONTH,
  MAX_LINGER_S,
  MAX_MESSAGE_BYTES,
  MAX_PARTITIONS_PER_TOPIC,
  MAX_PRODUCERS_PER_TOPIC,
  MAX_PROFILE_FACTOR,
  MAX_PROFILE_FACTORS,
  MAX_REPLAYS,
  MAX_REPLICATION_FACTOR,
  MAX_SPIKES,
  MAX_SPIKES_PER_DAY,
  MIN_REPLAY_EVERY_S,
  PRODUCER_REQUEST_TIMEOUT_S,
  TOPIC_NAME,
} from './limits.js';
import type { Acks } from './types.js';

type Doc = { description: string; default?: unknown };
const positive = (max: number, doc: Doc) => num(doc).positive().max(max);
const nonNegative = (max: number, doc: Doc) => num(doc).nonnegative().max(max);
/** A profile multiplier, 0 to MAX_PROFILE_FACTOR. */
const factor = (doc: Doc) => nonNegative(MAX_PROFILE_FACTOR, doc);
/** Message and batch sizes are Java ints in Kafka. */
const messageBytes = (doc: { description: string; example: string; default?: unknown }) => size({ ...doc, max: MAX_MESSAGE_BYTES });

const messageSizeSchema = z
  .union([
    messageBytes({ description: 'Fixed message size, e.g. 1KiB.', example: '1KiB' }),
    strict(
      {
        distribution: z.literal('lognormal'),
        mean: messageBytes({ description: 'Mean message size.', example: '1KiB' }),
        cv: positive(100, { description: 'Coefficient of variation (standard deviation / mean), > 0 and at most 100.' }),
      },
      { description: 'Lognormal message sizes with the given mean and coefficient of variation.' },
    ),
    strict(
      {
        distribution: z.literal('empirical'),
        values: z.array(messageBytes({ description: 'A message size.', example: '512B' })).min(1).meta({ description: 'Message sizes.' }),
        weights: z
          .array(nonNegative(1e9, { description: 'Relative weight, 0 to 10^9.' }))
          .optional()
          .meta({ description: 'Relative weight of each value (same length as values); equal weights if omitted.' }),
      },
      { description: 'A discrete message-size distribution.' },
    ),
  ])
  .meta({ description: `Message size: a size, or a lognormal or empirical distribution. Default ${DEFAULTS.messageSize}.` });

const partitionSkewSchema = z
  .union([
    z.literal('uniform'),
    strict({ zipf: positive(10, { description: 'Zipf exponent 0 < s ≤ 10: partition k gets weight ∝ 1/k^s.' }) }, { description: 'Zipf-like hot partitions.' }),
    strict(
      {
        hot: percent({ description: 'Share of the partitions that are hot, above 0 % and below 100 %, e.g. 5%: at least one partition, and at least one left cold.' }, 'reject'),
        share: percent(
          { description: 'Share of the topic\'s bytes the hot partitions take together, e.g. 40%: at least their even share (hot partitions ÷ partitions) and below 100 %.' },
          'reject',
        ),
      },
      {
        description:
          'Hot partitions: the first `hot` of the partitions (by index, so leaders spread round-robin as Kafka assigns them) take `share` of the bytes evenly; the rest share the remainder evenly.',
      },
    ),
  ])
  .meta({ description: 'How produced bytes spread over partitions: uniform (default), { zipf: s }, or { hot: 5%, share: 40% }.' });

const profileFactorSchema = z.discriminatedUnion('type', [
  strict(
    { type: z.literal('constant'), factor: factor({ description: `Multiplier, 0 to ${MAX_PROFILE_FACTOR}.`, default: 1 }).optional() },
    { description: 'A constant multiplier.' },
  ),
  strict(
    {
      type: z.literal('diurnal'),
      peakToMean: num({ description: 'Daily peak / daily mean, 1–10: a sinusoid up to 2, a sharper raised cosine beyond.' }).min(1).max(10),
      peakHour: num({ description: 'Hour of the daily peak in UTC, 0 ≤ h < 24.' }).min(0).lt(24),
    },
    { description: 'A daily sinusoid with mean 1 peaking at peakHour (UTC).' },
  ),
  strict(
    { type: z.literal('weekly'), weekendFactor: factor({ description: 'Multiplier on Saturday and Sunday (UTC); weekdays are 1.' }) },
    { description: 'Lower (or higher) load at weekends.' },
  ),
  strict(
    {
      type: z.literal('spikes'),
      perDay: positive(MAX_SPIKES_PER_DAY, {
        description: `Expected spikes per day (Poisson, seeded), at most ${MAX_SPIKES_PER_DAY}; at most ${MAX_SPIKES.toLocaleString('en-US')} over the horizon.`,
      }),
      factor: factor({ description: 'Multiplier during a spike.' }),
      duration: duration({ description: 'Length of each spike.', example: '10m' }),
    },
    { description: 'Random spikes at seeded times.' },
  ),
  strict(
    {
      type: z.literal('growth'),
      perMonth: percent({ description: `Compound growth per 730-hour month, e.g. 5%; above -100% and at most ${MAX_GROWTH_PER_MONTH * 100}%.` }, 'reject'),
    },
    { description: 'Compound growth over the horizon.' },
  ),
  strict(
    {
      type: z.literal('steps'),
      steps: z
        .array(
          strict(
            {
              at: duration({ description: 'Time from the start of the simulation.', example: '3d' }),
              factor: factor({ description: 'Multiplier from this time on.' }),
            },
            { description: 'A step of the profile.' },
          ),
        )
        .min(1)
        .meta({ description: 'Steps in increasing time; factor 1 before the first.' }),
    },
    { description: 'A piecewise-constant multiplier.' },
  ),
]);

const traceSchema = strict(
  {
    file: z.string().min(1).meta({ description: 'CSV file, relative to the scenario file. Header row required.' }),
    timeColumn: z.string().min(1).optional().meta({ description: 'Column with ISO-8601 timestamps or epoch seconds.', default: DEFAULTS.traceTimeColumn }),
    valueColumn: z.string().min(1).optional().meta({ description: 'Column with the rate values.', default: DEFAULTS.traceValueColumn }),
    unit: z
      .string()
      .meta({ description: 'Unit of the values: B/s, KB/s, MB/s, GB/s, KiB/s, MiB/s, GiB/s or msg/s.', examples: ['B/s', 'MiB/s'] }),
    interpolation: oneOf(['step', 'linear'], { description: 'Between rows: hold the value (step) or interpolate (linear).', default: DEFAULTS.traceInterpolation }).optional(),
    afterEnd: oneOf(['repeat', 'hold'], { description: 'After the last row: loop the trace or hold the last value.', default: DEFAULTS.traceAfterEnd }).optional(),
  },
  { description: 'A recorded rate trace (e.g. a CloudWatch BytesInPerSec export); times are relative to the first row.' },
);

// Kafka accepts acks as 0, 1, all or -1 (= all), and YAML users write both numbers and strings.
const ACKS_SPELLINGS: ReadonlyMap<unknown, Acks> = new Map<unknown, Acks>([
  [0, '0'], ['0', '0'], [1, '1'], ['1', '1'], ['all', 'all'], [-1, 'all'], ['-1', 'all'],
]);
const acksSchema = z
  .unknown()
  .transform((value, ctx): Acks => {
    const acks = ACKS_SPELLINGS.get(value);
    if (acks !== undefined) return acks;
    ctx.addIssue({ code: 'custom', message: encodeIssue(`acks must be 0, 1 or all, got ${JSON.stringify(value)}`, 'write acks: all') });
    return z.NEVER;
  })
  .meta({ description: 'Producer acks: 0, 1 or all (-1 means all).', default: DEFAULTS.acks, enum: [0, 1, 'all', -1, '0', '1', '-1'] });

const producerSchema = strict(
  {
    rate: rate({ description: 'Mean produced rate before compression, all instances together: 40MiB/s or 2000msg/s.', example: '40MiB/s' }).optional(),
    trace: traceSchema.optional(),
    profile: z
      .union([profileFactorSchema, z.array(profileFactorSchema).max(MAX_PROFILE_FACTORS)])
      .optional()
      .meta({ description: `Load profile factors multiplied onto the rate (or trace), at most ${MAX_PROFILE_FACTORS}; constant if omitted.` }),
    instances: int(1, MAX_CLIENT_INSTANCES, { description: 'Producer processes sharing the rate (OMB producersPerTopic).', default: DEFAULTS.instances }).optional(),
    acks: acksSchema.optional(),
    batchSize: messageBytes({ description: 'batch.size.', example: '16KiB', default: DEFAULTS.batchSize }).optional(),
    linger: duration({ description: 'linger.ms.', example: '5ms', default: DEFAULTS.linger, max: MAX_LINGER_S }).optional(),
    bufferMemory: size({
      description: 'buffer.memory of each instance: records wait here while the brokers do not take them; what does not fit fails at the client.',
      example: '32MiB',
      default: DEFAULTS.bufferMemory,
      max: MAX_BUFFER_MEMORY_BYTES,
    }).optional(),
    deliveryTimeout: duration({
      description: `delivery.timeout.ms: a record not accepted by then fails at the client; at least linger + ${PRODUCER_REQUEST_TIMEOUT_S}s (request.timeout.ms).`,
      example: '120s',
      default: DEFAULTS.deliveryTimeout,
      max: MAX_DELIVERY_TIMEOUT_S,
    }).optional(),
    keyed: z.boolean().optional().meta({
      description: 'Records carry keys: every partition fills its own batch, and one request per broker carries them; false: the sticky partitioner fills one batch at a time.',
      default: DEFAULTS.keyed,
    }),
    maxInFlight: int(1, MAX_IN_FLIGHT, {
      description: 'max.in.flight.requests.per.connection: produce requests an instance has outstanding to one broker; more wait in the client.',
      default: DEFAULTS.maxInFlight,
    }).optional(),
  },
  { description: 'A producer: give exactly one of rate or trace.' },
);

const consumerGroupSchema = strict(
  {
    name: z.string().min(1).meta({ description: 'Consumer group id.' }),
    mode: oneOf(['tail', 'lagging', 'replay'], { description: 'tail (page cache), lagging (part from disk) or replay (scheduled rewinds).', default: DEFAULTS.consumerMode }).optional(),
    rackAware: z.boolean().optional().meta({ description: 'KIP-392: fetch from a follower in the same AZ.', default: DEFAULTS.rackAware }),
    instances: int(1, MAX_CLIENT_INSTANCES, { description: 'Consumers in the group (OMB consumerPerSubscription).', default: DEFAULTS.instances }).optional(),
    fetchMinBytes: size({
      description: 'fetch.min.bytes: a fetch waits at the broker until this much data is there, or fetchMaxWait.',
      example: '1B',
      default: DEFAULTS.fetchMinBytes,
      max: MAX_FETCH_MIN_BYTES,
    }).optional(),
    fetchMaxWait: duration({ description: 'fetch.max.wait.ms.', example: '500ms', default: DEFAULTS.fetchMaxWait, max: MAX_FETCH_MAX_WAIT_S }).optional(),
    lagging: strict(
      { diskReadFraction: percent({ description: 'Fraction of reads served from disk, 0–1 or a percentage.' }, 'fraction', { minimum: 0, maximum: 1 }) },
      { description: 'Settings for mode: lagging.' },
    ).optional(),
    replay: strict(
      {
        every: duration({
          description: `Period between replays, at least ${MIN_REPLAY_EVERY_S}s and at most ${MAX_REPLAYS.toLocaleString('en-US')} replays over the horizon; omit for a single replay.`,
          example: '24h',
        }).optional(),
        at: z
          .unknown()
          .optional()
          .meta({ description: 'First replay: a UTC time of day (02:00) or a duration after the start (6h).', default: DEFAULTS.replayAt, type: 'string' }),
        rewind: duration({ description: 'How far back each replay starts.', example: '6h' }),
        rate: rate({ description: 'Maximum replay read rate.', example: '100MiB/s' }),
      },
      { description: 'Settings for mode: replay.' },
    ).optional(),
  },
  { description: 'A consumer group reading the whole topic.' },
);

export const topicSchema = strict(
  {
    name: z.string().regex(TOPIC_NAME).meta({ description: 'Topic name (Kafka rules: up to 249 of a-z A-Z 0-9 . _ -).' }),
    partitions: int(1, MAX_PARTITIONS_PER_TOPIC, {
      description: `Number of partitions (OMB partitionsPerTopic); at most ${MAX_PARTITIONS_PER_TOPIC.toLocaleString('en-US')}, in one topic or all together.`,
    }),
    replicationFactor: int(1, MAX_REPLICATION_FACTOR, { description: 'Replication factor.', default: DEFAULTS.replicationFactor }).optional(),
    minInsyncReplicas: int(1, MAX_REPLICATION_FACTOR, { description: 'min.insync.replicas; default 2 when RF ≥ 3, else 1.' }).optional(),
    retention: duration({ description: 'retention.ms.', example: '7d', default: DEFAULTS.retention }).optional(),
    retentionBytes: size({ description: 'retention.bytes, per partition (Kafka semantics); no limit if omitted.', example: '200GiB' }).optional(),
    messageSize: messageSizeSchema.optional(),
    compressionRatio: num({ description: 'Stored bytes / produced bytes, in (0, 1].', default: DEFAULTS.compressionRatio }).positive().max(1).optional(),
    partitionSkew: partitionSkewSchema.optional(),
    cleanupPolicy: oneOf(['delete', 'compact'], {
      description:
        'cleanup.policy: delete (default) drops segments past retention; compact keeps the latest record per key, stored as assumption compaction.retainedFraction of the retention window.',
      default: DEFAULTS.cleanupPolicy,
    }).optional(),
    producers: z.array(producerSchema).min(1).max(MAX_PRODUCERS_PER_TOPIC).meta({ description: 'Producers writing to this topic.' }),
    consumerGroups: z.array(consumerGroupSchema).max(MAX_CONSUMER_GROUPS_PER_TOPIC).optional().meta({ description: 'Consumer groups reading this topic.' }),
  },
  { description: 'A topic with its producers and consumer groups.' },
);

export const workloadSchema = strict(
  { topics: z.array(topicSchema).min(1).meta({ description: 'The topics of the workload.' }) },
  { description: 'What the clients do: topics, producers, consumer groups.' },
);

export type RawTopic = z.output<typeof topicSchema>;
export type RawProducer = z.output<typeof producerSchema>;
export type RawConsumerGroup = z.output<typeof consumerGroupSchema>;
export type RawProfileFactor = z.output<typeof profileFactorSchema>;
export type RawMessageSize = z.output<typeof messageSizeSchema>;
export type RawTrace = z.output<typeof traceSchema>;
