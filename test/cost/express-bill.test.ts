// Hand-worked Express bill. Unit prices, us-east-1 (AWS sizing script): express.m7g.large
// $0.408/h, data written $0.01/GB, storage $0.10/GB-month. Decision for these tests: "2 TB" is
// 2,000 GB, passed as 2,000 GiB (msksim applies per-GB prices per GiB; 2 TiB would be 2,048).
import { describe, expect, it } from 'vitest';
import { resolvePrices } from '../../src/catalog/index.js';
import { expressBill, formatUsd } from '../../src/cost/index.js';

const US_EAST_1 = resolvePrices({ region: 'us-east-1' });

describe('expressBill', () => {
  it('3 × express.m7g.large, 2 TB written, 500 GB-month stored = $963.52', () => {
    // 3 × 0.408 × 730 = 893.52; 2,000 × 0.01 = 20.00; 500 × 0.10 = 50.00
    const bill = expressBill(
      { brokerHours: { 'express.m7g.large': 3 * 730 }, dataWrittenGiB: 2000, storageGiBMonth: 500 },
      US_EAST_1,
    );
    expect(bill.lines.map((line) => [line.item, line.amountUsd])).toEqual([
      ['express.m7g.large broker-hours', 893.52],
      ['Data written', 20],
      ['Storage', 50],
    ]);
    expect(bill.totalMicroUsd).toBe(963_520_000);
    expect(formatUsd(bill.totalUsd)).toBe('$963.52');
  });

  it('cross-AZ traffic is billed; replication between brokers is a free line', () => {
    // 893.52 + 20.00 + 50.00 + 1,000 × 0.02 = 983.52
    const bill = expressBill(
      {
        brokerHours: { 'express.m7g.large': 2190 },
        dataWrittenGiB: 2000,
        storageGiBMonth: 500,
        crossAzGiB: 1000,
        interBrokerReplicationGiB: 4000,
      },
      US_EAST_1,
    );
    expect(formatUsd(bill.totalUsd)).toBe('$983.52');
    expect(bill.lines.at(-1)).toMatchObject({ item: 'Replication between brokers', amountUsd: 0 });
  });

  it('rejects a Standard type in Express usage', () => {
    const usage = { brokerHours: { 'kafka.m7g.large': 1 }, dataWrittenGiB: 0, storageGiBMonth: 0 } as unknown as Parameters<
      typeof expressBill
    >[0];
    expect(() => expressBill(usage, US_EAST_1)).toThrow(/unknown broker types in usage: kafka\.m7g\.large/);
  });
});
