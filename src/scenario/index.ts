// The scenario layer: YAML text → a resolved, unit-normalised scenario, or located errors.
export type * from './types.js';
export { STANDARD_BROKER_TYPES } from './types.js';
export { loadScenario, type LoadOptions, type LoadResult } from './load.js';
export { formatError, formatErrors, formatPath, type ScenarioError } from './errors.js';
export type { Problem } from './problem.js';
export { suggest } from './suggest.js';
export { scenarioHash, canonicalJson } from './hash.js';
export { scenarioJsonSchema } from './json-schema.js';
export {
  BYTES_PER_GIB,
  BYTES_PER_MIB,
  parseDuration,
  parseInstant,
  parsePercent,
  parseRate,
  parseSize,
  type Parsed,
  type Rate,
} from './units.js';
