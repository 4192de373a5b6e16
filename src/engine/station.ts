// A FIFO queue in front of c identical servers (the G/G/c/K station of Kendall's notation) on
// the simulator: the building block for any resource that serves requests one at a time.
// Waiting customers sit in a ring buffer of typed arrays; a service completion is one event
// whose target is the server index, so the station allocates nothing per customer.
import type { Sampler } from './sampler.js';
import { LatencyHistogram } from './latency-histogram.js';
import type { EventHandler, Simulator } from './simulator.js';
import { StreamingMoments } from './streaming-moments.js';
import { TimeWeightedAverage } from './time-weighted-average.js';

export interface DepartureListener {
  departed(customer: number, station: FifoStation, now: number): void;
}

export interface FifoStationOptions {
  name: string;
  servers: number;
  service: Sampler;
  /** Most customers in the system, waiting plus in service; arrivals beyond it overflow. */
  capacity?: number;
  listener?: DepartureListener;
  /** Customers arriving earlier, and busy time before it, are left out of the statistics. */
  warmupTime?: number;
}

const INITIAL_RING = 64;

export class FifoStation implements EventHandler {
  readonly name: string;
  readonly servers: number;
  readonly capacity: number;
  readonly waits = new StreamingMoments();
  readonly sojourns = new StreamingMoments();
  readonly waitHistogram = new LatencyHistogram();
  readonly sojournHistogram = new LatencyHistogram();

  private readonly sim: Simulator;
  private readonly kind: number;
  private readonly service: Sampler;
  private readonly listener: DepartureListener | undefined;
  private readonly measureFrom: number;
  private readonly serverCustomer: Int32Array;
  private readonly serverArrival: Float64Array;
  private readonly freeServers: Int32Array;
  private freeCount: number;
  private ringIds = new Int32Array(INITIAL_RING);
  private ringArrivals = new Float64Array(INITIAL_RING);
  private head = 0;
  private waiting = 0;
  private busyAverage: TimeWeightedAverage | null = null;
  private arrivalCount = 0;
  private overflows = 0;
  private servedCount = 0;

  constructor(sim: Simulator, options: FifoStationOptions) {
    const { name, servers, service, capacity = Infinity, listener, warmupTime = 0 } = options;
    if (typeof name !== 'string' || name.length === 0) throw new RangeError('FifoStation: name must be a non-empty string');
    if (!(Number.isInteger(servers) && servers >= 1)) {
      throw new RangeError(`FifoStation ${name}: servers must be an integer ≥ 1, got ${servers}`);
    }
    if (!(capacity === Infinity || (Number.isInteger(capacity) && capacity >= 1))) {
      throw new RangeError(`FifoStation ${name}: capacity must be an integer ≥ 1 or Infinity, got ${capacity}`);
    }
    if (!(warmupTime >= 0 && warmupTime < Infinity)) {
      throw new RangeError(`FifoStation ${name}: warmupTime must be finite and ≥ 0, got ${warmupTime}`);
    }
    if (typeof service?.sample !== 'function') throw new TypeError(`FifoStation ${name}: service must be a Sampler`);
    this.name = name;
    this.servers = servers;
    this.capacity = capacity;
    this.sim = sim;
    this.service = service;
    this.listener = listener;
    this.measureFrom = Math.max(warmupTime, sim.now);
    this.serverCustomer = new Int32Array(servers);
    this.serverArrival = new Float64Array(servers);
    // Popped from the end, so server 0 is used first: traces read naturally.
    this.freeServers = Int32Array.from({ length: servers }, (_, i) => servers - 1 - i);
    this.freeCount = servers;
    this.kind = sim.register(this);
  }

  /** A customer (a 32-bit integer id chosen by the caller) arrives now. */
  arrive(customer: number): 'accepted' | 'overflow' {
    if ((customer | 0) !== customer) throw new RangeError(`FifoStation ${this.name}: customer must be a 32-bit integer, got ${customer}`);
    const now = this.sim.now;
    const counted = now >= this.measureFrom;
    if (counted) this.arrivalCount++;
    if (this.inSystem >= this.capacity) {
      if (counted) this.overflows++;
      return 'overflow';
    }
    if (this.freeCount > 0) {
      this.setBusy(now, this.servers - this.freeCount + 1);
      this.startService(this.freeServers[--this.freeCount]!, customer, now, now);
    } else {
      this.enqueue(customer, now);
    }
    return 'accepted';
  }

  /** Engine callback: the customer on server `server` completes service. */
  handle(server: number, sim: Simulator): void {
    const now = sim.now;
    const customer = this.serverCustomer[server]!;
    const arrival = this.serverArrival[server]!;
    if (arrival >= this.measureFrom) {
      const sojourn = now - arrival;
      this.sojourns.add(sojourn);
      this.sojournHistogram.record(sojourn);
      this.servedCount++;
    }
    if (this.waiting > 0) {
      const slot = this.head;
      this.head = (slot + 1) & (this.ringIds.length - 1);
      this.waiting--;
      this.startService(server, this.ringIds[slot]!, this.ringArrivals[slot]!, now);
    } else {
      this.setBusy(now, this.servers - this.freeCount - 1);
      this.freeServers[this.freeCount++] = server;
    }
    // After the next customer has started, so a customer sent straight back joins the queue's tail.
    this.listener?.departed(customer, this, now);
  }

  /** Time-averaged fraction of servers busy from the warm-up (or creation) to `now`. */
  utilization(now: number): number {
    if (!(now >= this.measureFrom)) return NaN;
    const busy = this.busyAverage === null ? this.servers - this.freeCount : this.busyAverage.mean(now);
    return busy / this.servers;
  }

  /** Arrivals turned away because the station was full (after the warm-up). */
  get overflowCount(): number {
    return this.overflows;
  }

  /** Arrivals after the warm-up, accepted or not. */
  get arrivals(): number {
    return this.arrivalCount;
  }

  /** Customers waiting or in service now. */
  get inSystem(): number {
    return this.waiting + this.servers - this.freeCount;
  }

  /** Customers that arrived after the warm-up and have departed. */
  get served(): number {
    return this.servedCount;
  }

  private startService(server: number, customer: number, arrival: number, now: number): void {
    this.serverCustomer[server] = customer;
    this.serverArrival[server] = arrival;
    if (arrival >= this.measureFrom) {
      const wait = now - arrival;
      this.waits.add(wait);
      this.waitHistogram.record(wait);
    }
    const duration = this.service.sample();
    if (!(duration >= 0 && duration < Infinity)) {
      throw new RangeError(`FifoStation ${this.name}: service time must be finite and ≥ 0, sampled ${duration}`);
    }
    this.sim.schedule(now + duration, this.kind, server);
  }

  private enqueue(customer: number, now: number): void {
    if (this.waiting === this.ringIds.length) this.growRing();
    const slot = (this.head + this.waiting) & (this.ringIds.length - 1);
    this.ringIds[slot] = customer;
    this.ringArrivals[slot] = now;
    this.waiting++;
  }

  // Doubles the ring, unrolling it so the head moves to slot 0. Lengths stay powers of two.
  private growRing(): void {
    const length = this.ringIds.length;
    const ids = new Int32Array(length * 2);
    const arrivals = new Float64Array(length * 2);
    ids.set(this.ringIds.subarray(this.head));
    ids.set(this.ringIds.subarray(0, this.head), length - this.head);
    arrivals.set(this.ringArrivals.subarray(this.head));
    arrivals.set(this.ringArrivals.subarray(0, this.head), length - this.head);
    this.ringIds = ids;
    this.ringArrivals = arrivals;
    this.head = 0;
  }

  private setBusy(now: number, busy: number): void {
    if (now < this.measureFrom) return;
    this.busyAverage ??= new TimeWeightedAverage(this.measureFrom, this.servers - this.freeCount);
    this.busyAverage.update(now, busy);
  }
}
