// Configurations on which the property suite found a defect, kept as regression tests (STYLE
// habit 10): each file in ./failures holds the configuration fast-check shrank to (clients made
// unbounded where it predates buffer.memory and delivery.timeout.ms), the error it
// raised and where it was found. Each must run through — no InvariantError, no other throw,
// events within the budget of ./budget.ts — once the defect is fixed.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { simulateChecked } from './budget.js';

interface SavedFailure {
  /** What went wrong, in a sentence. */
  description: string;
  /** The error message at the time it was found. */
  error: string;
  /** fast-check's seed and path, and the commit it was found on. */
  found: { seed: number; path: string; commit: string };
  config: ModelConfig;
}

/**
 * Settings added after a configuration was saved take their defaults: unkeyed records,
 * max.in.flight.requests.per.connection 5, fetch.min.bytes 1 and fetch.max.wait.ms 500 (Kafka's),
 * cleanup.policy delete, and compaction.retainedFraction's default (unused by delete topics).
 */
function withClientDefaults(config: ModelConfig): ModelConfig {
  return {
    ...config,
    compactionRetainedFraction: (config as Partial<ModelConfig>).compactionRetainedFraction ?? 0.5,
    topics: config.topics.map((t) => ({
      ...t,
      cleanupPolicy: (t as Partial<typeof t>).cleanupPolicy ?? 'delete',
      producers: t.producers.map((p) => ({ ...p, keyed: (p as Partial<typeof p>).keyed ?? false, maxInFlight: (p as Partial<typeof p>).maxInFlight ?? 5 })),
      consumerGroups: t.consumerGroups.map((g) => ({
        ...g,
        fetchMinBytes: (g as Partial<typeof g>).fetchMinBytes ?? 1,
        fetchMaxWaitS: (g as Partial<typeof g>).fetchMaxWaitS ?? 0.5,
      })),
    })),
  };
}

const dir = new URL('./failures/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('configurations the property suite shrank a failure to', () => {
  for (const file of files) {
    const saved = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as SavedFailure;
    it(`${file}: ${saved.description}`, () => {
      expect(() => simulateChecked(withClientDefaults(saved.config))).not.toThrow();
    });
  }
});
