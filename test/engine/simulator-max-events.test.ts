import { describe, expect, it } from 'vitest';
import { recordingSimulator } from './support.js';

describe('Simulator.run({ maxEvents })', () => {
  it('stops after maxEvents with outcome event-limit, and resumes where it stopped', () => {
    // A self-perpetuating chain: without the limit this run would never end.
    const { sim, recorder, kind } = recordingSimulator((target, s) => {
      s.scheduleAfter(1, kind, target + 1);
    });
    sim.schedule(0, kind, 0);
    expect(sim.run({ maxEvents: 3 })).toEqual({ state: 'event-limit', now: 2, events: 3 });
    expect(sim.pending).toBe(1);
    expect(sim.run({ maxEvents: 2 })).toEqual({ state: 'event-limit', now: 4, events: 2 });
    expect(recorder.log.map(([, label]) => label)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(sim.eventsProcessed).toBe(5);
  });

  it('counts only this call, and prefers until-reached when the next event is past until', () => {
    const { sim, kind } = recordingSimulator();
    for (const t of [1, 2, 3, 4]) sim.schedule(t, kind, 0);
    expect(sim.run({ maxEvents: 2, until: 2 })).toEqual({ state: 'until-reached', now: 2, events: 2 });
    expect(sim.run({ maxEvents: 1, until: 10 })).toEqual({ state: 'event-limit', now: 3, events: 1 });
    expect(sim.run({ maxEvents: 0 })).toEqual({ state: 'event-limit', now: 3, events: 0 });
    expect(sim.run({ maxEvents: 1 })).toEqual({ state: 'completed', now: 4, events: 1 });
  });

  it('rejects a negative or fractional maxEvents', () => {
    const { sim } = recordingSimulator();
    expect(() => sim.run({ maxEvents: -1 })).toThrow(RangeError);
    expect(() => sim.run({ maxEvents: 1.5 })).toThrow(RangeError);
    expect(() => sim.run({ maxEvents: NaN })).toThrow(RangeError);
  });
});
