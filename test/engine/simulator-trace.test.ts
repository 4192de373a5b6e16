// Exact traces of micro-scenarios (STYLE habit 10a), in the manner of SimPy's tests.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/index.js';
import { recordingSimulator } from './support.js';

describe('Simulator traces', () => {
  it('runs same-time events in the order they were scheduled, across handlers', () => {
    const sim = new Simulator();
    const trace: string[] = [];
    const a = sim.register({ handle: (target, s) => trace.push(`${s.now}:a${target}`) });
    const b = sim.register({ handle: (target, s) => trace.push(`${s.now}:b${target}`) });
    sim.schedule(2, b, 1);
    sim.schedule(1, a, 1);
    sim.schedule(2, a, 2);
    sim.schedule(1, b, 2);
    sim.schedule(2, b, 3);
    expect(sim.run()).toEqual({ state: 'completed', now: 2, events: 5 });
    expect(trace).toEqual(['1:a1', '1:b2', '2:b1', '2:a2', '2:b3']);
  });

  it('runs an event scheduled for now after the ones already due now', () => {
    const { sim, recorder, kind } = recordingSimulator((target, s) => {
      if (target === 1) s.scheduleAfter(0, kind, 9);
    });
    sim.schedule(1, kind, 1);
    sim.schedule(1, kind, 2);
    sim.run();
    expect(recorder.log).toEqual([
      [1, 'e1'],
      [1, 'e2'],
      [1, 'e9'],
    ]);
  });

  it('chains events through a handler (ping-pong with delays)', () => {
    const { sim, recorder, kind } = recordingSimulator((target, s) => {
      if (target < 4) s.scheduleAfter(target + 0.5, kind, target + 1);
    });
    sim.schedule(0, kind, 0);
    expect(sim.run()).toEqual({ state: 'completed', now: 8, events: 5 });
    expect(recorder.log).toEqual([
      [0, 'e0'],
      [0.5, 'e1'],
      [2, 'e2'],
      [4.5, 'e3'],
      [8, 'e4'],
    ]);
  });

  it('cancels a pending event from inside a handler', () => {
    let timeout = -1;
    const { sim, recorder, kind } = recordingSimulator((target, s) => {
      if (target === 1) expect(s.cancel(timeout)).toBe(true);
    });
    timeout = sim.schedule(5, kind, 99);
    const first = sim.schedule(1, kind, 1);
    sim.schedule(6, kind, 2);
    expect(sim.pending).toBe(3);
    expect(sim.run().events).toBe(2);
    expect(recorder.log).toEqual([
      [1, 'e1'],
      [6, 'e2'],
    ]);
    expect(sim.cancel(timeout)).toBe(false);
    expect(sim.cancel(first)).toBe(false);
    expect(sim.pending).toBe(0);
  });

  it('counts events over all runs and refuses to run re-entrantly', () => {
    const { sim, kind } = recordingSimulator((target, s) => {
      if (target === 7) s.run();
    });
    sim.schedule(1, kind, 1);
    sim.schedule(2, kind, 2);
    sim.run({ maxEvents: 1 });
    sim.run();
    expect(sim.eventsProcessed).toBe(2);
    sim.schedule(3, kind, 7);
    expect(() => sim.run()).toThrow(/re-entrant/);
    expect(sim.eventsProcessed).toBe(3);
    expect(sim.run()).toEqual({ state: 'completed', now: 3, events: 0 });
  });
});
