// Lines that Standard and Express bills share: broker-hours per instance type, and the free
// replication line (AWS: no charge for data transfer used for replication between brokers).
import { DATA_TRANSFER, type ExpressBrokerType, type ResolvedPrices, type StandardBrokerType } from '../catalog/index.js';
import { freeLine, pricedLine, type LineItem } from './line-item.js';

/** One line per type with hours given, in catalog order; each type is its own price key. */
export function brokerHourLines<T extends StandardBrokerType | ExpressBrokerType>(
  types: readonly T[],
  brokerHours: Partial<Record<T, number>>,
  prices: ResolvedPrices,
): LineItem[] {
  const lines: LineItem[] = [];
  for (const type of types) {
    const hours = brokerHours[type];
    if (hours !== undefined) lines.push(pricedLine(`${type} broker-hours`, hours, 'broker-hour', type, prices));
  }
  const unknown = Object.keys(brokerHours).filter((name) => !(types as readonly string[]).includes(name));
  if (unknown.length > 0) throw new RangeError(`unknown broker types in usage: ${unknown.join(', ')}`);
  if (lines.length === 0) throw new RangeError('usage has no broker-hours: a bill needs at least one broker type');
  return lines;
}

export function replicationLine(gib: number): LineItem {
  return freeLine('Replication between brokers', gib, 'GiB', DATA_TRANSFER.interBrokerReplicationUsdPerGb.source);
}
