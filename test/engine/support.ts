// Shared fixtures for the engine tests.
import {
  FifoStation,
  RandomStreams,
  Simulator,
  exponential,
  type EventHandler,
  type Sampler,
} from '../../src/engine/index.js';

/** A handler that logs (now, label) and runs an optional reaction. */
export class Recorder implements EventHandler {
  readonly log: [number, string][] = [];

  constructor(
    private readonly label: string,
    private readonly react?: (target: number, sim: Simulator) => void,
  ) {}

  handle(target: number, sim: Simulator): void {
    this.log.push([sim.now, `${this.label}${target}`]);
    this.react?.(target, sim);
  }
}

/** A simulator with one Recorder registered; returns both and the kind. */
export function recordingSimulator(react?: (target: number, sim: Simulator) => void): {
  sim: Simulator;
  recorder: Recorder;
  kind: number;
} {
  const sim = new Simulator();
  const recorder = new Recorder('e', react);
  return { sim, recorder, kind: sim.register(recorder) };
}

/** Feeds `customers` arrivals, spaced by `interarrival` draws, into a station, one event each. */
export class ArrivalSource implements EventHandler {
  private readonly kind: number;
  private issued = 0;

  constructor(
    sim: Simulator,
    private readonly station: FifoStation,
    private readonly interarrival: Sampler,
    private readonly customers: number,
  ) {
    this.kind = sim.register(this);
    if (customers > 0) sim.scheduleAfter(interarrival.sample(), this.kind, 0);
  }

  handle(_target: number, sim: Simulator): void {
    this.station.arrive(this.issued++);
    if (this.issued < this.customers) sim.scheduleAfter(this.interarrival.sample(), this.kind, 0);
  }
}

export interface QueueRun {
  station: FifoStation;
  sim: Simulator;
}

/**
 * An open queue: Poisson arrivals at `arrivalRate` into a station with the given service,
 * `customers` arrivals in all, statistics from `warmupTime`; runs to completion.
 */
export function runOpenQueue(options: {
  seed: number;
  arrivalRate: number;
  servers: number;
  service: (streams: RandomStreams) => Sampler;
  customers: number;
  warmupTime: number;
  capacity?: number;
}): QueueRun {
  const streams = new RandomStreams(options.seed);
  const sim = new Simulator();
  const station = new FifoStation(sim, {
    name: 'queue',
    servers: options.servers,
    service: options.service(streams),
    capacity: options.capacity,
    warmupTime: options.warmupTime,
  });
  new ArrivalSource(sim, station, exponential(streams.stream('arrivals'), 1 / options.arrivalRate), options.customers);
  const outcome = sim.run({ maxEvents: 3 * options.customers + 10 });
  if (outcome.state !== 'completed') throw new Error(`queue run did not complete: ${JSON.stringify(outcome)}`);
  return { station, sim };
}
