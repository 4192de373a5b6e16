// MSK tiered storage rules (msk-facts.md §3). The rules are validation errors in a scenario
// (DESIGN §3.6); prices are in list-prices.ts.
import { sourced } from './sourced.js';
import { SOURCES } from './sources.js';
import { SECONDS_PER_DAY } from './units.js';

const TIERED = SOURCES.mskTiered;
const TOPIC = SOURCES.mskTieredTopicConfig;

export const TIERED_STORAGE = {
  unsupportedBrokerTypes: sourced(['kafka.t3.small'] as readonly string[], TIERED),
  expressSupported: sourced(false, `${TIERED} (provisioned Standard brokers only)`),
  minKafkaVersion: sourced('3.6.0 (or 2.8.2.tiered)', TIERED),
  minClientVersionToCreateTopic: sourced('3.0.0', TIERED),
  minRemoteRetentionS: sourced(3 * SECONDS_PER_DAY, `${TIERED}; ${TOPIC} ("The minimum retention period in low-cost storage is 3 days")`),
  compactedTopicsSupported: sourced(false, TIERED),
  localRetentionMustBeBelowRetention: sourced(true, TOPIC),
  localRetentionDefault: sourced(-2, TOPIC, '-2 = use retention.ms: data then stays in both tiers and consumers read locally'),
  onlyClosedSegmentsTiered: sourced(true, `${TOPIC}; ${SOURCES.awsSizingReferences}`),
  minSegmentMiB: sourced(48, TOPIC),
  minSegmentRollS: sourced(600, TOPIC, '10 minutes'),
  defaultSegmentMiB: sourced(128, `${SOURCES.awsSizingReferences} manage-storage.md (segment.bytes default on tiered clusters)`),
  firstByteReadLatency: sourced(
    'higher for the first bytes of a remote read; later sequential reads similar to the primary tier',
    TIERED,
  ),
  networkPath: sourced('brokers ↔ tiered storage traffic stays inside the VPC', TIERED),
  transferUsdPerGb: sourced<number | null>(null, `${SOURCES.notPublished}: no per-GB charge for broker ↔ tier traffic seen`),
  awsScriptExtraStorageIoFactor: sourced(1.5, `${SOURCES.awsSizingScript} (STORAGE_IO_FACTOR_TS_ADD)`),
  awsScriptExtraNetworkIoFactor: sourced(1.5, `${SOURCES.awsSizingScript} (NETWORK_IO_TS_ADD)`),
} as const;
