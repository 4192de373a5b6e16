// The clock and the run loop. Events carry two integers: `kind` picks the handler registered
// for it and `target` is the handler's own entity index, so the loop allocates nothing per
// event and dispatch is one indexed call (DESIGN §2).
import { EventQueue } from './event-queue.js';

export interface EventHandler {
  handle(target: number, sim: Simulator): void;
}

/** Why run() returned: a tagged union, so hitting a limit is a value rather than a hang. */
export type RunOutcome =
  | { state: 'completed'; now: number; events: number }
  | { state: 'until-reached'; now: number; events: number }
  | { state: 'event-limit'; now: number; events: number };

export interface SimulatorOptions {
  initialCapacity?: number;
}

export interface RunOptions {
  /** Events at times ≤ until run; when later events remain, the clock stops at until. */
  until?: number;
  /** Most events this call may process. */
  maxEvents?: number;
}

export class Simulator {
  private readonly queue: EventQueue;
  private readonly handlers: EventHandler[] = [];
  private nowTime = 0;
  private processed = 0;
  private running = false;

  constructor(options: SimulatorOptions = {}) {
    this.queue = new EventQueue(options.initialCapacity ?? 1024);
  }

  get now(): number {
    return this.nowTime;
  }

  /** Events processed over all run() calls. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Scheduled events not yet processed or cancelled. */
  get pending(): number {
    return this.queue.size;
  }

  /** Adds a handler and returns the kind that schedules events for it. */
  register(handler: EventHandler): number {
    if (typeof handler?.handle !== 'function') throw new TypeError('Simulator.register: handler has no handle() method');
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /** Schedules an event at an absolute time ≥ now; returns its id for cancel(). */
  schedule(time: number, kind: number, target: number): number {
    if (!(time >= this.nowTime && time < Infinity)) throw badTime(time, this.nowTime);
    if (!(kind >= 0 && kind < this.handlers.length && (kind | 0) === kind)) throw badKind(kind, this.handlers.length);
    if ((target | 0) !== target) throw badTarget(target);
    return this.queue.push(time, kind, target);
  }

  scheduleAfter(delay: number, kind: number, target: number): number {
    if (!(delay >= 0)) throw new RangeError(`Simulator.scheduleAfter: delay must be ≥ 0, got ${delay}`);
    return this.schedule(this.nowTime + delay, kind, target);
  }

  /** False if the event already ran, was cancelled, or the id is unknown. */
  cancel(id: number): boolean {
    return this.queue.cancel(id);
  }

  /**
   * Processes events in (time, insertion) order until the queue is empty ('completed'), the
   * next event is later than `until` ('until-reached', clock set to until) or `maxEvents`
   * events have run in this call ('event-limit'). Call again to continue. When the queue
   * runs empty first the clock stays at the last event's time.
   */
  run(options: RunOptions = {}): RunOutcome {
    const until = options.until ?? Infinity;
    const maxEvents = options.maxEvents ?? Infinity;
    if (!(until >= this.nowTime)) throw new RangeError(`Simulator.run: until (${until}) is before now (${this.nowTime})`);
    if (!(maxEvents >= 0) || (maxEvents !== Infinity && !Number.isInteger(maxEvents))) {
      throw new RangeError(`Simulator.run: maxEvents must be a non-negative integer, got ${maxEvents}`);
    }
    if (this.running) throw new Error('Simulator.run: already running (run() is not re-entrant)');
    this.running = true;
    const start = this.processed;
    try {
      this.loop(until, start + maxEvents);
    } finally {
      this.running = false;
    }
    const events = this.processed - start;
    if (this.queue.size === 0) return { state: 'completed', now: this.nowTime, events };
    if (this.queue.peekTime() > until) {
      this.nowTime = until;
      return { state: 'until-reached', now: until, events };
    }
    return { state: 'event-limit', now: this.nowTime, events };
  }

  // The hot loop: one queue call, one clock check, one dispatch per event.
  private loop(until: number, processedLimit: number): void {
    const queue = this.queue;
    const handlers = this.handlers;
    while (this.processed < processedLimit && queue.popNotAfter(until)) {
      const time = queue.poppedTime;
      if (time < this.nowTime) throw new Error(`Simulator invariant: clock would go back from ${this.nowTime} to ${time}`);
      this.nowTime = time;
      this.processed++;
      handlers[queue.poppedKind]!.handle(queue.poppedTarget, this);
    }
  }
}

function badTime(time: number, now: number): RangeError {
  if (Number.isNaN(time)) return new RangeError('Simulator.schedule: time is NaN');
  if (time === Infinity) return new RangeError('Simulator.schedule: time must be finite');
  return new RangeError(`Simulator.schedule: time ${time} is before now (${now})`);
}

function badKind(kind: number, registered: number): RangeError {
  return new RangeError(`Simulator.schedule: unknown kind ${kind} (${registered} handlers registered)`);
}

function badTarget(target: number): RangeError {
  return new RangeError(`Simulator.schedule: target must be a 32-bit integer, got ${target}`);
}
