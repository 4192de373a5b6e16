import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/scenario/index.js';
import { fixtureText, loadText } from './fixtures.js';

function hashOf(text: string, name = 'scenario.yaml'): string {
  const result = loadText(text, name);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario.hash;
}

describe('scenario hash', () => {
  const text = fixtureText('valid-full.yaml');

  it('is the same for the same text', () => {
    expect(hashOf(text)).toBe(hashOf(text));
  });

  it('changes when a simulated value changes', () => {
    expect(hashOf(text.replace('brokers: 6', 'brokers: 9'))).not.toBe(hashOf(text));
    expect(hashOf(text.replace('seed: 42', 'seed: 43'))).not.toBe(hashOf(text));
  });

  it('ignores comments, key order, spelling of equal quantities and the file name', () => {
    const reworded = text
      .replace('seed: 42', 'seed: 42   # the answer')
      .replace('messageSize: 1KiB', 'messageSize: 1024B')
      .replace('duration: 30d', 'duration: 720h')
      .replace('name: payments-prod\ndescription: Payment events, three consumer groups', 'description: Payment events, three consumer groups\nname: payments-prod');
    expect(reworded).not.toBe(text);
    expect(hashOf(reworded, 'other-name.yaml')).toBe(hashOf(text));
  });

  it('changes when a trace row changes', () => {
    const withTrace = (file: string) => text.replace('traces/bytes-in.csv', file);
    expect(hashOf(withTrace('malformed/traces/ok.csv'))).not.toBe(hashOf(text));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });
});
