// The scenario layer: YAML text → a resolved, unit-normalised scenario, or located errors.
export type * from './types.js';
export { EXPRESS_BROKER_TYPES, STANDARD_BROKER_TYPES } from './types.js';
export { loadScenario, type LoadOptions, type LoadResult } from './load.js';
export { formatError, formatErrors, formatPath, type ScenarioError } from './errors.js';
export type { Problem } from './problem.js';
export { suggest } from './suggest.js';
export { scenarioHash, canonicalJson } from './hash.js';
export { scenarioJsonSchema } from './json-schema.js';
export { inspectInputFile, type Inspection } from './input-file.js';
export { escapeControl } from './display.js';
export { MAX_SCENARIO_BYTES, MAX_TRACE_BYTES } from './limits.js';
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
