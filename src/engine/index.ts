// The discrete-event kernel: clock, event queue, run loop, seeded random streams, samplers,
// statistics and FIFO stations. It knows nothing of Kafka (DESIGN §1).
export { EventQueue } from './event-queue.js';
export { Simulator } from './simulator.js';
export type { EventHandler, RunOutcome, RunOptions, SimulatorOptions } from './simulator.js';
export { RandomStreams } from './random.js';
export type { Rng } from './random.js';
export { deterministic, empirical, exponential, lognormal, normal, uniform } from './distributions.js';
export type { Sampler } from './distributions.js';
export { poisson } from './poisson.js';
export { StreamingMoments } from './streaming-moments.js';
export { TimeWeightedAverage } from './time-weighted-average.js';
export { LatencyHistogram, MIN_TRACKED_VALUE } from './latency-histogram.js';
export type { LatencyHistogramJson } from './latency-histogram.js';
export { FifoStation } from './station.js';
export type { DepartureListener, FifoStationOptions } from './station.js';
