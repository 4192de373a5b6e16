import { describe, expect, it } from 'vitest';
import { parseDuration, parseInstant, parsePercent, parseRate, parseSize } from '../../src/scenario/units.js';

const MiB = 1024 ** 2;

describe('parseSize', () => {
  it.each([
    ['1B', 1],
    ['1KB', 1000],
    ['1KiB', 1024],
    ['1.5MB', 1.5e6],
    ['2MiB', 2 * MiB],
    ['1GB', 1e9],
    ['1GiB', 1024 ** 3],
    ['1TB', 1e12],
    ['4TiB', 4 * 1024 ** 4],
    ['1000 GiB', 1000 * 1024 ** 3],
    ['.5KiB', 512],
  ])('%s → %d bytes', (text, bytes) => {
    expect(parseSize(text)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    [1024, 'size 1024 has no unit', 'write 1024B if it is in bytes, as Kafka\'s settings are, or e.g. 1KiB'],
    ['1024', 'size "1024" has no unit', 'write 1024KiB'],
    ['1kib', 'size has an unknown unit "kib"', 'write 1KiB'],
    ['1KB/s', 'size "1KB/s" is a rate, not a size', 'write 1KB'],
    ['-1GiB', 'size must not be negative (got "-1GiB")', 'remove the minus sign, e.g. 1KiB'],
    ['GiB', 'size "GiB" is not a number followed by a unit', 'write e.g. 1KiB'],
    [true, 'size must be a string with a unit, got true', 'write e.g. 1KiB'],
  ])('rejects %j', (value, message, fix) => {
    expect(parseSize(value)).toEqual({ ok: false, message, fix });
  });
});

describe('parseRate', () => {
  it.each([
    ['40MiB/s', { kind: 'bytes', bytesPerS: 40 * MiB }],
    ['40MB/s', { kind: 'bytes', bytesPerS: 40e6 }],
    ['1GiB/s', { kind: 'bytes', bytesPerS: 1024 * MiB }],
    ['100KiB/s', { kind: 'bytes', bytesPerS: 102_400 }],
    ['5B/s', { kind: 'bytes', bytesPerS: 5 }],
    ['1KB/s', { kind: 'bytes', bytesPerS: 1000 }],
    ['1GB/s', { kind: 'bytes', bytesPerS: 1e9 }],
    ['2000msg/s', { kind: 'messages', perS: 2000 }],
  ])('%s', (text, rate) => {
    expect(parseRate(text)).toEqual({ ok: true, value: rate });
  });

  it('rejects a bare number and names both spellings', () => {
    expect(parseRate(40)).toEqual({ ok: false, message: 'rate 40 has no unit', fix: 'write 40MiB/s, or 40msg/s for messages per second' });
  });

  it('rejects a size without /s', () => {
    expect(parseRate('40MiB')).toEqual({ ok: false, message: 'rate "40MiB" is a size, not a rate', fix: 'write 40MiB/s' });
  });

  it('rejects bits with the conversion', () => {
    expect(parseRate('100Mbps')).toMatchObject({ ok: false, message: 'rate unit "Mbps" is in bits; msksim uses bytes' });
  });

  it('suggests the nearest unit for a wrong case', () => {
    expect(parseRate('40mib/s')).toEqual({ ok: false, message: 'rate has an unknown unit "mib/s"', fix: 'write 40MiB/s' });
  });
});

describe('parseDuration', () => {
  it.each([
    ['5ms', 0.005],
    ['30s', 30],
    ['10m', 600],
    ['10min', 600],
    ['6h', 21_600],
    ['7d', 604_800],
    ['2w', 1_209_600],
    ['1h30m', 5400],
    ['1.5h', 5400],
    ['0s', 0],
    ['10 m', 600],
  ])('%s → %d s', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: seconds });
  });

  it.each([
    [30, 'duration 30 has no unit', 'write 30s'],
    ['-30d', 'duration must not be negative (got "-30d")', 'remove the minus sign, e.g. 30s'],
    ['7days', 'duration has an unknown unit "days"', 'write 7d'],
    ['7y', 'duration has an unknown unit "y"', 'use one of ms, s, m, min, h, d, w'],
    ['1h30x', 'duration has an unknown unit "x"', 'use one of ms, s, m, min, h, d, w'],
  ])('rejects %j', (value, message, fix) => {
    expect(parseDuration(value)).toEqual({ ok: false, message, fix });
  });
});

describe('parsePercent', () => {
  it('reads "60%" as a fraction everywhere', () => {
    for (const mode of ['percent', 'fraction', 'reject'] as const) expect(parsePercent('60%', mode)).toEqual({ ok: true, value: 0.6 });
  });

  it('reads a plain number by the key’s contract', () => {
    expect(parsePercent(60, 'percent')).toEqual({ ok: true, value: 0.6 });
    expect(parsePercent(0.3, 'fraction')).toEqual({ ok: true, value: 0.3 });
    expect(parsePercent(5, 'reject')).toEqual({ ok: false, message: 'percentage 5 has no % sign', fix: 'write 5%' });
  });

  it('accepts negative percentages (shrinking load)', () => {
    expect(parsePercent('-10%', 'reject')).toEqual({ ok: true, value: -0.1 });
  });
});

describe('parseInstant', () => {
  it('reads ISO-8601 with a zone, and bare dates as UTC midnight', () => {
    expect(parseInstant('2024-01-01T00:00:00Z')).toEqual({ ok: true, value: 1_704_067_200 });
    expect(parseInstant('2024-01-01T02:00:00+02:00')).toEqual({ ok: true, value: 1_704_067_200 });
    expect(parseInstant('2024-01-01')).toEqual({ ok: true, value: 1_704_067_200 });
  });

  it('rejects a date-time without a zone (it would depend on the machine)', () => {
    expect(parseInstant('2024-01-01T00:00:00').ok).toBe(false);
  });
});
