// Constants the simulator needs that no AWS page publishes (DESIGN §3.3). They are kept apart
// from the sourced facts: each has a default, a declared range, a one-line rationale and a basis
// (a source, or a calibration note saying how to measure it), can be overridden in the scenario,
// and is listed in every report. The unit is in the id and in `unit`; times are seconds except
// the two burst buckets, which are sized the way EC2 describes them: minutes at the maximum rate.

export interface AssumptionSpec {
  readonly id: string;
  readonly value: number;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (a count of threads): the model takes the value as it is. */
  readonly integer?: boolean;
  readonly rationale: string;
  readonly basis: string;
}

// CPU calibration anchor used below. AWS says a Standard m7g.16xlarge (64 vCPU) safely takes
// 153.8 MiB/s of ingress (MSK FAQ) and asks for CPU user+system < 60 % (bestpractices). With
// RF 3 and one consumer group, one broker then handles 153.8 MiB/s produced, 307.6 replicated
// in and 461.4 fetched (307.6 by followers + 153.8 by consumers). With the defaults here that is
// 1.54 + 1.54 + 1.38 ≈ 4.5 cores, 7 % of 64: consistent with AWS's claim (its limit there is
// storage throughput, not CPU), but the anchor only bounds the constants from above (≤ 0.04
// core·s/MiB in total). The split between them is a guess until calibrated against CpuUser.
export const ASSUMPTIONS = [
  {
    id: 'network.burstMinutesAtMax',
    value: 10,
    unit: 'min',
    min: 0,
    max: 240,
    rationale: 'Size of the network credit bucket of "up to" sizes: minutes at the burst rate from a full bucket.',
    basis:
      'EC2 ec2-instance-network-bandwidth.md: bursts last "typically from 5 to 60 minutes, depending on the instance size"; 10 min sits at the low end because MSK uses the smallest "up to" sizes. Calibrate with a burst test after depleting credits (aws-samples/performance-testing-framework-for-apache-kafka).',
  },
  {
    id: 'network.burstRefillFraction',
    value: 1,
    unit: 'fraction',
    min: 0,
    max: 1,
    rationale: 'Share of unused baseline bandwidth (baseline − usage) that refills the network credit bucket.',
    basis: 'EC2 names a "network I/O credit mechanism" but not its accrual rate; earning at the unused baseline is the usual token-bucket reading (as for CPU credits). Guess, to calibrate.',
  },
  {
    id: 'ebs.burstMinutesAtMax',
    value: 30,
    unit: 'min',
    min: 0,
    max: 720,
    rationale: 'EBS burst bucket of "*" sizes: (EBS max − baseline) × this many minutes.',
    basis: 'EC2 ebs-optimized.md: "*" sizes "can support maximum performance for 30 minutes at least once every 24 hours".',
  },
  {
    id: 'ebs.burstRefillFraction',
    value: 1,
    unit: 'fraction',
    min: 0,
    max: 1,
    rationale: 'Share of unused EBS baseline bandwidth (baseline − usage) that refills the EBS burst bucket.',
    basis:
      'EC2 ebs-optimized.md publishes only the outcome ("30 minutes at least once every 24 hours"), not the accrual. Earning at the unused baseline, as EC2 credits do, refills an idle m5.large in about 3 h, within the published "once every 24 hours", and keeps the sustained rate at exactly the baseline. Guess, to calibrate with a depleted-credit test.',
  },
  {
    id: 'credits.initialFillFraction',
    value: 1,
    unit: 'fraction',
    min: 0,
    max: 1,
    rationale: 'Fill of every burst bucket (network, EBS, CPU credits) when the simulation starts.',
    basis: 'A broker that has run below its baselines has full buckets. AWS\'s aws-samples/performance-testing-framework-for-apache-kafka depletes burst credits before measuring: set 0 for that worst case.',
  },
  {
    id: 'workload.profileStepS',
    value: 600,
    unit: 's',
    min: 1,
    max: 3600,
    rationale: 'Step over which continuous load profiles (diurnal, growth) are held constant at their midpoint value.',
    basis:
      'Modelling choice: over 600 s the midpoint of a 24 h sine differs from the step mean by 1 − sin(x)/x with x = π·600/86400, i.e. < 0.01 % of the swing, and the highest step from the true peak by < 0.03 %; halving the step doubles the workload events for no visible change.',
  },
  {
    id: 'memory.heapFraction',
    value: 0.25,
    unit: 'fraction',
    min: 0.05,
    max: 0.9,
    rationale: 'JVM heap as a share of broker memory, before the cap memory.heapMaxGiB.',
    basis: 'MSK does not publish its heap size. Guess; check against the HeapMemoryAfterGC metric and MSK support answers.',
  },
  {
    id: 'memory.heapMaxGiB',
    value: 6,
    unit: 'GiB',
    min: 0.5,
    max: 64,
    rationale: 'Upper bound on the JVM heap; Kafka needs little heap and leaves the rest to the page cache.',
    basis: 'Apache Kafka docs, operations "Java Version" (docs/operations/java-version.md): typical arguments -Xmx6g -Xms6g, as on one of LinkedIn\'s busiest clusters.',
  },
  {
    id: 'memory.pageCacheFraction',
    value: 0.8,
    unit: 'fraction',
    min: 0,
    max: 1,
    rationale: 'Share of memory not taken by the heap that holds log data in the page cache (rest: OS, off-heap buffers, MSK agents).',
    basis: 'Guess. Calibrate from a replay test: the read-back age at which EBS read bytes start to grow.',
  },
  {
    id: 'cpu.coreSecondsPerMiBProduced',
    value: 0.01,
    unit: 'core·s/MiB',
    min: 0,
    max: 1,
    rationale: 'CPU a leader spends per MiB produced (TLS decrypt, batch validation, CRC, append).',
    basis: 'Guess (≈ 100 MiB/s per core). Bounded above by the m7g.16xlarge anchor in assumptions.ts; calibrate against CpuUser of a cluster at known BytesInPerSec.',
  },
  {
    id: 'cpu.coreSecondsPerMiBReplicated',
    value: 0.005,
    unit: 'core·s/MiB',
    min: 0,
    max: 1,
    rationale: 'CPU a follower spends per MiB appended from replication (no client validation).',
    basis: 'Guess: half the leader cost. Calibrate with ReplicationBytesInPerSec against CpuUser.',
  },
  {
    id: 'cpu.coreSecondsPerMiBFetched',
    value: 0.003,
    unit: 'core·s/MiB',
    min: 0,
    max: 1,
    rationale: 'CPU a broker spends per MiB served to consumers or followers (TLS encryption removes zero-copy).',
    basis: 'Guess. Calibrate with BytesOutPerSec against CpuUser while produce is constant.',
  },
  {
    id: 'cpu.coreSecondsPerRequest',
    value: 0.0001,
    unit: 'core·s/request',
    min: 0,
    max: 0.1,
    rationale: 'Fixed CPU per produce or fetch request (parsing, purgatory, response), independent of size.',
    basis: 'Guess (100 µs). Calibrate from RequestHandlerAvgIdlePercent at a known request rate with small batches.',
  },
  {
    id: 'network.rttSameAzS',
    value: 0.0002,
    unit: 's',
    min: 0,
    max: 0.1,
    rationale: 'Round trip between a client and a broker in the same AZ.',
    basis: 'Guess from typical in-AZ EC2 ping times of 0.1–0.3 ms; measure with ping from the client subnet.',
  },
  {
    id: 'network.rttCrossAzS',
    value: 0.001,
    unit: 's',
    min: 0,
    max: 0.1,
    rationale: 'Round trip between a client and a broker in another AZ of the region.',
    basis: 'AWS promises "single-digit millisecond latency" between AZs; published measurements (FlashGrid, 2023) show 0.5–1.5 ms. Measure per region.',
  },
  {
    id: 'network.rttInterBrokerS',
    value: 0.001,
    unit: 's',
    min: 0,
    max: 0.1,
    rationale: 'Round trip between brokers in different AZs (follower fetches), which acks=all waits on.',
    basis: 'Same basis as network.rttCrossAzS: brokers of a 3-AZ cluster replicate across AZs.',
  },
  {
    id: 'broker.ioThreads',
    value: 0,
    unit: 'threads',
    min: 0,
    max: 256,
    integer: true,
    rationale: 'Request handler threads per broker (num.io.threads) in the latency model; 0 = the MSK default for the broker size.',
    basis: 'MSK sets num.io.threads to 8 below 4xlarge and 16–96 above (msk-default-configuration, bestpractices.html); override when the cluster configuration changes it.',
  },
  {
    id: 'latency.saturatedUtilization',
    value: 0.95,
    unit: 'fraction',
    min: 0.5,
    max: 0.999,
    rationale: 'Utilisation the latency estimate gives a saturated broker resource; the excess waits in the producers, counted by the model\'s backlog.',
    basis:
      'Kafka bounds the requests queued at a broker (queued.max.requests 500, max.in.flight.requests.per.connection 5 per producer), so a saturated broker holds a bounded queue and the overflow stays in producer buffers. 0.95 puts an M/M/1-like queue at 19 service times; a guess, to calibrate against produce latency under throttling.',
  },
  {
    id: 'consumer.laggingDiskReadFraction',
    value: 0.5,
    unit: 'fraction',
    min: 0,
    max: 1,
    rationale: 'Default share of a lagging consumer group\'s reads served from EBS rather than the page cache.',
    basis: 'AWS sizing script budgets 0.5 × ingress of disk reads for lagging consumers (F_storage), i.e. one group reading half its data from disk.',
  },
  {
    id: 'compaction.retainedFraction',
    value: 0.5,
    unit: 'fraction',
    min: 0,
    max: 1,
    rationale:
      'Bytes a compacted topic (cleanupPolicy: compact) stores per byte its retention window holds: compaction keeps the latest record per key, so what stays is the live key set, not the window.',
    basis:
      'A guess: the share depends on the topic\'s key cardinality and update rate (Kafka log compaction keeps one record per key). Set it from the topic\'s distinct keys × record size ÷ (ingress × retention), or from a compacted partition\'s size on an existing cluster.',
  },
  {
    id: 'failover.clientRecoveryS',
    value: 1,
    unit: 's',
    min: 0,
    max: 300,
    rationale: 'Time from a leader moving to clients producing to the new leader (metadata refresh, retries).',
    basis: 'Guess from Kafka client defaults (retry.backoff.ms 100, metadata refresh on NOT_LEADER); detection itself uses the sourced session timeouts. Calibrate with a broker reboot.',
  },
  {
    id: 'operations.resizeSPerBroker',
    value: 750,
    unit: 's',
    min: 60,
    max: 7200,
    rationale: 'Time one broker is out of service during a rolling instance-size update.',
    basis: 'Midpoint of MSK bestpractices.html: a broker size update "typically takes 10-15 minutes per broker".',
  },
  {
    id: 'tiered.remoteFirstByteS',
    value: 0.1,
    unit: 's',
    min: 0,
    max: 10,
    rationale: 'Extra latency of the first bytes of a read from tiered storage.',
    basis: 'MSK msk-tiered-storage.html says only that the first bytes are slower; 100 ms is a guess at object-store first-byte latency. Calibrate with a replay test.',
  },
  {
    id: 'tiered.uploadSegmentMiB',
    value: 128,
    unit: 'MiB',
    min: 48,
    max: 1024,
    rationale: 'Size of the closed segments leaders upload to tiered storage (the upload granularity).',
    basis: 'AWS agent-toolkit manage-storage.md: segment.bytes default 128 MiB on tiered clusters; MSK minimum 48 MiB (msk-guidelines-tiered-storage-topic-level-config).',
  },
  // Sources of latency variability (issue 10). The four jvm.* and replication.* constants were
  // calibrated together against the AWS performance-testing framework's published p99 put
  // latency on 3 × m5.large / xlarge / 2xlarge, acks=all, RF 3 (test/calibration/SOURCES.md
  // row set A1; test/calibration/calibration.test.ts holds msksim against them).
  {
    id: 'network.rttJitterMeanS',
    value: 0.0002,
    unit: 's',
    min: 0,
    max: 0.1,
    rationale: 'Mean of the exponential extra delay added to each client round trip (queueing in NICs, hypervisor and switches), so round trips vary instead of being constants.',
    basis: 'Guess: in-region EC2 ping times vary by about their own minimum (0.1–0.5 ms tails within an AZ, FlashGrid 2023 cross-AZ measurements 0.5–1.5 ms). Measure with ping percentiles from the client subnet.',
  },
  {
    id: 'jvm.gcPauseCoreS',
    value: 0.03,
    unit: 'core·s',
    min: 0,
    max: 10,
    rationale: 'Mean length of a broker stop-the-world pause (G1 young collection, safepoints) times the vCPUs that collect in parallel: a pause on a 2-vCPU broker lasts 4 × one on an 8-vCPU broker. A request reaching a paused broker waits out the rest of the pause (an exponential residual).',
    basis: 'Calibrated: the light-load p99 floor of the AWS framework (A1: about 30, 16 and 7.5 ms on m5.large, xlarge, 2xlarge with p50 5–6 ms on all three) scales with 1/vCPU; G1 runs ParallelGCThreads = vCPUs (JDK GC tuning guide). Measure with the broker GC log (jvm.gc pause times).',
  },
  {
    id: 'jvm.gcPauseShareCore',
    value: 0.032,
    unit: 'fraction·vCPU',
    min: 0,
    max: 1,
    rationale: 'Share of time a broker is paused at light load, times its vCPUs: a small broker collects as often but for longer, so it is paused a larger share of the time.',
    basis: 'Calibrated with jvm.gcPauseCoreS against A1 (test/calibration): 0.032 puts an idle 8-vCPU broker in pauses 0.4 % of the time, a 2-vCPU one 1.6 %. Measure as total GC pause time per minute from the GC log.',
  },
  {
    id: 'ebs.writebackStallSPerMiBps',
    value: 0.00007,
    unit: 's per MiB/s',
    min: 0,
    max: 0.01,
    rationale: 'Mean length of an append stall behind dirty-page write-back to the EBS volume, per MiB/s the broker writes: appends go to the page cache, but the kernel throttles writers (balance_dirty_pages) while flusher threads push pages to a network-attached volume, longer the more there is to push. 0 for local NVMe.',
    basis: 'Calibrated against A1 m5.2xlarge, where p99 rises from 7.5 ms at 8 MiB/s to 38 ms at 192 MiB/s while p50 rises only from 5.5 to 9.5 ms and m5.large rises only from 30 to 36 ms; the same load on local NVMe (SOURCES.md C, 3 × i3en.2xlarge, 196 MiB/s) keeps p99 at 8.5 ms, which is why this is a property of EBS and not of the JVM. Measure with VolumeQueueLength and the broker\'s produce p99 against BytesInPerSec + ReplicationBytesInPerSec.',
  },
  {
    id: 'ebs.writebackStallSharePerMiBps',
    value: 0.00008,
    unit: 'fraction per MiB/s',
    min: 0,
    max: 0.01,
    rationale: 'Share of time appends are stalled behind write-back, per MiB/s the broker writes to EBS.',
    basis: 'Calibrated with ebs.writebackStallSPerMiBps against A1 (test/calibration). 0 for local NVMe.',
  },
  {
    id: 'replication.fetcherSPerMiB',
    value: 0.008,
    unit: 's/MiB',
    min: 0,
    max: 1,
    rationale: 'Time a follower\'s replica fetcher thread spends per MiB it fetches (read the response, check, append) between fetches: it stretches the fetch cycle as replication grows.',
    basis: 'Guess near the leader\'s produce cost (cpu.coreSecondsPerMiBProduced 0.01): one thread does the work on one core. With MSK\'s num.replica.fetchers 2 (msk-default-configuration) a thread carrying 60 MiB/s is busy half the time. Measure from replica fetcher FetchRequestRateAndTimeMs on the followers.',
  },
  {
    id: 'replication.fetchFixedS',
    value: 0.0005,
    unit: 's',
    min: 0,
    max: 0.1,
    rationale: 'Fixed time of one follower fetch cycle besides the inter-broker round trip (building the request, the leader\'s read, the response\'s processing). acks=all waits for the rest of the cycle in progress when the batch is appended, unless the follower\'s fetch is parked at the leader waiting for data (replica.fetch.min.bytes 1, replica.fetch.wait.max.ms 500).',
    basis: 'Guess (0.5 ms). Kafka replication is pull-based: the follower\'s fetch is answered as soon as data arrives (KIP-392 describes the same fetch path); a busy fetcher picks a new batch up at its next fetch.',
  },
  {
    id: 'log.segmentRollS',
    value: 0.005,
    unit: 's',
    min: 0,
    max: 1,
    rationale: 'Stall of appends to a partition while its log rolls to a new segment (create the file, preallocate and mmap the indexes); rolls happen every log.segment.bytes per partition.',
    basis: 'Guess (5 ms at 1 GiB segments, Kafka default log.segment.bytes). Rolls are rare at MSK rates (one per partition per GiB), so this only reaches the p99.9 at high rates. MSK leaves log flushes to the OS (flush.messages and flush.ms unset): no fsync stall is modelled.',
  },
  {
    id: 'ebs.readLatencyS',
    value: 0.001,
    unit: 's',
    min: 0,
    max: 1,
    rationale: 'Latency of an EBS read for a fetch that misses the page cache (a lagging consumer), added to its end-to-end latency.',
    basis: 'AWS EBS gp2/gp3 docs: "single-digit millisecond latency"; 1 ms is the typical gp3 read. Measure with the volume\'s VolumeTotalReadTime / VolumeReadOps.',
  },
  {
    id: 'serverless.publishLatencyP50S',
    value: 0.012,
    unit: 's',
    min: 0.0001,
    max: 10,
    rationale: 'Median publish latency (acks=all) of MSK Serverless while no quota throttles: AWS publishes no latency figure and no broker internals to queue at, so the law is assumed — lognormal through this median and serverless.publishLatencyP99S.',
    basis: 'Guess near a lightly loaded three-broker Standard cluster (AWS performance-testing framework, m5.large p50 ≈ 10 ms, SOURCES.md A1) plus IAM authentication and multi-tenancy. Measure with OMB or the producer\'s request-latency-avg against your cluster and override.',
  },
  {
    id: 'serverless.publishLatencyP99S',
    value: 0.05,
    unit: 's',
    min: 0.0001,
    max: 60,
    rationale: 'p99 publish latency of MSK Serverless while no quota throttles (see serverless.publishLatencyP50S). Throttled time is not in the figure: throttled bytes are reported, and judged, on their own.',
    basis: 'Guess: the p99 of a lightly loaded m5.large cluster (≈ 30 ms, SOURCES.md A1) with headroom for a shared fleet. Measure and override.',
  },
  {
    id: 'serverless.endToEndExtraS',
    value: 0.005,
    unit: 's',
    min: 0,
    max: 60,
    rationale: 'What a delivery adds to the publish latency on MSK Serverless: the consumer\'s fetch after the high watermark moves.',
    basis: 'Guess: one fetch round trip within a region. Measure with end-to-end timestamps and override.',
  },
  {
    id: 'serverless.crossAzClientFraction',
    value: 0,
    unit: 'fraction',
    min: 0,
    max: 1,
    rationale: 'Share of MSK Serverless client bytes (in and out) billed as cross-AZ data transfer.',
    basis: 'No source says Serverless client traffic is billed across AZs: clients reach the cluster through VPC endpoints in their own subnets (msk-facts.md §4). 0 until a source says otherwise; set it to price a layout where it is.',
  },
  {
    id: 'express.storageMiBpsPerBroker',
    value: 1000,
    unit: 'MiB/s',
    min: 1,
    max: 100000,
    rationale: 'Write throughput of an Express broker\'s managed storage, as the latency layer\'s storage path: appends queue there like on a volume. AWS publishes no Express latency curve or storage throughput; the broker\'s client quotas, not its storage, are what MSK throttles.',
    basis: 'Guess: twice express.m7g.16xlarge\'s 500 MB/s maximum ingress, so storage never binds before the quota (as AWS sizes Express: "no inter-broker replication or EBS writes" in its sizing script). Lower it to see a slower storage path in the latency figures.',
  },
] as const satisfies readonly AssumptionSpec[];

export type AssumptionId = (typeof ASSUMPTIONS)[number]['id'];

export const ASSUMPTION_IDS: readonly AssumptionId[] = ASSUMPTIONS.map((a) => a.id);
