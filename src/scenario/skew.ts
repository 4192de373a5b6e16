// How many partitions a `{ hot, share }` skew makes hot, shared by the scenario checks and the
// model so both count the same partitions: the fraction of the partitions rounded to the
// nearest whole partition, at least one (a 5 % hot set of 10 partitions is 1, not 0).

export function hotPartitionCount(partitions: number, hotFraction: number): number {
  return Math.max(1, Math.round(hotFraction * partitions));
}
