// Runs a hand-written configuration and exposes what tests look at: the state, the timeline,
// the observers' data and the totals.
import type { ModelConfig } from '../../src/model/config.js';
import { ClusterModel } from '../../src/model/simulation.js';
import { totalProducerBacklogMiB, totalStoredMiB } from '../../src/model/state.js';

export function simulate(config: ModelConfig) {
  const model = new ClusterModel(config);
  model.run();
  const state = model.state;
  return {
    model,
    config,
    state,
    timeline: model.timeline.events,
    series: model.series.finish(),
    util: model.utilization.finish(),
    lag: model.lag.finish(),
    usage: model.usage.finish(),
    totals: state.totals,
    producerBacklogMiB: totalProducerBacklogMiB(state),
    storedMiB: totalStoredMiB(state),
    storageGiB: state.disks.sizeGiB,
    alive: state.alive,
  };
}
