// The timeline of notable events, as structured data (DESIGN §1.1): what happened, when, where.
// Wording belongs to src/report; here are only kinds and numbers. Brokers are 0-based here.
import type { ResourceKind } from '../resources.js';

export type TimelineEvent =
  | { kind: 'disk-alarm'; timeS: number; broker: number; thresholdPct: number }
  | { kind: 'storage-expanded'; timeS: number; broker: number; fromGiB: number; toGiB: number }
  | { kind: 'broker-down'; timeS: number; broker: number; cause: 'disk-full' | 'scheduled'; movedLeaders: number; offlinePartitions: number }
  | { kind: 'broker-up'; timeS: number; broker: number }
  | { kind: 'bucket-empty'; timeS: number; broker: number; resource: ResourceKind }
  | { kind: 'bucket-refilling'; timeS: number; broker: number; resource: ResourceKind }
  | {
      kind: 'throttling-started';
      timeS: number;
      broker: number;
      resource: ResourceKind;
      /** Which flows it limited: 0 produce, 1 replication, 2 consumer fetches. */
      flowKind: number;
      bucketEmpty: boolean;
      volumeBound: boolean;
    }
  | { kind: 'throttling-ended'; timeS: number; broker: number; resource: ResourceKind; durationS: number }
  | { kind: 'isr-shrink'; timeS: number; topic: number; partitions: number }
  | { kind: 'isr-expand'; timeS: number; topic: number; partitions: number }
  | { kind: 'disk-reads-started'; timeS: number; topic: number; group: number; partitions: number }
  | { kind: 'disk-reads-ended'; timeS: number; topic: number; group: number; partitions: number }
  | { kind: 'unavailable-started'; timeS: number; partitions: number }
  | { kind: 'unavailable-ended'; timeS: number };

/** A limit on the list (STYLE habit 4): past it, events are counted, not kept. */
export const MAX_TIMELINE_EVENTS = 10_000;

export class Timeline {
  readonly events: TimelineEvent[] = [];
  dropped = 0;

  push(event: TimelineEvent): void {
    if (this.events.length < MAX_TIMELINE_EVENTS) this.events.push(event);
    else this.dropped++;
  }
}
