// Hand-worked serverless bill. Unit prices, us-east-1 (secondary sources [S10]): $0.75 per
// cluster-hour, $0.0015 per partition-hour, $0.10/GB in, $0.05/GB out, $0.10/GB-month. Decision
// for these tests: 1 TB = 1,000 GB, passed as 1,000 GiB (msksim applies per-GB prices per GiB).
import { describe, expect, it } from 'vitest';
import { resolvePrices } from '../../src/catalog/index.js';
import { formatUsd, serverlessBill } from '../../src/cost/index.js';

const US_EAST_1 = resolvePrices({ region: 'us-east-1' });

describe('serverlessBill', () => {
  it('100 partitions, 1 TB in, 2 TB out, 500 GB-month for a month = $907.00', () => {
    // 0.75 × 730 = 547.50; 100 × 0.0015 × 730 = 109.50; 1,000 × 0.10 = 100.00;
    // 2,000 × 0.05 = 100.00; 500 × 0.10 = 50.00
    const bill = serverlessBill(
      { clusterHours: 730, partitionHours: 100 * 730, dataInGiB: 1000, dataOutGiB: 2000, storageGiBMonth: 500 },
      US_EAST_1,
    );
    expect(bill.lines.map((line) => [line.item, line.amountUsd])).toEqual([
      ['Cluster-hours', 547.5],
      ['Partition-hours', 109.5],
      ['Data in', 100],
      ['Data out', 100],
      ['Storage', 50],
    ]);
    expect(bill.totalMicroUsd).toBe(907_000_000);
    expect(formatUsd(bill.totalUsd)).toBe('$907.00');
  });

  it('an idle cluster still pays its cluster-hours: 0.75 × 730 = $547.50', () => {
    const bill = serverlessBill({ clusterHours: 730, partitionHours: 0, dataInGiB: 0, dataOutGiB: 0, storageGiBMonth: 0 }, US_EAST_1);
    expect(bill.lines.map((line) => line.item)).toEqual(['Cluster-hours']);
    expect(formatUsd(bill.totalUsd)).toBe('$547.50');
  });
});
