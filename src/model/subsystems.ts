// The event subsystems of a provisioned cluster: workload breakpoints, retention steps, replays,
// storage re-checks and scheduled broker stops and returns.
import { nextRetentionStepS } from './retention.js';
import type { Change, EventSubsystem, ModelContext } from './subsystem.js';

/** A producer's rate changes (a profile step, a spike, a trace row). */
export function workloadSubsystem(): EventSubsystem {
  const scheduleNext = (ctx: ModelContext) => {
    const next = ctx.load.nextBreakpoint();
    if (next !== null) ctx.schedule(next, 0);
  };
  return {
    name: 'workload',
    start: scheduleNext,
    handle(ctx): Change {
      ctx.load.update(ctx.state.nowS);
      scheduleNext(ctx);
      return 'full';
    },
  };
}

/**
 * Time-based retention changes its deletion rate when an append-rate change is one retention
 * old. One event stands for the earliest such instant over all classes; new rate changes
 * (recorded at each allocation) can only add instants after it, one retention from now.
 */
export function retentionSubsystem(): EventSubsystem {
  let scheduledAtS = Infinity;
  let id = -1;
  const reschedule = (ctx: ModelContext, atS: number) => {
    if (atS >= scheduledAtS) return;
    if (id >= 0) ctx.cancel(id);
    id = ctx.schedule(atS, 0);
    scheduledAtS = id >= 0 ? atS : Infinity;
  };
  return {
    name: 'retention',
    start() {},
    handle(ctx): Change {
      id = -1;
      scheduledAtS = Infinity;
      reschedule(ctx, nextRetentionStepS(ctx.state));
      return 'deletion';
    },
    afterRates(ctx) {
      reschedule(ctx, nextRetentionStepS(ctx.state));
    },
  };
}

/** A replay rewinds a group by `rewindS` of appended data on every partition of its topic. */
export function replaySubsystem(onReplay: (topic: number, group: number) => void): EventSubsystem {
  return {
    name: 'replay',
    start(ctx) {
      const { config } = ctx.state;
      config.topics.forEach((topic, t) => {
        topic.consumerGroups.forEach((group, g) => {
          if (group.mode.kind !== 'replay') return;
          const every = group.mode.everyS;
          for (let at = group.mode.firstStartS; at < config.durationS; at += every ?? Infinity) {
            ctx.schedule(at, t * 65536 + g);
            if (every === null) break;
          }
        });
      });
    },
    handle(_ctx, target): Change {
      onReplay(Math.floor(target / 65536), target % 65536);
      return 'full';
    },
  };
}

/** A storage expansion waiting for its cool-down: the check itself runs at every event. */
export function storageSubsystem(): EventSubsystem {
  return { name: 'storage', start() {}, handle: () => 'full' };
}

/** Broker stops and returns given in the configuration (tests; faults and operations build on it). */
export function brokerEventsSubsystem(): EventSubsystem {
  return {
    name: 'broker-events',
    start(ctx) {
      (ctx.state.config.brokerEvents ?? []).forEach((e, i) => ctx.schedule(e.atS, i));
    },
    handle(ctx, target): Change {
      const e = ctx.state.config.brokerEvents![target]!;
      if (e.kind === 'down' && ctx.state.alive[e.broker] === 1) ctx.stopBroker(e.broker, 'scheduled');
      if (e.kind === 'up' && ctx.state.alive[e.broker] === 0) ctx.startBroker(e.broker);
      return 'full';
    },
  };
}
