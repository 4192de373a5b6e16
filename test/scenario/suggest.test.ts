import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/scenario/suggest.js';

describe('suggest', () => {
  const keys = ['partitions', 'replicationFactor', 'minInsyncReplicas', 'retention', 'retentionBytes'];

  it('finds a key with a missing, swapped or wrong-case letter', () => {
    expect(suggest('partitons', keys)).toBe('partitions');
    expect(suggest('partitoins', keys)).toBe('partitions');
    expect(suggest('replicationfactor', keys)).toBe('replicationFactor');
  });

  it('offers nothing for a word that is not a typo of any key', () => {
    expect(suggest('throughput', keys)).toBeUndefined();
  });
});
