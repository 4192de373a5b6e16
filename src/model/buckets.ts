// EC2-style credit buckets on a resource: while credits remain the resource runs at its burst
// capacity, spending (load − baseline) per second; below the baseline it earns
// (baseline − load) per second up to the bucket size. With an empty bucket the capacity is the
// baseline, so the level stays at zero until the load drops below it. This is the published
// mechanism of t3 CPU credits (earning the whole unused baseline) (burstable-credits-baseline-concepts); for EBS and network burst
// AWS publishes only the outcome ("30 minutes at maximum at least once every 24 hours",
// "5 to 60 minutes"), and the bucket sizes are assumptions (see the catalog).
import type { BucketSpec } from './config.js';

/** Relative tolerance below which a level counts as empty and a load as exactly the baseline,
 * so rounding noise cannot flip the capacity back and forth. */
const RELATIVE_TOLERANCE = 1e-9;

export function isEmpty(spec: BucketSpec, level: number): boolean {
  return level <= spec.size * RELATIVE_TOLERANCE;
}

export function bucketCapacity(spec: BucketSpec, level: number): number {
  return spec.size > 0 && !isEmpty(spec, level) ? spec.burst : spec.baseline;
}

/** d(level)/dt at a given load. */
export function bucketRate(spec: BucketSpec, level: number, load: number): number {
  if (spec.size <= 0) return 0;
  let unused = spec.baseline - load;
  if (Math.abs(unused) <= spec.baseline * RELATIVE_TOLERANCE) unused = 0;
  const rate = unused > 0 ? unused * spec.earnFraction : unused;
  if (rate > 0 && level >= spec.size) return 0;
  if (rate < 0 && level <= 0) return 0;
  return rate;
}

export function advanceBucket(spec: BucketSpec, level: number, rate: number, dtS: number): number {
  const next = level + rate * dtS;
  return isEmpty(spec, next) && rate <= 0 ? 0 : next >= spec.size ? spec.size : next;
}

/** Seconds until the bucket empties at this rate, or Infinity. */
export function secondsUntilEmpty(spec: BucketSpec, level: number, rate: number): number {
  return rate < 0 && !isEmpty(spec, level) ? level / -rate : Infinity;
}
