// Monthly bill of an MSK Serverless cluster (DESIGN §3.7): cluster-hours, partition-hours,
// GiB in, GiB out, GiB-month stored, and cross-AZ client traffic.
import type { ResolvedPrices } from '../catalog/index.js';
import { assembleBill, type Bill } from './bill.js';
import { pricedLine } from './line-item.js';

export interface ServerlessUsage {
  clusterHours: number;
  /** Partitions × hours, integrated over the timeline. */
  partitionHours: number;
  dataInGiB: number;
  dataOutGiB: number;
  storageGiBMonth: number;
  crossAzGiB?: number;
}

export function serverlessBill(usage: ServerlessUsage, prices: ResolvedPrices): Bill {
  const lines = [
    pricedLine('Cluster-hours', usage.clusterHours, 'cluster-hour', 'serverless.clusterHour', prices),
    pricedLine('Partition-hours', usage.partitionHours, 'partition-hour', 'serverless.partitionHour', prices),
    pricedLine('Data in', usage.dataInGiB, 'GiB', 'serverless.dataInGb', prices),
    pricedLine('Data out', usage.dataOutGiB, 'GiB', 'serverless.dataOutGb', prices),
    pricedLine('Storage', usage.storageGiBMonth, 'GiB-month', 'serverless.storageGbMonth', prices),
    pricedLine('Cross-AZ client traffic', usage.crossAzGiB ?? 0, 'GiB', 'crossAz.gb', prices),
  ];
  // The cluster-hour is serverless's fixed charge, as broker-hours are for provisioned clusters.
  return assembleBill(lines, prices, (line) => line.unit === 'cluster-hour');
}
