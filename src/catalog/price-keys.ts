// The name of every price msksim can charge. A scenario overrides prices by these names, so the
// list is closed: an unknown key is an error, not a silently ignored line.
import { EXPRESS_BROKER_TYPES, type ExpressBrokerType } from './express-brokers.js';
import { STANDARD_BROKER_TYPES, type StandardBrokerType } from './standard-brokers.js';

/** Every price that is not a broker-hour. Quantities "per GB" are billed per GiB (units.ts). */
export const SERVICE_PRICE_UNITS = {
  'storage.gbMonth': 'USD per GiB-month of provisioned Standard broker storage',
  'provisionedThroughput.mibpsMonth': 'USD per MiB/s-month of provisioned storage throughput',
  'tiered.gbMonth': 'USD per GiB-month stored in tiered storage',
  'tiered.retrievalGb': 'USD per GiB read back from tiered storage',
  'serverless.clusterHour': 'USD per serverless cluster-hour',
  'serverless.partitionHour': 'USD per serverless partition-hour',
  'serverless.dataInGb': 'USD per GiB written to a serverless cluster',
  'serverless.dataOutGb': 'USD per GiB read from a serverless cluster',
  'serverless.storageGbMonth': 'USD per GiB-month stored in a serverless cluster',
  'express.dataWrittenGb': 'USD per GiB written to Express brokers',
  'express.storageGbMonth': 'USD per GiB-month stored on Express brokers',
  'crossAz.gb': 'USD per GiB of client traffic crossing an AZ boundary (both directions charged)',
} as const;

export type ServicePriceKey = keyof typeof SERVICE_PRICE_UNITS;
export type PriceKey = StandardBrokerType | ExpressBrokerType | ServicePriceKey;

export const SERVICE_PRICE_KEYS = Object.keys(SERVICE_PRICE_UNITS) as ServicePriceKey[];

/** All price keys in a fixed order: Standard brokers, Express brokers, then the other prices. */
export const PRICE_KEYS: readonly PriceKey[] = [...STANDARD_BROKER_TYPES, ...EXPRESS_BROKER_TYPES, ...SERVICE_PRICE_KEYS];

const KEY_SET: ReadonlySet<string> = new Set(PRICE_KEYS);

export function isPriceKey(name: string): name is PriceKey {
  return KEY_SET.has(name);
}

export function priceUnit(key: PriceKey): string {
  return key in SERVICE_PRICE_UNITS ? SERVICE_PRICE_UNITS[key as ServicePriceKey] : 'USD per broker-hour';
}
