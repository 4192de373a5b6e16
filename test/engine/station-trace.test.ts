// Exact traces of small FIFO-station scenarios with deterministic service (STYLE habit 10a).
import { describe, expect, it } from 'vitest';
import { FifoStation, Simulator, deterministic, type DepartureListener } from '../../src/engine/index.js';

class DepartureLog implements DepartureListener {
  readonly log: string[] = [];
  departed(customer: number, _station: FifoStation, now: number): void {
    this.log.push(`${customer}@${now}`);
  }
}

/** Schedules `station.arrive(customer)` at each [time, customer]. */
function arrivals(sim: Simulator, station: FifoStation, plan: [number, number][]): void {
  const kind = sim.register({ handle: (customer) => station.arrive(customer) });
  for (const [time, customer] of plan) sim.schedule(time, kind, customer);
}

describe('FifoStation traces', () => {
  it('serves two servers first come, first served (worked by hand)', () => {
    const sim = new Simulator();
    const departures = new DepartureLog();
    const station = new FifoStation(sim, { name: 'disk', servers: 2, service: deterministic(3), listener: departures });
    arrivals(sim, station, [
      [0, 0],
      [0, 1],
      [1, 2],
      [1, 3],
      [5, 4],
    ]);
    sim.run({ until: 5 });
    expect(station.inSystem).toBe(3);
    sim.run();
    // 0 and 1 start at once; 2 and 3 wait 2 for them; 4 waits 1 for the first free server.
    expect(departures.log).toEqual(['0@3', '1@3', '2@6', '3@6', '4@9']);
    expect([station.waits.count, station.waits.mean, station.waits.max]).toEqual([5, 1, 2]);
    expect(station.sojourns.mean).toBe(4);
    expect(station.sojournHistogram.max).toBe(5);
    expect(station.served).toBe(5);
    expect(station.inSystem).toBe(0);
    // Two servers busy on [0, 6), one on [6, 9): (12 + 3) / (2 · 9).
    expect(station.utilization(9)).toBeCloseTo(15 / 18, 12);
    expect(station.utilization(18)).toBeCloseTo(15 / 36, 12);
  });

  it('puts a customer sent straight back by the listener behind those already waiting', () => {
    const sim = new Simulator();
    const log: string[] = [];
    let returned = false;
    const station: FifoStation = new FifoStation(sim, {
      name: 'cpu',
      servers: 1,
      service: deterministic(1),
      listener: {
        departed: (customer, s, now) => {
          log.push(`${customer}@${now}`);
          if (customer === 0 && !returned) {
            returned = true;
            s.arrive(0);
          }
        },
      },
    });
    arrivals(sim, station, [
      [0, 0],
      [0, 1],
    ]);
    sim.run();
    expect(log).toEqual(['0@1', '1@2', '0@3']);
  });

  it('leaves customers arriving before the warm-up, and busy time before it, out of the statistics', () => {
    const sim = new Simulator();
    const station = new FifoStation(sim, { name: 'net', servers: 1, service: deterministic(4), warmupTime: 2 });
    arrivals(sim, station, [
      [0, 0],
      [3, 1],
    ]);
    sim.run();
    // Customer 0 (arrived at 0) is not counted; customer 1 waits 1 and leaves at 8.
    expect([station.waits.count, station.waits.mean, station.sojourns.mean, station.served]).toEqual([1, 1, 5, 1]);
    expect(station.arrivals).toBe(1);
    expect(station.utilization(10)).toBeCloseTo(6 / 8, 12);
    expect(station.utilization(1)).toBeNaN();
  });

  it('grows its waiting ring past the initial size without losing order', () => {
    const sim = new Simulator();
    const departures = new DepartureLog();
    const station = new FifoStation(sim, { name: 'big', servers: 1, service: deterministic(1), listener: departures });
    const plan: [number, number][] = Array.from({ length: 300 }, (_, i) => [i < 200 ? 0 : 50, i]);
    arrivals(sim, station, plan);
    sim.run();
    expect(departures.log.map((entry) => Number(entry.split('@')[0]))).toEqual(plan.map(([, c]) => c));
    expect(station.waits.max).toBe(299 - 50);
  });

  it('rejects bad options and bad service draws', () => {
    const sim = new Simulator();
    const service = deterministic(1);
    expect(() => new FifoStation(sim, { name: '', servers: 1, service })).toThrow(/name/);
    expect(() => new FifoStation(sim, { name: 'x', servers: 0, service })).toThrow(/servers/);
    expect(() => new FifoStation(sim, { name: 'x', servers: 1, service, capacity: 0 })).toThrow(/capacity/);
    expect(() => new FifoStation(sim, { name: 'x', servers: 1, service, warmupTime: -1 })).toThrow(/warmupTime/);
    const negative = new FifoStation(sim, { name: 'neg', servers: 1, service: { mean: -1, sample: () => -1 } });
    expect(() => negative.arrive(1)).toThrow(/service time/);
    expect(() => negative.arrive(0.5)).toThrow(/customer/);
  });
});
