// Deterministic rack-aware replica placement (DESIGN §3.2). Broker b sits in AZ b mod azs, so
// the broker list is already interleaved by rack, as Kafka's rack-aware assignment arranges it.
// The leader of partition p is broker (p + topicOffset) mod N — balanced leaders — and each
// follower is the next broker, after a shift that grows every N partitions (as Kafka's
// `nextReplicaShift` does) so follower pairs spread, in an AZ that holds no replica yet while
// one is left.

export function azOfBroker(broker: number, azs: number): number {
  return broker % azs;
}

/** The preferred leader of a topic's partition: round-robin by partition index from the topic's offset. */
export function leaderOf(partition: number, topicOffset: number, brokers: number): number {
  return (partition + topicOffset) % brokers;
}

export function replicaSet(partition: number, topicOffset: number, replicationFactor: number, brokers: number, azs: number): number[] {
  const leader = leaderOf(partition, topicOffset, brokers);
  const replicas = [leader];
  const shift = brokers > 1 ? Math.floor(partition / brokers) % (brokers - 1) : 0;
  let cursor = leader + 1 + shift;
  while (replicas.length < replicationFactor) {
    const usedAzs = new Set(replicas.map((b) => azOfBroker(b, azs)));
    const needNewAz = usedAzs.size < azs;
    let chosen = -1;
    for (let k = 0; k < brokers; k++) {
      const candidate = (cursor + k) % brokers;
      if (replicas.includes(candidate)) continue;
      if (needNewAz && usedAzs.has(azOfBroker(candidate, azs))) continue;
      chosen = candidate;
      cursor = candidate + 1;
      break;
    }
    if (chosen < 0) throw new RangeError(`replication factor ${replicationFactor} exceeds ${brokers} brokers`);
    replicas.push(chosen);
  }
  return replicas;
}
