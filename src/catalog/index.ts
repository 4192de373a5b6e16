// The catalog of msksim: sourced facts about MSK (instance types, EC2 limits, prices, quotas),
// the price resolver, and the unpublished constants kept apart as assumptions.
export type { Sourced } from './sourced.js';
export { sourced } from './sourced.js';
export { CatalogError } from './catalog-error.js';
export { SOURCES } from './sources.js';
export { UNITS_NOTE, MIBPS_PER_GBPS, gbpsToMiBps } from './units.js';
export { divideRoundHalfEven, multiplyExact, multiplyToMicro, percentOff, rescale, toDecimal } from './decimal.js';
export type { Decimal } from './decimal.js';
export {
  STANDARD_BROKER_TYPES,
  STANDARD_BROKERS,
  isStandardBrokerType,
  type CpuCredits,
  type StandardBrokerFacts,
  type StandardBrokerType,
} from './standard-brokers.js';
export { standardBroker, type StandardBrokerCaps } from './standard-broker-caps.js';
export {
  EXPRESS_BROKER_TYPES,
  EXPRESS_BROKERS,
  EXPRESS_CLUSTER,
  isExpressBrokerType,
  type ExpressBrokerFacts,
  type ExpressBrokerType,
} from './express-brokers.js';
export { expressBroker, type ExpressBrokerCaps } from './express-broker-caps.js';
export {
  PRICE_KEYS,
  SERVICE_PRICE_KEYS,
  SERVICE_PRICE_UNITS,
  isPriceKey,
  priceUnit,
  type PriceKey,
  type ServicePriceKey,
} from './price-keys.js';
export { HOURS_PER_MONTH, PRICED_REGIONS, SERVICE_LIST_PRICES, listPrice } from './list-prices.js';
export {
  resolvePrices,
  type PricingOptions,
  type ResolvedPrice,
  type ResolvedPrices,
} from './resolve-prices.js';
export { STANDARD_STORAGE } from './storage.js';
export { TIERED_STORAGE } from './tiered-storage.js';
export { SERVERLESS_QUOTAS } from './serverless.js';
export { DATA_TRANSFER } from './data-transfer.js';
export { PROVISIONED_QUOTAS } from './provisioned-quotas.js';
export { KAFKA_DEFAULTS, MSK_DEFAULT_CONFIGURATION } from './broker-defaults.js';
export { SIZING_GUIDANCE } from './sizing-guidance.js';
export { ASSUMPTIONS, ASSUMPTION_IDS, type AssumptionId, type AssumptionSpec } from './assumptions.js';
export {
  isWholeOnly,
  resolveAssumptions,
  type ResolvedAssumption,
  type ResolvedAssumptions,
} from './resolve-assumptions.js';
export { CATALOG } from './catalog.js';
export { catalogDocument, unpricedRegionNote, type CatalogDocument, type DocumentPrice } from './document.js';
