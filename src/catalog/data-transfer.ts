// Data-transfer facts (msk-facts.md §6). The cross-AZ price itself is the price key
// "crossAz.gb" in list-prices.ts; these are the rules around it.
import { sourced } from './sourced.js';
import { SOURCES } from './sources.js';

export const DATA_TRANSFER = {
  interBrokerReplicationUsdPerGb: sourced(
    0,
    `${SOURCES.mskPricingJp} ("no charge for data transfer used for replication between brokers or between metadata nodes and brokers")`,
  ),
  clientTraffic: sourced(
    'standard AWS data transfer charges',
    `${SOURCES.mskPricingJp}; ${SOURCES.mskPublicAccess2023}`,
  ),
  crossAzUsdPerGbEachDirection: sourced(
    0.01,
    `${SOURCES.crossAzBlogs}; AWS agent-toolkit Flink skill ("$0.01/GB each direction")`,
  ),
  awsScriptCrossAzFractionOfIngress: sourced(
    2 / 3,
    `${SOURCES.awsSizingScript} ((AZs − 1)/AZs of producer traffic; consumer traffic added only when not rack-aware)`,
  ),
  privateLinkUsdPerGb: sourced<number | null>(null, `${SOURCES.notPublished} (multi-VPC connectivity rates)`),
} as const;
