// Monthly bill of an MSK provisioned cluster of Standard brokers (DESIGN §3.7): broker-hours per
// instance type, provisioned storage (the provisioned size, not bytes used), provisioned
// storage throughput, tiered storage and its retrieval, and cross-AZ client traffic.
// Replication between brokers is free.
import { STANDARD_BROKER_TYPES, type ResolvedPrices, type StandardBrokerType } from '../catalog/index.js';
import { assembleBill, type Bill } from './bill.js';
import { brokerHourLines, replicationLine } from './shared-lines.js';
import { pricedLine } from './line-item.js';

export interface StandardUsage {
  /** Broker-hours per instance type (brokers × hours, integrated over the timeline). */
  brokerHours: Partial<Record<StandardBrokerType, number>>;
  /** Provisioned EBS storage, summed over brokers. */
  storageGiBMonth: number;
  /** The MiB/s-months billed for provisioned storage throughput (see the note on the catalog price). */
  provisionedThroughputMiBpsMonth?: number;
  tieredStorageGiBMonth?: number;
  tieredRetrievalGiB?: number;
  /** Client traffic that crosses an AZ boundary (producers and consumers ↔ brokers). */
  crossAzGiB?: number;
  /** Shown as a free line when given. */
  interBrokerReplicationGiB?: number;
}

export function standardBill(usage: StandardUsage, prices: ResolvedPrices): Bill {
  const lines = [
    ...brokerHourLines(STANDARD_BROKER_TYPES, usage.brokerHours, prices),
    pricedLine('Provisioned storage', usage.storageGiBMonth, 'GiB-month', 'storage.gbMonth', prices),
    pricedLine(
      'Provisioned storage throughput',
      usage.provisionedThroughputMiBpsMonth ?? 0,
      'MiB/s-month',
      'provisionedThroughput.mibpsMonth',
      prices,
    ),
    pricedLine('Tiered storage', usage.tieredStorageGiBMonth ?? 0, 'GiB-month', 'tiered.gbMonth', prices),
    pricedLine('Tiered storage retrieval', usage.tieredRetrievalGiB ?? 0, 'GiB', 'tiered.retrievalGb', prices),
    pricedLine('Cross-AZ client traffic', usage.crossAzGiB ?? 0, 'GiB', 'crossAz.gb', prices),
    replicationLine(usage.interBrokerReplicationGiB ?? 0),
  ];
  return assembleBill(lines, prices, (line) => line.unit === 'broker-hour');
}
