// The `deployments` section as written in YAML: MSK deployment candidates, a discriminated union
// on `type`: `provisioned` (Standard brokers), `express` (Express brokers) and `serverless`
// (MSK Serverless).
import { z } from 'zod';
import { DEFAULTS } from './defaults.js';
import { byteRate, int, percent, size, strict } from './fields.js';
import { MAX_BROKERS, MAX_REPLICA_FETCHERS, SAFE_NAME } from './limits.js';
import { EXPRESS_BROKER_TYPES, STANDARD_BROKER_TYPES } from './types.js';

/** Deployment types that are planned but not implemented (DESIGN §3.6): none at present. */
export const FUTURE_DEPLOYMENT_TYPES: readonly string[] = [];

const autoExpandSchema = strict(
  {
    targetPercent: percent(
      { description: 'Disk utilisation that triggers expansion, 10–80 (a number is percent).', default: DEFAULTS.autoExpandTargetPercent },
      'percent',
      { minimum: 10, maximum: 80 },
    ).optional(),
    maxSize: size({ description: 'Largest size per broker auto-expansion may reach.', example: '4TiB', default: DEFAULTS.autoExpandMaxSize }).optional(),
  },
  { description: 'Storage auto-expansion: +max(10 GiB, 10 %) when utilisation passes the target, at most every 6 h.' },
);

const standardStorageSchema = strict(
  {
    size: size({ description: 'EBS volume per broker, 1GiB–16384GiB.', example: '1000GiB' }),
    provisionedThroughput: byteRate({
      description: 'Provisioned storage throughput per broker, 250–1000 MiB/s; the 250 MiB/s volume default if omitted.',
      example: '500MiB/s',
    }).optional(),
    autoExpand: autoExpandSchema.optional(),
  },
  { description: 'Broker storage (EBS), per broker.' },
);

const provisionedSchema = strict(
  {
    name: z.string().regex(SAFE_NAME).meta({ description: 'Deployment name (letters, digits, . _ -; used in report file names).' }),
    type: z.literal('provisioned').meta({ description: 'MSK Provisioned with Standard brokers.' }),
    brokerType: z.enum(STANDARD_BROKER_TYPES).meta({ description: 'Standard broker instance type, e.g. kafka.m5.xlarge.' }),
    brokers: int(1, MAX_BROKERS, { description: 'Number of brokers, a multiple of azs (MSK allows up to 60 per cluster).' }),
    azs: z.literal([2, 3]).meta({ description: 'Availability zones the brokers are spread over: 2 or 3.' }),
    storage: standardStorageSchema,
    warmStart: z.boolean().optional().meta({ description: 'Retention already full at t = 0 (steady state).', default: DEFAULTS.warmStart }),
    replicaFetchers: int(1, MAX_REPLICA_FETCHERS, {
      description: "num.replica.fetchers in the cluster's configuration: fetcher threads per broker that replicate from each leader; MSK's default configuration has 2.",
      default: DEFAULTS.replicaFetchers,
    }).optional(),
  },
  { description: 'An MSK Provisioned cluster of Standard brokers.' },
);

const serverlessSchema = strict(
  {
    name: z.string().regex(SAFE_NAME).meta({ description: 'Deployment name (letters, digits, . _ -; used in report file names).' }),
    type: z.literal('serverless').meta({ description: 'MSK Serverless: capacity, storage and replication managed by AWS, within its quotas.' }),
    warmStart: z.boolean().optional().meta({ description: 'Retention already full at t = 0 (steady state; storage is billed on it).', default: DEFAULTS.warmStart }),
  },
  { description: 'An MSK Serverless cluster: throttled at 200 MiB/s in and 400 MiB/s out per cluster, 5 and 10 MiB/s per partition.' },
);

const expressSchema = strict(
  {
    name: z.string().regex(SAFE_NAME).meta({ description: 'Deployment name (letters, digits, . _ -; used in report file names).' }),
    type: z.literal('express').meta({ description: 'MSK Provisioned with Express brokers: elastic storage, per-broker client throughput quotas, RF 3 over 3 AZs.' }),
    brokerType: z.enum(EXPRESS_BROKER_TYPES).meta({ description: 'Express broker instance type, e.g. express.m7g.large.' }),
    brokers: int(3, MAX_BROKERS, { description: 'Number of brokers, a multiple of 3 (Express runs in 3 AZs).' }),
    azs: int(1, 3, { description: 'Availability zones: Express brokers run in exactly 3.', default: 3 }).optional(),
    warmStart: z.boolean().optional().meta({ description: 'Retention already full at t = 0 (steady state; storage is billed on it).', default: DEFAULTS.warmStart }),
  },
  { description: 'An MSK Provisioned cluster of Express brokers.' },
);

export const deploymentSchema = z.discriminatedUnion('type', [provisionedSchema, expressSchema, serverlessSchema]).meta({
  description: 'A deployment candidate; `type` selects the kind: provisioned, express or serverless.',
});

export type RawDeployment = z.output<typeof deploymentSchema>;
