import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/scenario/suggest.js';

describe('suggest', () => {
  const keys = ['partitions', 'replicationFactor', 'minInsyncReplicas', 'retention', 'retentionBytes'];

  it('finds a key with a missing, swapped or wrong-case letter', () => {
    expect(suggest('partitons', keys)).toBe('partitions');
    expect(suggest('partitoins', keys)).toBe('partitions');
    expect(suggest('replicationfactor', keys)).toBe('replicationFactor');
  });

  it('counts a swap of neighbouring letters as one edit, also in short words', () => {
    // Plain Levenshtein counts a swap as two edits: it would offer "s" for "sm", nothing for
    // "mgs/s" (one edit allowed in five letters) and nothing for "uint".
    expect(suggest('sm', ['ms', 's', 'm', 'min'])).toBe('ms');
    expect(suggest('mgs/s', ['MB/s', 'MiB/s', 'msg/s'])).toBe('msg/s');
    expect(suggest('uint', ['unit', 'file'])).toBe('unit');
  });

  it('offers nothing for a word that is not a typo of any key', () => {
    expect(suggest('throughput', keys)).toBeUndefined();
  });
});
