// Per topic, its hottest partition: where it is led, what its producers asked of it and what it
// accepted at the peak, against MSK Serverless's per-partition ingress quota where there is one;
// and for a `{ hot, share }` topic, which brokers lead its hot partitions (Kafka's round-robin
// assignment puts partitions 0 … hot − 1 on consecutive leaders, placement.ts).
import type { ModelConfig } from '../model/config.js';
import { hotCount } from '../model/partitions.js';
import { leaderOf } from '../model/placement.js';
import type { ClusterRunData } from '../model/run-cluster.js';
import type { ResolvedPartitionSkew } from '../scenario/index.js';
import { BYTES_PER_MIB } from '../units.js';
import { round } from './summary.js';

export interface TopicSummary {
  topic: string;
  partitions: number;
  skew: ResolvedPartitionSkew['kind'];
  /** `{ hot, share }`: its hot partitions, and per broker leading some (1-based) how many; else 0 and []. */
  hotPartitions: number;
  hotLeaders: { broker: number; partitions: number }[];
  hottestPartition: {
    /** 0-based, as Kafka numbers partitions. */
    partition: number;
    /** Its preferred leader, 1-based; null on MSK Serverless (no brokers to name). */
    leaderBroker: number | null;
    /** Of the topic's produced bytes. */
    bytesPct: number;
    /** What its producers asked of it at the peak (stored bytes, as the quotas count them), and when. */
    peakDemandMiBps: number;
    peakDemandAtS: number;
    /** The most it accepted. */
    peakAcceptedMiBps: number;
    maxBacklogBytes: number;
    /** MSK Serverless's per-partition ingress quota; null on provisioned brokers. */
    ingressLimitMiBps: number | null;
  };
}

/** `brokers`: whether the deployment has brokers to name (not Serverless's virtual one). */
export function topicSummaries(run: ClusterRunData, config: ModelConfig, options: { brokers: boolean; ingressLimitMiBps: number | null }): TopicSummary[] {
  const h = run.hottest;
  const { ingressLimitMiBps } = options;
  const brokers = options.brokers ? config.brokers : 0;
  return config.topics.map((topic, t) => {
    const hot = hotCount(topic);
    const p = h.partitions[t]!;
    return {
      topic: topic.name,
      partitions: topic.partitions,
      skew: topic.partitionSkew.kind,
      hotPartitions: hot,
      hotLeaders: brokers > 0 ? hotLeaders(hot, t % brokers, brokers) : [],
      hottestPartition: {
        partition: p.partition,
        leaderBroker: brokers > 0 ? p.leader + 1 : null,
        bytesPct: round(p.topicShare * 100),
        peakDemandMiBps: round(h.peakDemandMiBps[t]!),
        peakDemandAtS: h.peakDemandAtS[t]!,
        peakAcceptedMiBps: round(h.peakAcceptedMiBps[t]!),
        maxBacklogBytes: Math.round(h.maxBacklogMiB[t]! * BYTES_PER_MIB),
        ingressLimitMiBps,
      },
    };
  });
}

/** Partitions 0 … hot − 1 by preferred leader: partition p and p + N, p + 2N, … share one. */
function hotLeaders(hot: number, offset: number, brokers: number): { broker: number; partitions: number }[] {
  const out: { broker: number; partitions: number }[] = [];
  for (let p = 0; p < Math.min(hot, brokers); p++) out.push({ broker: leaderOf(p, offset, brokers) + 1, partitions: Math.floor((hot - 1 - p) / brokers) + 1 });
  return out.sort((a, b) => a.broker - b.broker);
}
