// The whole catalog as one value: every sourced fact msksim knows, grouped as the simulator
// uses them. `msksim catalog --json` prints it, and a test walks it to check that every value
// carries a source.
import { KAFKA_DEFAULTS, MSK_DEFAULT_CONFIGURATION } from './broker-defaults.js';
import { DATA_TRANSFER } from './data-transfer.js';
import { EXPRESS_BROKERS, EXPRESS_CLUSTER } from './express-brokers.js';
import { HOURS_PER_MONTH, SERVICE_LIST_PRICES } from './list-prices.js';
import { PROVISIONED_QUOTAS } from './provisioned-quotas.js';
import { SERVERLESS_QUOTAS } from './serverless.js';
import { SIZING_GUIDANCE } from './sizing-guidance.js';
import { STANDARD_BROKERS } from './standard-brokers.js';
import { STANDARD_STORAGE } from './storage.js';
import { TIERED_STORAGE } from './tiered-storage.js';
import { UNITS_NOTE } from './units.js';

/** Sourced facts only; assumptions (unpublished constants) are kept apart in ASSUMPTIONS. */
export const CATALOG = {
  units: UNITS_NOTE,
  hoursPerMonth: HOURS_PER_MONTH,
  standardBrokers: STANDARD_BROKERS,
  expressBrokers: EXPRESS_BROKERS,
  expressCluster: EXPRESS_CLUSTER,
  servicePrices: SERVICE_LIST_PRICES,
  standardStorage: STANDARD_STORAGE,
  tieredStorage: TIERED_STORAGE,
  serverlessQuotas: SERVERLESS_QUOTAS,
  dataTransfer: DATA_TRANSFER,
  provisionedQuotas: PROVISIONED_QUOTAS,
  kafkaDefaults: KAFKA_DEFAULTS,
  mskDefaultConfiguration: MSK_DEFAULT_CONFIGURATION,
  sizingGuidance: SIZING_GUIDANCE,
} as const;
