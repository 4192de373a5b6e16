// Latency of produce and end-to-end delivery (DESIGN §3.4): a request-level simulation for
// chosen windows and a per-interval estimate for the whole horizon, from the same snapshot.
export { checkSnapshot, DEFAULT_CPU_SECONDS_PER_MIB, MAX_FOLLOWERS } from './snapshot.js';
export type { LatencyParams, LatencySnapshot, PartitionGroup } from './snapshot.js';
export { DRAIN_S, runRequestLevel } from './request-level.js';
export type { QueueUtilisation, RequestLevelOptions, RequestLevelResult } from './request-level.js';
export { DEFAULT_ESTIMATE_SAMPLES, estimateLatency } from './estimate.js';
export type { EstimateInto, EstimateOptions, EstimateResult } from './estimate.js';
export { batchBytes } from './routes.js';
