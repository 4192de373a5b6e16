// The one unit convention of msksim (STYLE habit 5): MiB, GiB, seconds, USD; names carry their
// unit last. The conversion from AWS's published units is chosen once, here.
//
// AWS's MSK docs and AWS's own sizing script treat "MB/s" as MiB/s and "GB" as GiB: the MSK
// provisioned-throughput page lists the m5.4xlarge maximum as 593 MiB/s where EC2's
// ebs-optimized table says 593.75 MB/s, and msk_sizing.py uses the EC2 MB/s and MSK MiB/s
// figures interchangeably (msk-facts.md §1c; msk-catalog-draft.json meta.units_note). msksim
// follows AWS, so its capacities agree with AWS's sizing guidance:
//   - EBS "MB/s" values are used as MiB/s unchanged;
//   - network Gbps → MiB/s as Gbps × 125 (1 Gbps = 125 MB/s, read as MiB/s);
//   - a price "per GB" (storage, data written, data transfer) is applied per GiB.
// The strict SI reading would give ~4.6 % (network) and ~7.4 % (GB → GiB) different numbers; the
// raw source values (Gbps, Mbps, MB/s) are kept next to the converted ones so a reader can redo
// the arithmetic either way.
import { multiplyExact } from './decimal.js';
import { sourced, type Sourced } from './sourced.js';
import { SOURCES } from './sources.js';

export const MIBPS_PER_GBPS = 125;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
export const GIB_PER_TIB = 1024;

export const UNITS_NOTE: Sourced<string> = sourced(
  'MiB, GiB, seconds, USD. AWS "MB/s" is used as MiB/s, network Gbps × 125 = MiB/s, and prices "per GB" are applied per GiB, as AWS\'s MSK docs and sizing script do.',
  `${SOURCES.awsSizingScript}; ${SOURCES.mskPst} (m5.4xlarge PST max 593 MiB/s vs ${SOURCES.ec2EbsOptimized} 593.75 MB/s)`,
);

/** Network bandwidth from the EC2 table (Gbps) in msksim's unit. */
export function gbpsToMiBps(gbps: number): number {
  return multiplyExact(gbps, MIBPS_PER_GBPS);
}
