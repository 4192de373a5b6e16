// What the placement of a deployment's partitions comes to, counted without building the
// model: partition replicas per broker (MSK's per-broker quota counts replicas) and the number
// of partition classes the model will keep (src/model/partitions.ts), which its per-event work
// grows with. The replica list of partition p depends only on its leader (p + offset) mod N and
// its shift ⌊p / N⌋ mod (N − 1) (src/model/placement.ts), so it repeats every N·(N − 1)
// partitions: one replicaSet call per distinct (leader, shift, RF), and O(partitions) lookups.
import type { ModelConfig } from '../model/config.js';
import { hotCount, hotShare, shareLabel, topicShapes } from '../model/partitions.js';
import { replicaSet } from '../model/placement.js';

export interface PartitionLayout {
  /** Partition replicas (leaders and followers) on each broker. */
  replicasPerBroker: Float64Array;
  /** Classes the model groups the partitions into: one per shape of topic and replica list (and hot or cold). */
  flowClasses: number;
}

export function partitionLayout(config: ModelConfig): PartitionLayout {
  const brokers = config.brokers;
  const replicasPerBroker = new Float64Array(brokers);
  const period = brokers * Math.max(1, brokers - 1);
  const sets: ReplicaSets = { byPair: new Map(), idByList: new Map() };
  const classKeys = new Set<string>();
  const shapes = topicShapes(config);
  config.topics.forEach((topic, t) => {
    const offset = t % brokers;
    const distinct = Math.min(topic.partitions, period);
    const hot = hotCount(topic);
    const { representative, scale } = shapes[t]!;
    const skew = topic.partitionSkew;
    // As partitions.ts computes it, so that equal shares give equal keys.
    const shareOf = (p: number): number => (skew.kind === 'hot' ? hotShare(topic.partitions, skew.share, hot, p) * scale : 0);
    for (let p = 0; p < distinct; p++) {
      // Partitions p, p + period, p + 2·period, … share this replica list.
      const members = Math.floor((topic.partitions - 1 - p) / period) + 1;
      const set = replicasOf(sets, p, offset, topic.replicationFactor, config);
      for (const b of set.replicas) replicasPerBroker[b]! += members;
      const key = `${representative}|${set.id}`;
      // A hot set (partitions 0 … hot − 1) splits a replica list into a hot and a cold class.
      classKeys.add(key + shareLabel(hot, shareOf(p)));
      if (hot > 0 && p < hot && p + (members - 1) * period >= hot) classKeys.add(key + shareLabel(hot, shareOf(hot)));
    }
  });
  return { replicasPerBroker, flowClasses: classKeys.size };
}

/** Replica lists by (leader, shift, RF), and an id per distinct list: two pairs may give one list, and the model keys classes by the list. */
interface ReplicaSets {
  byPair: Map<string, { id: number; replicas: number[] }>;
  idByList: Map<string, number>;
}

function replicasOf(sets: ReplicaSets, p: number, offset: number, rf: number, config: ModelConfig): { id: number; replicas: number[] } {
  const n = config.brokers;
  const leader = (p + offset) % n;
  const shift = n > 1 ? Math.floor(p / n) % (n - 1) : 0;
  const key = `${leader}|${shift}|${rf}`;
  let set = sets.byPair.get(key);
  if (set === undefined) {
    // replicaSet reads only leader and shift from (p, offset): the first partition with them stands for all.
    const replicas = replicaSet(p, offset, rf, n, config.azs);
    const list = replicas.join(',');
    const id = sets.idByList.get(list) ?? sets.idByList.size;
    sets.idByList.set(list, id);
    set = { id, replicas };
    sets.byPair.set(key, set);
  }
  return set;
}

export function maxOf(values: Float64Array): { value: number; index: number } {
  let index = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[index]!) index = i;
  return { value: values[index] ?? 0, index };
}
