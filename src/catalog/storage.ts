// Standard-broker EBS storage: size limits, throughput, auto-expansion and the alarms AWS
// recommends (msk-facts.md §2). Times are in seconds, sizes in GiB, throughput in MiB/s.
import { sourced } from './sourced.js';
import { SOURCES } from './sources.js';
import { GIB_PER_TIB, SECONDS_PER_HOUR } from './units.js';

const LIMITS = `${SOURCES.mskLimits2022}; ${SOURCES.mskLimits}`;
const AUTOEXPAND = SOURCES.mskAutoexpand;

export const STANDARD_STORAGE = {
  minGiBPerBroker: sourced(1, LIMITS),
  maxGiBPerBroker: sourced(16 * GIB_PER_TIB, LIMITS, '16 TiB'),
  volumeCanShrink: sourced(false, `${SOURCES.mskAutoexpand2023}; ${SOURCES.awsSizingReferences}`),
  billingUnit: sourced('GB-month = Σ hourly GB provisioned ÷ hours in the month (the provisioned size, not bytes used)', SOURCES.mskPricingJp),
  defaultVolumeThroughputMiBps: sourced(
    250,
    `${SOURCES.mskPst} ("250 MiB per second is the default")`,
  ),
  pstMinVolumeGiB: sourced(10, SOURCES.mskPst),
  pstChangeEffectMaxS: sourced(
    24 * SECONDS_PER_HOUR,
    `${SOURCES.mskPst} ("may not take effect for up to 24 hours"; ~6 h per fully used 1 TiB)`,
  ),
  replicaFetchersDefault: sourced(2, `${SOURCES.mskPst}; ${SOURCES.mskDefaultConfiguration} (num.replica.fetchers 2)`),
  autoExpansion: {
    targetUtilizationPctMin: sourced(10, AUTOEXPAND),
    targetUtilizationPctMax: sourced(80, AUTOEXPAND),
    targetUtilizationPctRecommendedMin: sourced(50, AUTOEXPAND),
    targetUtilizationPctRecommendedMax: sourced(60, AUTOEXPAND),
    stepMinGiB: sourced(10, AUTOEXPAND, 'step = max(10 GiB, 10 % of current storage)'),
    stepFractionOfCurrent: sourced(0.1, AUTOEXPAND, 'step = max(10 GiB, 10 % of current storage)'),
    checkIntervalS: sourced(60, `${AUTOEXPAND} ("checks your storage utilization every minute")`),
    cooldownS: sourced(
      6 * SECONDS_PER_HOUR,
      `${SOURCES.mskAutoexpand2023} ("only once every six hours"); ${SOURCES.awsSizingReferences}`,
    ),
    maxGiBPerBroker: sourced(16 * GIB_PER_TIB, AUTOEXPAND, '16 TiB'),
  },
  diskUsedAlarmPct: sourced(85, `${SOURCES.mskBestPractices} (alarm on KafkaDataLogsDiskUsed ≥ 85 %)`),
  proactiveAlertPcts: sourced([60, 80] as readonly number[], `${SOURCES.awsSizingReferences} manage-storage.md`),
} as const;
