// AWS's published sizing guidance: thresholds a report can hold results against, and the
// constants of AWS's own sizing model, kept so msksim can show where it agrees (DESIGN §3.3:
// Equation 1 must come out of the fluid model). None of these limit the simulation itself.
import { sourced } from './sourced.js';
import { derived, SOURCES } from './sources.js';

const S1 = SOURCES.awsSizingScript;

export const SIZING_GUIDANCE = {
  cpuUserPlusSystemMaxPct: sourced(60, `${SOURCES.mskBestPractices}; ${SOURCES.mskBestPracticesExpress}`),
  noReassignmentAboveCpuPct: sourced(70, SOURCES.mskBestPractices),
  heapAfterGcAlarmPct: sourced(60, SOURCES.mskBestPractices2023),
  brokerResizeMinSPerBroker: sourced(600, `${SOURCES.mskBestPractices} ("typically takes 10-15 minutes per broker")`),
  brokerResizeMaxSPerBroker: sourced(900, `${SOURCES.mskBestPractices} ("typically takes 10-15 minutes per broker")`),
  equation1: sourced(
    'max(tcluster) ≤ min{ tstorage·N/r, tEBSnetwork·N/r, tEC2network·N/(consumer groups + r − 1) }',
    SOURCES.hausmannBlog,
  ),
  targetFractionOfTheoreticalLimit: sourced(0.8, 'secondary (C) only: jbcodeforce notes citing the Hausmann blog'),
  awsScriptStorageIoFactor: sourced(6.5, `${S1} (1.5 ingress + 1.5 replication-in + 0.5 lagging + 3.0 rebalancing)`),
  awsScriptNetworkIoFactor: sourced(5.7, `${S1} (2.2 replication-out + 0.5 lagging + 3.0 rebalancing)`),
  awsScriptAzScaleFactor: sourced(1.5, `${S1} (3 AZs / 2 surviving)`),
  awsScriptUtilizationStandard: sourced(0.5, S1),
  awsScriptUtilizationExpress: sourced(0.75, S1),
  awsScriptEbsHeadroomFactor: sourced(2, `${S1} (EBS_HEADROOM_FACTOR)`),
  awsScriptBrokerCountMultipleOf: sourced(3, S1),
  standardM7g16xlargeSafeIngressMiBps: sourced(
    153.8,
    `${SOURCES.mskFaq} ("153.8 MBps on the equivalent Standard broker"); ${SOURCES.expressLaunchBlog} ("154 MBps")`,
    derived('1000 MiB/s PST max ÷ 6.5 = 153.8', S1),
  ),
  expressM7g16xlargeSafeIngressMiBps: sourced(500, `${SOURCES.mskFaq}; ${SOURCES.expressLaunchBlog}`),
} as const;
