import { describe, expect, it } from 'vitest';
import { formatError, formatPath, sortErrors } from '../../src/scenario/errors.js';

describe('formatPath', () => {
  it('writes indices in brackets and quotes keys that are not identifiers', () => {
    expect(formatPath(['deployments', 0, 'brokers'])).toBe('deployments[0].brokers');
    expect(formatPath(['pricing', 'overrides', 'kafka.m5.large'])).toBe('pricing.overrides["kafka.m5.large"]');
    expect(formatPath([])).toBe('');
  });
});

describe('formatError', () => {
  it('prints file:line:col: path: message. Fix: … on one line', () => {
    const line = formatError({ file: 'a.yaml', line: 3, column: 7, path: 'deployments[0].brokers', message: 'too few', fix: 'add brokers' });
    expect(line).toBe('a.yaml:3:7: deployments[0].brokers: too few. Fix: add brokers.');
  });

  it('leaves out what it does not know', () => {
    expect(formatError({ file: 'a.yaml', line: 0, column: 0, path: '', message: 'empty', fix: '' })).toBe('a.yaml: empty.');
  });
});

describe('sortErrors', () => {
  it('orders by file, then position', () => {
    const e = (file: string, line: number, column: number) => ({ file, line, column, path: '', message: 'm', fix: '' });
    expect(sortErrors([e('b', 1, 1), e('a', 2, 1), e('a', 1, 5), e('a', 1, 2)])).toEqual([e('a', 1, 2), e('a', 1, 5), e('a', 2, 1), e('b', 1, 1)]);
  });
});
