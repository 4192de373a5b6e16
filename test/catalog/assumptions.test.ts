// Assumptions: the registry is complete and documented, and overrides are checked.
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, CatalogError, resolveAssumptions } from '../../src/catalog/index.js';

describe('ASSUMPTIONS registry', () => {
  it('every assumption has a one-line rationale, a basis, a unit and a default inside its range', () => {
    const problems: string[] = [];
    for (const a of ASSUMPTIONS) {
      if (a.rationale.trim() === '' || a.rationale.includes('\n')) problems.push(`${a.id}: rationale`);
      if (a.basis.trim() === '') problems.push(`${a.id}: basis`);
      if (a.unit.trim() === '') problems.push(`${a.id}: unit`);
      if (!(a.min <= a.value && a.value <= a.max)) problems.push(`${a.id}: default outside [min, max]`);
    }
    expect(problems).toEqual([]);
  });

  it('ids are unique, dotted camelCase', () => {
    const ids = ASSUMPTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/);
  });

  it('includes the constants the model needs', () => {
    const ids = ASSUMPTIONS.map((a) => a.id);
    for (const id of [
      'network.burstMinutesAtMax',
      'network.burstRefillFraction',
      'ebs.burstMinutesAtMax',
      'ebs.burstRefillFraction',
      'memory.heapFraction',
      'memory.pageCacheFraction',
      'cpu.coreSecondsPerMiBProduced',
      'cpu.coreSecondsPerMiBReplicated',
      'cpu.coreSecondsPerMiBFetched',
      'cpu.coreSecondsPerRequest',
      'network.rttSameAzS',
      'network.rttCrossAzS',
      'network.rttInterBrokerS',
      'consumer.laggingDiskReadFraction',
    ]) {
      expect(ids).toContain(id);
    }
  });
});

describe('resolveAssumptions', () => {
  it('without overrides: defaults, none overridden', () => {
    const resolved = resolveAssumptions();
    expect(resolved.values['ebs.burstMinutesAtMax']).toBe(30);
    expect(resolved.entries.every((e) => !e.overridden && e.value === e.defaultValue)).toBe(true);
    expect(resolved.entries.map((e) => e.id)).toEqual(ASSUMPTIONS.map((a) => a.id));
  });

  it('an override changes the value and is listed as overridden with its default', () => {
    const resolved = resolveAssumptions({ 'network.rttCrossAzS': 0.0015 });
    expect(resolved.values['network.rttCrossAzS']).toBe(0.0015);
    const entry = resolved.entries.find((e) => e.id === 'network.rttCrossAzS');
    expect(entry).toMatchObject({ value: 0.0015, defaultValue: 0.001, overridden: true, unit: 's' });
    expect(resolved.entries.filter((e) => e.overridden)).toHaveLength(1);
  });

  it('an unknown id is an error that lists the valid ids', () => {
    expect(() => resolveAssumptions({ 'cpu.costPerMiB': 1 })).toThrow(CatalogError);
    expect(() => resolveAssumptions({ 'cpu.costPerMiB': 1 })).toThrow(
      /unknown assumption "cpu.costPerMiB"; valid ids: network\.burstMinutesAtMax, .*cpu\.coreSecondsPerMiBProduced/,
    );
  });

  it('a value outside the declared range is an error naming the range', () => {
    expect(() => resolveAssumptions({ 'memory.pageCacheFraction': 1.5 })).toThrow(
      /"memory.pageCacheFraction" must be a number in \[0, 1\] fraction, got 1.5/,
    );
    expect(() => resolveAssumptions({ 'network.rttSameAzS': -0.001 })).toThrow(CatalogError);
    expect(() => resolveAssumptions({ 'network.rttSameAzS': Number.NaN })).toThrow(CatalogError);
  });

  it('accepts the bounds themselves', () => {
    expect(resolveAssumptions({ 'memory.pageCacheFraction': 1 }).values['memory.pageCacheFraction']).toBe(1);
  });
});
