import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/engine/index.js';
import { recordingSimulator } from './support.js';

describe('Simulator.schedule validation', () => {
  it('throws RangeError for a time in the past, NaN or infinite', () => {
    const { sim, kind } = recordingSimulator();
    sim.schedule(5, kind, 0);
    sim.run();
    expect(() => sim.schedule(4.999, kind, 0)).toThrow(/before now \(5\)/);
    expect(() => sim.schedule(NaN, kind, 0)).toThrow(/NaN/);
    expect(() => sim.schedule(Infinity, kind, 0)).toThrow(/finite/);
    expect(() => sim.scheduleAfter(-1, kind, 0)).toThrow(RangeError);
    expect(() => sim.scheduleAfter(NaN, kind, 0)).toThrow(RangeError);
    expect(sim.schedule(5, kind, 0)).toBeGreaterThan(0);
  });

  it('throws RangeError for an unknown kind or a target that is not a 32-bit integer', () => {
    const { sim, kind } = recordingSimulator();
    expect(() => sim.schedule(1, kind + 1, 0)).toThrow(/unknown kind/);
    expect(() => sim.schedule(1, -1, 0)).toThrow(/unknown kind/);
    expect(() => sim.schedule(1, 0.5, 0)).toThrow(/unknown kind/);
    expect(() => sim.schedule(1, kind, 1.5)).toThrow(/32-bit/);
    expect(() => sim.schedule(1, kind, 2 ** 31)).toThrow(/32-bit/);
    expect(sim.pending).toBe(0);
  });

  it('returns increasing ids and hands out kinds in registration order', () => {
    const sim = new Simulator();
    expect(sim.register({ handle: () => undefined })).toBe(0);
    expect(sim.register({ handle: () => undefined })).toBe(1);
    expect(() => sim.register({} as never)).toThrow(TypeError);
    const a = sim.schedule(3, 1, 0);
    const b = sim.scheduleAfter(1, 0, -7);
    expect(b).toBe(a + 1);
  });
});
