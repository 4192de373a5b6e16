// Per-broker totals of the current allocation, shared by the series sampler and the lag tracker.
import { FETCH, PRODUCE } from '../flows.js';
import { isrSize } from '../state.js';
import type { BrokerRates, View } from './view.js';

export function fillBrokerRates(view: View, out: BrokerRates): void {
  const { state, flows, alloc, drift } = view;
  out.bytesInMiBps.fill(0);
  out.bytesOutMiBps.fill(0);
  out.replicationInMiBps.fill(0);
  out.replicationOutMiBps.fill(0);
  out.lagMiB.fill(0);
  out.lagDriftMiBps.fill(0);
  out.underReplicated.fill(0);
  const net = flows.net;
  for (let f = 0; f < net.flowCount; f++) {
    const mib = alloc.rate[f]! * net.multiplicity[f]!;
    const b = flows.broker[f]!;
    const kind = flows.kind[f]!;
    if (kind === PRODUCE) out.bytesInMiBps[b]! += mib;
    else if (kind === FETCH) {
      // A rack-aware group is served by several brokers: each sends its share.
      for (let u = net.useStart[f]!; u < net.useStart[f + 1]!; u++) {
        if (flows.useIsRead[u] === 1) out.bytesOutMiBps[state.resources.owner[net.useResource[u]!]!]! += mib * flows.useWeight[u]!;
      }
    } else {
      out.replicationInMiBps[b]! += mib;
      out.replicationOutMiBps[flows.broker[flows.produceOf[flows.klass[f]!]!]!]! += mib;
    }
  }
  const { classes, slots, groupSlots } = state;
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c]!;
    const leaderSlot = state.leaderSlot[c]!;
    const leader = cls.replicas[leaderSlot < 0 ? 0 : leaderSlot]!;
    out.lagMiB[leader * 3]! += state.producerBacklogMiB[c]! * cls.count;
    out.lagDriftMiBps[leader * 3]! += drift.backlog[c]! * cls.count;
    if (leaderSlot >= 0 && isrSize(state, c) < cls.replicas.length) out.underReplicated[leader]! += cls.count;
    for (let j = 0; j < cls.replicas.length; j++) {
      if (j === leaderSlot) continue;
      const k = c * slots + j;
      out.lagMiB[cls.replicas[j]! * 3 + 1]! += state.lagMiB[k]! * cls.count;
      out.lagDriftMiBps[cls.replicas[j]! * 3 + 1]! += drift.lag[k]! * cls.count;
    }
    const groups = state.config.topics[cls.topic]!.consumerGroups.length;
    for (let g = 0; g < groups; g++) {
      const k = c * groupSlots + g;
      const f = flows.fetchOf[k]!;
      const server = f < 0 ? leader : flows.broker[f]!;
      out.lagMiB[server * 3 + 2]! += state.consumerLagMiB[k]! * cls.count;
      out.lagDriftMiBps[server * 3 + 2]! += drift.consumer[k]! * cls.count;
    }
  }
}
