// Monthly bill of an MSK provisioned cluster of Express brokers (DESIGN §3.7): broker-hours,
// GiB written (Express charges data in per GB, at byte resolution), GiB-month stored (elastic
// storage: bytes retained, not a provisioned size) and cross-AZ client traffic.
import { EXPRESS_BROKER_TYPES, type ExpressBrokerType, type ResolvedPrices } from '../catalog/index.js';
import { assembleBill, type Bill } from './bill.js';
import { pricedLine } from './line-item.js';
import { brokerHourLines, replicationLine } from './shared-lines.js';

export interface ExpressUsage {
  brokerHours: Partial<Record<ExpressBrokerType, number>>;
  /** Bytes produced by clients (before replication). */
  dataWrittenGiB: number;
  /** Data retained, summed hourly and divided by the hours in the month. */
  storageGiBMonth: number;
  crossAzGiB?: number;
  interBrokerReplicationGiB?: number;
}

export function expressBill(usage: ExpressUsage, prices: ResolvedPrices): Bill {
  const lines = [
    ...brokerHourLines(EXPRESS_BROKER_TYPES, usage.brokerHours, prices),
    pricedLine('Data written', usage.dataWrittenGiB, 'GiB', 'express.dataWrittenGb', prices),
    pricedLine('Storage', usage.storageGiBMonth, 'GiB-month', 'express.storageGbMonth', prices),
    pricedLine('Cross-AZ client traffic', usage.crossAzGiB ?? 0, 'GiB', 'crossAz.gb', prices),
    replicationLine(usage.interBrokerReplicationGiB ?? 0),
  ];
  return assembleBill(lines, prices, (line) => line.unit === 'broker-hour');
}
