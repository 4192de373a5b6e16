// The scenario file format, declared once (STYLE habit 6). Strict: unknown keys are errors.
// This schema checks shape and units; resolve.ts fills defaults and checks rules that span
// fields. `scenarioJsonSchema()` turns the same declaration into the JSON Schema editors use.
import { z } from 'zod';
import { DEFAULTS } from './defaults.js';
import { ASSUMPTIONS } from '../catalog/assumptions.js';
import { isWholeOnly } from '../catalog/resolve-assumptions.js';
import { byteBudget, duration, instant, int, money, percent, record, strict } from './fields.js';
import { MAX_DEPLOYMENTS, MAX_DURATION_S, MAX_LATENCY_WINDOWS } from './limits.js';
import { deploymentSchema } from './schema-deployment.js';
import { workloadSchema } from './schema-workload.js';

/** Top-level keys reserved for later features (DESIGN §3.5, §4), rejected with a clear message. */
export const FUTURE_TOP_LEVEL_KEYS = ['events'] as const;

/** Request-level windows run one request at a time; a handful is what a report can show. */
const latencyWindowList = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LATENCY_WINDOWS);

/** A price override above this (USD per hour, GiB or GiB-month) is a slip: list prices are cents to dollars. */
const MAX_PRICE_USD = 1_000_000;
/** A monthly budget above a billion dollars is a typo. */
const MAX_MONTHLY_COST_USD = 1_000_000_000;

/**
 * Assumption overrides: any key here (the catalog checks ids and ranges with its own messages,
 * src/run/check-scenario.ts); the JSON Schema also lists each known assumption with its range,
 * so an editor offers the ids and flags a value out of range while typing.
 */
const assumptionsSchema = record(z.number(), {
  description: 'Overrides of model assumptions by catalog key, e.g. cpu.coreSecondsPerMiBProduced: 0.01.',
}).meta({
  properties: Object.fromEntries(
    ASSUMPTIONS.map((a) => [
      a.id,
      { type: isWholeOnly(a) ? 'integer' : 'number', minimum: a.min, maximum: a.max, default: a.value, description: `${a.rationale} Unit: ${a.unit}, ${a.min} to ${a.max}.` },
    ]),
  ),
});

export const scenarioSchema = strict(
  {
    $schema: z.string().optional().meta({ description: 'JSON Schema reference for editors; ignored by msksim.' }),
    name: z.string().min(1).optional().meta({ description: 'Scenario name; the file name without extension if omitted.' }),
    description: z.string().optional().meta({ description: 'Free text shown in reports.' }),
    seed: int(0, Number.MAX_SAFE_INTEGER, { description: 'Seed of every random stream (spikes, faults, latency sampling).', default: DEFAULTS.seed }).optional(),
    duration: duration({ description: 'Simulated horizon, up to 3 years (1095d).', example: '30d', default: DEFAULTS.duration, max: MAX_DURATION_S }).optional(),
    start: instant({
      description: 'UTC instant of simulation time 0 (ISO-8601 with zone); fixes the weekday and hour of profiles and replays.',
      default: DEFAULTS.start,
    }).optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d+$/)
      .optional()
      .meta({ description: 'AWS region, e.g. us-east-1 (prices and instance types follow it).', default: DEFAULTS.region }),
    pricing: strict(
      {
        discountPercent: percent(
          { description: 'Discount on MSK line items, 0 to below 100 (a number is percent).', default: DEFAULTS.discountPercent },
          'percent',
          { minimum: 0, maximum: 100 },
        ).optional(),
        overrides: record(z.number().min(0).max(MAX_PRICE_USD), {
          description: `Unit-price overrides by catalog key, e.g. kafka.m5.large: 0.2 (USD, 0 to ${MAX_PRICE_USD}).`,
        }).optional(),
      },
      { description: 'Pricing adjustments.' },
    ).optional(),
    workload: workloadSchema,
    deployments: z
      .array(deploymentSchema)
      .min(1)
      .max(MAX_DEPLOYMENTS)
      .meta({ description: `MSK deployment candidates, each simulated against the workload (at most ${MAX_DEPLOYMENTS}).` }),
    clients: strict(
      { azs: int(1, 6, { description: 'AZs clients are spread over evenly; the deployment’s AZs if omitted.' }).optional() },
      { description: 'Where producers and consumers run.' },
    ).optional(),
    assumptions: assumptionsSchema.optional(),
    latency: strict(
      {
        estimate: z
          .boolean()
          .optional()
          .meta({ description: 'Per-interval latency estimate over the whole horizon (queueing approximations).', default: DEFAULTS.latencyEstimate }),
        windows: latencyWindowList(
            z.union([
              z.enum(['peak', 'bucket-empty']).meta({
                description: 'peak: the minute of highest produce load; bucket-empty: the minute the first credit bucket empties.',
              }),
              strict(
                {
                  at: duration({ description: 'Start of the window after the scenario start.', example: '3d12h' }),
                  duration: duration({ description: 'Length of the window.', example: '5m' }).optional(),
                },
                { description: 'A window at an explicit time.' },
              ),
            ]),
          )
          .optional()
          .meta({ description: `Windows simulated request by request (at most ${MAX_LATENCY_WINDOWS}).`, default: [...DEFAULTS.latencyWindows] }),
        windowDuration: duration({
          description: 'Length of named windows (peak, bucket-empty) simulated request by request.',
          example: '60s',
          default: DEFAULTS.latencyWindowDuration,
        }).optional(),
      },
      { description: 'Latency: the per-interval estimate and request-level windows.' },
    ).optional(),
    slo: strict(
      {
        publishLatency99pct: duration({ description: 'Most the whole-run publish p99 may be.', example: '20ms' }).optional(),
        endToEndLatency99pct: duration({ description: 'Most the whole-run end-to-end p99 may be.', example: '50ms' }).optional(),
        maxUtilization: percent(
          { description: 'Most any resource may carry, of its sustained capacity (credits do not count; CPU as AWS guides), 0–100 %.' },
          'percent',
          { minimum: 0, maximum: 100 },
        ).optional(),
        throttledBytes: byteBudget({ description: 'Most bytes the cluster may throttle (0: none).', example: '0B' }).optional(),
        lostBytes: byteBudget({ description: 'Most bytes that may be lost: deleted before a group read them, or failed at the client (0: none).', example: '0B' }).optional(),
        maxMonthlyCost: money({ description: 'Most the monthly bill may be, in US dollars.', example: '$12000', max: MAX_MONTHLY_COST_USD }).optional(),
      },
      { description: 'Service-level objectives: each deployment is reported as meeting each or not, with the measured value.' },
    ).optional(),
    output: strict(
      {
        interval: duration({ description: 'Sampling interval of time series.', example: '60s', default: DEFAULTS.outputInterval }).optional(),
        formats: z
          .array(z.enum(['json', 'md', 'csv', 'html']))
          .min(1)
          .optional()
          .meta({ description: 'Report formats.', default: [...DEFAULTS.outputFormats] }),
      },
      { description: 'Report settings.' },
    ).optional(),
  },
  { description: 'An msksim scenario: a Kafka workload and MSK deployment candidates.', title: 'msksim scenario' },
);

export type RawScenario = z.output<typeof scenarioSchema>;
