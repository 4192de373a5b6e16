import { describe, expect, it } from 'vitest';
import { recordingSimulator } from './support.js';

describe('Simulator.run({ until })', () => {
  it('runs events at exactly until, stops the clock at until, and continues on the next call', () => {
    const { sim, recorder, kind } = recordingSimulator();
    for (const t of [1, 5, 5, 7, 12]) sim.schedule(t, kind, t);
    expect(sim.run({ until: 5 })).toEqual({ state: 'until-reached', now: 5, events: 3 });
    expect(sim.now).toBe(5);
    expect(recorder.log).toEqual([
      [1, 'e1'],
      [5, 'e5'],
      [5, 'e5'],
    ]);
    expect(sim.run({ until: 10 })).toEqual({ state: 'until-reached', now: 10, events: 1 });
    expect(sim.now).toBe(10);
    expect(sim.run()).toEqual({ state: 'completed', now: 12, events: 1 });
    expect(recorder.log.map(([t]) => t)).toEqual([1, 5, 5, 7, 12]);
  });

  it('lets a handler schedule at until itself, and runs that event too', () => {
    const { sim, recorder, kind } = recordingSimulator((target, s) => {
      if (target === 1) s.schedule(3, kind, 2);
    });
    sim.schedule(3, kind, 1);
    sim.schedule(4, kind, 3);
    expect(sim.run({ until: 3 })).toEqual({ state: 'until-reached', now: 3, events: 2 });
    expect(recorder.log).toEqual([
      [3, 'e1'],
      [3, 'e2'],
    ]);
  });

  it('reports completed, with the clock at the last event, when the queue empties before until', () => {
    const { sim, kind } = recordingSimulator();
    sim.schedule(2, kind, 0);
    expect(sim.run({ until: 100 })).toEqual({ state: 'completed', now: 2, events: 1 });
    expect(sim.now).toBe(2);
  });

  it('moves the clock to until when no event is due, and rejects an until in the past', () => {
    const { sim, kind } = recordingSimulator();
    sim.schedule(50, kind, 0);
    expect(sim.run({ until: 10 })).toEqual({ state: 'until-reached', now: 10, events: 0 });
    expect(() => sim.run({ until: 9 })).toThrow(RangeError);
    expect(() => sim.run({ until: NaN })).toThrow(RangeError);
    expect(() => sim.schedule(9, kind, 0)).toThrow(/before now/);
  });
});
