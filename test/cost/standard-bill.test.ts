// Hand-worked Standard bills (DESIGN §3.7, STYLE habit 10c): the arithmetic is written in each
// test, from the us-east-1 unit prices (AWS sizing script: m5.large $0.21/h, storage
// $0.10/GB-month, PST $0.08/MB/s-month; tiered $0.06/GB-month, see the catalog note).
// Quantities are GiB: msksim applies AWS's "per GB" prices per GiB (catalog units.ts), so a
// workload author's "1,000 GB" is passed as 1000 GiB.
import { describe, expect, it } from 'vitest';
import { resolvePrices } from '../../src/catalog/index.js';
import { formatUsd, standardBill, type Bill } from '../../src/cost/index.js';

const US_EAST_1 = resolvePrices({ region: 'us-east-1' });
const MONTH_H = 730;

function amounts(bill: Bill): Record<string, number | null> {
  return Object.fromEntries(bill.lines.map((line) => [line.item, line.amountUsd]));
}

describe('standardBill', () => {
  it('3 × kafka.m5.large with 1,000 GB each for a month: 3 × 0.21 × 730 + 3,000 × 0.10 = $759.90', () => {
    const bill = standardBill({ brokerHours: { 'kafka.m5.large': 3 * MONTH_H }, storageGiBMonth: 3 * 1000 }, US_EAST_1);
    expect(amounts(bill)).toEqual({ 'kafka.m5.large broker-hours': 459.9, 'Provisioned storage': 300 });
    expect(bill.totalMicroUsd).toBe(759_900_000);
    expect(bill.totalUsd).toBe(759.9);
    expect(formatUsd(bill.totalUsd)).toBe('$759.90');
    expect(bill.missingPrices).toEqual([]);
    expect(bill.lines[0]).toMatchObject({ quantity: 2190, unit: 'broker-hour', unitPriceUsd: 0.21, priceKey: 'kafka.m5.large' });
    expect(bill.lines[0]?.source).toMatch(/msk_sizing\.py/);
  });

  it('tiered split: 3 × kafka.m7g.large, 300 GiB local each, 5,000 GiB-month tiered = $836.76', () => {
    // 3 × 0.204 × 730 = 446.76; 900 × 0.10 = 90.00; 5,000 × 0.06 = 300.00
    const bill = standardBill(
      { brokerHours: { 'kafka.m7g.large': 3 * MONTH_H }, storageGiBMonth: 900, tieredStorageGiBMonth: 5000 },
      US_EAST_1,
    );
    expect(amounts(bill)).toEqual({
      'kafka.m7g.large broker-hours': 446.76,
      'Provisioned storage': 90,
      'Tiered storage': 300,
    });
    expect(formatUsd(bill.totalUsd)).toBe('$836.76');
  });

  it('provisioned throughput: 3 × m5.4xlarge, 2,000 GiB and 500 MiB/s each = $4,399.20', () => {
    // 3 × 1.68 × 730 = 3,679.20; 6,000 × 0.10 = 600.00; 1,500 MiB/s-month × 0.08 = 120.00
    const bill = standardBill(
      { brokerHours: { 'kafka.m5.4xlarge': 3 * MONTH_H }, storageGiBMonth: 6000, provisionedThroughputMiBpsMonth: 1500 },
      US_EAST_1,
    );
    expect(amounts(bill)['Provisioned storage throughput']).toBe(120);
    expect(bill.totalMicroUsd).toBe(4_399_200_000);
    expect(formatUsd(bill.totalUsd)).toBe('$4,399.20');
  });

  it('10 % discount on the first bill: 2,190 × 0.189 + 3,000 × 0.09 = 413.91 + 270.00 = $683.91', () => {
    const prices = resolvePrices({ region: 'us-east-1', discountPct: 10 });
    const bill = standardBill({ brokerHours: { 'kafka.m5.large': 2190 }, storageGiBMonth: 3000 }, prices);
    expect(amounts(bill)).toEqual({ 'kafka.m5.large broker-hours': 413.91, 'Provisioned storage': 270 });
    expect(bill.totalMicroUsd).toBe(683_910_000);
    expect(bill.discountPct).toBe(10);
  });

  it('tiered retrieval has no published price: listed as missing, left out of the total', () => {
    // 3 × 0.21 × 730 = 459.90; 3,000 × 0.10 = 300.00; 4,000 × 0.06 = 240.00; retrieval 200 GiB × null
    const bill = standardBill(
      {
        brokerHours: { 'kafka.m5.large': 2190 },
        storageGiBMonth: 3000,
        tieredStorageGiBMonth: 4000,
        tieredRetrievalGiB: 200,
      },
      US_EAST_1,
    );
    expect(bill.missingPrices).toEqual(['Tiered storage retrieval (no price for us-east-1: set pricing override "tiered.retrievalGb")']);
    const retrieval = bill.lines.find((line) => line.item === 'Tiered storage retrieval');
    expect(retrieval).toMatchObject({ quantity: 200, unitPriceUsd: null, amountUsd: null, amountMicroUsd: null });
    expect(formatUsd(bill.totalUsd)).toBe('$999.90');
  });

  it('with a retrieval price override the line is billed: 200 × 0.03 = $6.00', () => {
    const prices = resolvePrices({ region: 'us-east-1', overrides: { 'tiered.retrievalGb': 0.03 } });
    const bill = standardBill({ brokerHours: { 'kafka.m5.large': 2190 }, storageGiBMonth: 3000, tieredRetrievalGiB: 200 }, prices);
    expect(amounts(bill)['Tiered storage retrieval']).toBe(6);
    expect(bill.missingPrices).toEqual([]);
  });

  it('matches the Infracost golden file: 4 × m5.24xlarge × 730 h = $29,433.60 and 4,000 GB = $400.00', () => {
    const bill = standardBill({ brokerHours: { 'kafka.m5.24xlarge': 4 * MONTH_H }, storageGiBMonth: 4000 }, US_EAST_1);
    expect(amounts(bill)).toEqual({ 'kafka.m5.24xlarge broker-hours': 29_433.6, 'Provisioned storage': 400 });
  });

  it('cross-AZ client traffic at $0.02/GiB and a free replication line citing the pricing page', () => {
    // 1,500 GiB × 0.02 = 30.00; replication 9,000 GiB × 0 = 0
    const bill = standardBill(
      { brokerHours: { 'kafka.m5.large': 2190 }, storageGiBMonth: 3000, crossAzGiB: 1500, interBrokerReplicationGiB: 9000 },
      US_EAST_1,
    );
    expect(amounts(bill)['Cross-AZ client traffic']).toBe(30);
    const replication = bill.lines.find((line) => line.item === 'Replication between brokers');
    expect(replication).toMatchObject({ quantity: 9000, unitPriceUsd: 0, amountUsd: 0, priceKey: null });
    expect(replication?.source).toMatch(/pricing page/);
    expect(bill.totalMicroUsd).toBe(789_900_000);
  });

  it('mixed types during a resize: one line per type, in catalog order, total = Σ lines', () => {
    // 1,000 × 0.21 = 210.00; 1,190 × 0.42 = 499.80
    const bill = standardBill(
      { brokerHours: { 'kafka.m5.xlarge': 1190, 'kafka.m5.large': 1000 }, storageGiBMonth: 0 },
      US_EAST_1,
    );
    expect(bill.lines.map((line) => line.item)).toEqual(['kafka.m5.large broker-hours', 'kafka.m5.xlarge broker-hours']);
    expect(bill.totalMicroUsd).toBe(bill.lines.reduce((sum, line) => sum + (line.amountMicroUsd ?? 0), 0));
    expect(bill.totalUsd).toBe(709.8);
  });

  it('omits zero-quantity lines but always keeps broker-hours', () => {
    const bill = standardBill({ brokerHours: { 'kafka.m5.large': 0 }, storageGiBMonth: 0 }, US_EAST_1);
    expect(bill.lines.map((line) => line.item)).toEqual(['kafka.m5.large broker-hours']);
    expect(bill.totalUsd).toBe(0);
  });

  it('in a region without prices: broker-hours present, every line missing, total $0.00', () => {
    const bill = standardBill({ brokerHours: { 'kafka.m5.large': 2190 }, storageGiBMonth: 3000 }, resolvePrices({ region: 'eu-west-1' }));
    expect(bill.lines).toHaveLength(2);
    expect(bill.missingPrices).toHaveLength(2);
    expect(bill.missingPrices[0]).toMatch(/kafka\.m5\.large broker-hours \(no price for eu-west-1/);
    expect(bill.totalMicroUsd).toBe(0);
  });

  it('rejects negative quantities, unknown types and a bill without broker-hours', () => {
    expect(() => standardBill({ brokerHours: { 'kafka.m5.large': -1 }, storageGiBMonth: 0 }, US_EAST_1)).toThrow(RangeError);
    expect(() => standardBill({ brokerHours: {}, storageGiBMonth: 10 }, US_EAST_1)).toThrow(/no broker-hours/);
    const unknown = { brokerHours: { 'kafka.m9.large': 1 } } as unknown as Parameters<typeof standardBill>[0];
    expect(() => standardBill({ ...unknown, storageGiBMonth: 0 }, US_EAST_1)).toThrow(/unknown broker types/);
  });
});
