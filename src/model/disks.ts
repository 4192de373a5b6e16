// The brokers' EBS volumes over time (msk-facts.md §2): disk used and its growth, the 85 %
// disk alarm, storage auto-expansion (at the target, by max(10 GiB, 10 %), at most once per six
// hours, up to the maximum), and a full disk, which takes its broker down.
import { MIB_PER_GIB } from '../units.js';
import type { AutoExpandSpec } from './config.js';
import type { PartitionClass } from './partitions.js';

const EPS = 1e-9;

/** What a storage check asks of the simulation. */
export interface DiskEvents {
  alarm(broker: number, now: number): void;
  expanded(broker: number, now: number, fromGiB: number, toGiB: number): void;
  full(broker: number, now: number): void;
  /** Check again at `atS` (an expansion waiting for its cool-down). */
  checkAt(atS: number): void;
}

export class Disks {
  /** Per broker: provisioned size, and the disk used and its growth as of the last refresh. */
  readonly sizeGiB: Float64Array;
  private readonly usedMiB: Float64Array;
  private readonly growthMiBps: Float64Array;
  private readonly alarmed: Uint8Array;
  private readonly lastExpandS: Float64Array;
  private readonly checkAtS: Float64Array;

  constructor(
    sizesGiB: readonly number[],
    private readonly alarmFraction: number,
    private readonly autoExpand: AutoExpandSpec | null,
  ) {
    const brokers = sizesGiB.length;
    this.sizeGiB = Float64Array.from(sizesGiB);
    this.usedMiB = new Float64Array(brokers);
    this.growthMiBps = new Float64Array(brokers);
    this.alarmed = new Uint8Array(brokers);
    this.lastExpandS = new Float64Array(brokers).fill(-Infinity);
    this.checkAtS = new Float64Array(brokers).fill(-Infinity);
  }

  usedGiB(broker: number): number {
    return this.usedMiB[broker]! / MIB_PER_GIB;
  }

  growthGiBps(broker: number): number {
    return this.growthMiBps[broker]! / MIB_PER_GIB;
  }

  /**
   * Every replica holds its partition's stored bytes less what it lags behind the leader (per
   * partition, MiB): `stored`, its drift, and per class × slot the lags and their drifts; on
   * disk, `fraction` of that per class (compaction, state.diskFraction).
   */
  refresh(
    classes: readonly PartitionClass[],
    slots: number,
    stored: (c: number) => number,
    storedDrift: (c: number) => number,
    lag: Float64Array,
    lagDrift: Float64Array,
    fraction: Float64Array,
  ): void {
    this.usedMiB.fill(0);
    this.growthMiBps.fill(0);
    for (let c = 0; c < classes.length; c++) {
      const cls = classes[c]!;
      const s = stored(c);
      const ds = storedDrift(c);
      const k = fraction[c]! * cls.count;
      for (let j = 0; j < cls.replicas.length; j++) {
        const r = cls.replicas[j]!;
        const held = s - lag[c * slots + j]!;
        const growth = ds - lagDrift[c * slots + j]!;
        if (held <= 0 && growth <= 0) continue;
        this.usedMiB[r]! += Math.max(0, held) * k;
        this.growthMiBps[r]! += growth * k;
      }
    }
  }

  /** Applies the thresholds reached at `now`; returns whether a disk grew or a broker went down. */
  check(now: number, alive: Uint8Array, events: DiskEvents): boolean {
    let changed = false;
    const spec = this.autoExpand;
    for (let b = 0; b < alive.length; b++) {
      if (alive[b] === 0) continue;
      const fraction = this.usedGiB(b) / this.sizeGiB[b]!;
      if (fraction >= this.alarmFraction - EPS && this.alarmed[b] === 0) {
        this.alarmed[b] = 1;
        events.alarm(b, now);
      }
      if (spec !== null && fraction >= spec.targetFraction - EPS) {
        const waitS = this.lastExpandS[b]! + spec.cooldownS - now;
        if (waitS <= 0) changed = this.expand(b, now, spec, events) || changed;
        else if (this.checkAtS[b]! <= now) {
          this.checkAtS[b] = now + waitS;
          events.checkAt(now + waitS);
        }
      }
      if (this.usedGiB(b) >= this.sizeGiB[b]! * (1 - 1e-9)) {
        events.full(b, now);
        changed = true;
      }
    }
    return changed;
  }

  /** Seconds until a live broker's disk reaches its next threshold at the current rates. */
  nextCrossingS(alive: Uint8Array): number {
    let next = Infinity;
    const spec = this.autoExpand;
    for (let b = 0; b < alive.length; b++) {
      if (alive[b] === 0) continue;
      const growth = this.growthGiBps(b);
      if (growth <= 0) continue;
      const used = this.usedGiB(b);
      const size = this.sizeGiB[b]!;
      next = Math.min(next, secondsTo(size, used, growth));
      if (this.alarmed[b] === 0) next = Math.min(next, secondsTo(this.alarmFraction * size, used, growth));
      if (spec !== null && size < spec.maxSizeGiB) next = Math.min(next, secondsTo(spec.targetFraction * size, used, growth));
    }
    return next;
  }

  private expand(broker: number, now: number, spec: AutoExpandSpec, events: DiskEvents): boolean {
    const current = this.sizeGiB[broker]!;
    const next = Math.min(spec.maxSizeGiB, current + Math.max(spec.minStepGiB, current * spec.stepFraction));
    if (next <= current) return false;
    this.sizeGiB[broker] = next;
    this.lastExpandS[broker] = now;
    events.expanded(broker, now, current, next);
    return true;
  }
}

function secondsTo(thresholdGiB: number, usedGiB: number, growthGiBps: number): number {
  const gap = thresholdGiB - usedGiB;
  return gap > EPS ? gap / growthGiBps : Infinity;
}
