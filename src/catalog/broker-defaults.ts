// Broker configuration defaults the simulator relies on: Apache Kafka's own defaults, and the
// values MSK's default configuration sets instead ("For properties that aren't in this table,
// Amazon MSK uses the defaults associated with your version of Apache Kafka"). Where they differ
// (num.network.threads 3 vs 5, num.replica.fetchers 1 vs 2) an MSK cluster runs with MSK's value.
// Times are in seconds, sizes in MiB.
import { sourced } from './sourced.js';
import { SOURCES } from './sources.js';

export const KAFKA_DEFAULTS = {
  numIoThreads: sourced(8, `${SOURCES.kafkaServerConfigs} (num.io.threads)`),
  numNetworkThreads: sourced(3, `${SOURCES.kafkaServerConfigs} (num.network.threads)`),
  numReplicaFetchers: sourced(1, `${SOURCES.kafkaReplicationConfigs} (num.replica.fetchers)`),
  replicaLagTimeMaxS: sourced(30, `${SOURCES.kafkaReplicationConfigs} (replica.lag.time.max.ms = 30000 since Kafka 2.5)`),
  brokerSessionTimeoutS: sourced(
    9,
    `${SOURCES.kafkaKRaftConfigs} (broker.session.timeout.ms = 9000)`,
    'KRaft: a broker without heartbeats for this long is fenced and its leaderships move',
  ),
  brokerHeartbeatIntervalS: sourced(2, `${SOURCES.kafkaKRaftConfigs} (broker.heartbeat.interval.ms = 2000)`),
  zookeeperSessionTimeoutS: sourced(
    18,
    SOURCES.kafkaZkConfigs,
    'ZooKeeper mode: the session expiry after which the controller treats the broker as failed',
  ),
  logSegmentMiB: sourced(1024, `${SOURCES.kafkaLogConfigs} (log.segment.bytes = 1073741824)`),
} as const;

export const MSK_DEFAULT_CONFIGURATION = {
  numIoThreads: sourced(8, SOURCES.mskDefaultConfiguration),
  numNetworkThreads: sourced(5, SOURCES.mskDefaultConfiguration, "differs from Kafka's default of 3"),
  numReplicaFetchers: sourced(2, `${SOURCES.mskDefaultConfiguration}; ${SOURCES.mskPst}`, "differs from Kafka's default of 1"),
  replicaLagTimeMaxS: sourced(30, `${SOURCES.mskDefaultConfiguration} (replica.lag.time.max.ms = 30000)`),
  zookeeperSessionTimeoutS: sourced(18, `${SOURCES.mskDefaultConfiguration} (zookeeper.session.timeout.ms = 18000)`),
  defaultReplicationFactor3Az: sourced(3, SOURCES.mskDefaultConfiguration),
  defaultReplicationFactor2Az: sourced(2, SOURCES.mskDefaultConfiguration),
  minInsyncReplicas3Az: sourced(2, SOURCES.mskDefaultConfiguration),
  minInsyncReplicas2Az: sourced(1, SOURCES.mskDefaultConfiguration),
  autoCreateTopics: sourced(false, SOURCES.mskDefaultConfiguration),
} as const;
