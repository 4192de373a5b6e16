// Event subsystems (DESIGN §1.1): each registers its own event kinds with the run loop and
// handles them as functions of the state — workload breakpoints, retention steps, replays,
// storage checks, broker stops and returns, and later faults and operations — instead of one
// closed enum and switch. A handler says what its event changed, and the loop recomputes once
// per instant, after every event of that instant.
import type { Timeline } from './observe/timeline.js';
import type { ClusterState } from './state.js';
import type { TopicLoad } from './topic-load.js';

/** What an event changed: the demands or topology (a full allocation), only deletions, or nothing. */
export type Change = 'full' | 'deletion' | 'none';

export interface ModelContext {
  readonly state: ClusterState;
  readonly load: TopicLoad;
  readonly timeline: Timeline;
  /** Schedules an event of this subsystem at `atS` (ignored at or past the horizon); returns its id or −1. */
  schedule(atS: number, target: number): number;
  cancel(id: number): void;
  /** Stops or starts a broker; the flows are rebuilt at the next recomputation. */
  stopBroker(broker: number, cause: 'disk-full' | 'scheduled'): void;
  startBroker(broker: number): void;
}

export interface EventSubsystem {
  readonly name: string;
  /** Schedules the subsystem's first events, after the state is initialised. */
  start(ctx: ModelContext): void;
  /** Handles one event at `ctx.state.nowS`. */
  handle(ctx: ModelContext, target: number): Change;
  /** After every full recomputation (new rates): a chance to reschedule. */
  afterRates?(ctx: ModelContext): void;
}
