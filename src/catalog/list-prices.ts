// List prices (on-demand, before any discount) by region. Only us-east-1 is published in our
// sources (msk-facts.md §11: eu-west-1 and every other region "not found"), so any other region
// resolves to null prices that the user supplies as pricing overrides in the scenario.
import { EXPRESS_BROKERS, isExpressBrokerType } from './express-brokers.js';
import type { PriceKey, ServicePriceKey } from './price-keys.js';
import { sourced, type Sourced } from './sourced.js';
import { SOURCES } from './sources.js';
import { isStandardBrokerType, STANDARD_BROKERS } from './standard-brokers.js';

export const PRICED_REGIONS: readonly string[] = ['us-east-1'];

/** The month every bill is scaled to (DESIGN §3.7). */
export const HOURS_PER_MONTH: Sourced<number> = sourced(
  730,
  `${SOURCES.awsSizingScript} (HOURS_PER_MONTH = 730); ${SOURCES.infracostGolden} (730 h)`,
);

const S1 = SOURCES.awsSizingScript;

/** us-east-1 prices other than broker-hours, in USD per the unit of price-keys.ts. */
export const SERVICE_LIST_PRICES: Readonly<Record<ServicePriceKey, Readonly<Record<string, Sourced<number | null>>>>> = {
  'storage.gbMonth': {
    'us-east-1': sourced<number | null>(0.1, `${S1} (EBS_COST_PER_GB_MONTH); ${SOURCES.infracostGolden} (4,000 GB → $400.00)`),
  },
  'provisionedThroughput.mibpsMonth': {
    'us-east-1': sourced<number | null>(
      0.08,
      `${S1} (PST_COST_PER_MBS_MONTH); Gilgamech/OfferingOverview notes/MSK.md [S10]`,
      'AWS prices per MB/s-month; applied per MiB/s-month like every MSK MB/s figure (units.ts). The AWS sizing script bills the whole provisioned rate per broker; whether only the part above the 250 MiB/s default is billed is not settled by our sources, so the bill charges the MiB/s-months it is given.',
    ),
  },
  'tiered.gbMonth': {
    'us-east-1': sourced<number | null>(
      0.06,
      SOURCES.tieredPriceNote,
      'Conflict: the AWS sizing script uses $0.023 (TIERED_STORAGE_COST_PER_GB_MONTH), which is the S3 Standard first-tier price and looks like an S3 proxy; $0.06 is the value cited from the AmazonMSK Price List. $0.06 is used (also the cautious choice for a cost estimate); override tiered.gbMonth to use another.',
    ),
  },
  'tiered.retrievalGb': {
    'us-east-1': sourced<number | null>(
      null,
      `${SOURCES.notPublished}; a retrieval charge exists (automq.com "MSK Tiered Storage Pricing and Tradeoffs")`,
      'Set tiered.retrievalGb in the scenario pricing overrides to include it in the bill.',
    ),
  },
  'serverless.clusterHour': { 'us-east-1': sourced<number | null>(0.75, SOURCES.serverlessPriceNotes) },
  'serverless.partitionHour': { 'us-east-1': sourced<number | null>(0.0015, SOURCES.serverlessPriceNotes) },
  'serverless.dataInGb': { 'us-east-1': sourced<number | null>(0.1, SOURCES.serverlessPriceNotes) },
  'serverless.dataOutGb': { 'us-east-1': sourced<number | null>(0.05, SOURCES.serverlessPriceNotes) },
  'serverless.storageGbMonth': { 'us-east-1': sourced<number | null>(0.1, SOURCES.serverlessPriceNotes) },
  'express.dataWrittenGb': {
    'us-east-1': sourced<number | null>(0.01, `${S1} (EXPRESS_DATA_IN_PER_GB); ${SOURCES.mskPricingJp} (per GB written, byte resolution)`),
  },
  'express.storageGbMonth': {
    'us-east-1': sourced<number | null>(
      0.1,
      `${S1} (EBS_COST_PER_GB_MONTH used for Express storage, "$0.10/GB-mo used")`,
      'per GB-month of data retained, one copy: the same script prices Express storage as ingress × retention with no replication factor (calculate_express_sizing), where it multiplies Standard EBS by it; the "× 3" StorageUsed estimate of manage-storage.md is the storage used, not what is billed',
    ),
  },
  'crossAz.gb': {
    'us-east-1': sourced<number | null>(
      0.02,
      `${S1} (CROSS_AZ_COST_PER_GB = 0.02); ${SOURCES.crossAzBlogs}`,
      'EC2 charges $0.01/GB out of the source AZ and $0.01/GB into the destination AZ; msksim charges the $0.02 sum once per GiB that crosses.',
    ),
  },
};

function notPublished(region: string): Sourced<null> {
  return sourced(null, `${SOURCES.notPublished}: no ${region} price in the msksim catalog; supply it via pricing overrides`);
}

/** The list price of `key` in `region`, or null with a source saying it is not published. */
export function listPrice(key: PriceKey, region: string): Sourced<number | null> {
  let byRegion: Readonly<Record<string, Sourced<number | null>>>;
  if (isStandardBrokerType(key)) byRegion = STANDARD_BROKERS[key].priceUsdPerHour;
  else if (isExpressBrokerType(key)) byRegion = EXPRESS_BROKERS[key].priceUsdPerHour;
  else byRegion = SERVICE_LIST_PRICES[key];
  return Object.hasOwn(byRegion, region) ? (byRegion[region] ?? notPublished(region)) : notPublished(region);
}
