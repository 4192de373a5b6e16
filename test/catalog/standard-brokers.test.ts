// Standard broker values held against literal numbers from the AWS pages named in each case
// (msk-facts.md §1a, §1c, §2, §7c), not against the catalog itself.
import { describe, expect, it } from 'vitest';
import { CatalogError, STANDARD_BROKERS, STANDARD_BROKER_TYPES, standardBroker, type StandardBrokerType } from '../../src/catalog/index.js';

describe('Standard broker types', () => {
  it('lists t3.small, 8 m5 and 7 m7g sizes: 16 types', () => {
    expect(STANDARD_BROKER_TYPES.filter((t) => t.startsWith('kafka.m5.'))).toHaveLength(8);
    expect(STANDARD_BROKER_TYPES.filter((t) => t.startsWith('kafka.m7g.'))).toHaveLength(7);
    expect(STANDARD_BROKER_TYPES).toContain('kafka.t3.small');
    expect(STANDARD_BROKER_TYPES).toHaveLength(16);
  });
});

describe('EC2 general-purpose-instances.md: vCPU and memory', () => {
  it.each([
    ['kafka.t3.small', 2, 2],
    ['kafka.m5.large', 2, 8],
    ['kafka.m5.24xlarge', 96, 384],
    ['kafka.m7g.16xlarge', 64, 256],
  ] as const)('%s has %d vCPU and %d GiB', (type, vcpu, memoryGiB) => {
    expect(standardBroker(type)).toMatchObject({ vcpu, memoryGiB });
  });
});

describe('EC2 ebs-optimized.md: EBS MB/s (used as MiB/s) and IOPS', () => {
  it.each([
    ['kafka.t3.small', 21.75, 260.62, 1000, 11800, true],
    ['kafka.m5.large', 81.25, 593.75, 3600, 18750, true],
    ['kafka.m5.4xlarge', 593.75, 593.75, 18750, 18750, false],
    ['kafka.m5.24xlarge', 2375, 2375, 80000, 80000, false],
    ['kafka.m7g.4xlarge', 625, 1250, 20000, 40000, true],
    ['kafka.m7g.16xlarge', 2500, 2500, 80000, 80000, false],
  ] as const)('%s: %d / %d MB/s, %d / %d IOPS, burst %s', (type, base, max, iopsBase, iopsMax, burst) => {
    expect(standardBroker(type)).toMatchObject({
      ebsBaselineMiBps: base,
      ebsMaxMiBps: max,
      ebsBaselineIops: iopsBase,
      ebsMaxIops: iopsMax,
      ebsBurst30MinPer24h: burst,
    });
  });

  it('keeps the raw Mbps values beside the converted ones (m5.large 650 / 4750 Mbps)', () => {
    expect(STANDARD_BROKERS['kafka.m5.large'].ebsBaselineMbps.value).toBe(650);
    expect(STANDARD_BROKERS['kafka.m5.large'].ebsMaxMbps.value).toBe(4750);
  });
});

describe('EC2 network bandwidth table: Gbps × 125 = MiB/s', () => {
  it.each([
    // baseline Gbps, burst Gbps (null = fixed) → MiB/s by hand
    ['kafka.t3.small', 0.128, 5, 16, 625, true],
    ['kafka.m5.large', 0.75, 10, 93.75, 1250, true],
    ['kafka.m5.4xlarge', 5, 10, 625, 1250, true],
    ['kafka.m5.8xlarge', 10, null, 1250, 1250, false],
    ['kafka.m7g.large', 0.937, 12.5, 117.125, 1562.5, true],
    ['kafka.m7g.16xlarge', 30, null, 3750, 3750, false],
  ] as const)('%s: %d / %s Gbps', (type, gbps, burstGbps, baseMiBps, burstMiBps, burstable) => {
    const facts = STANDARD_BROKERS[type];
    expect(facts.networkBaselineGbps.value).toBe(gbps);
    expect(facts.networkBurstGbps.value).toBe(burstGbps);
    expect(standardBroker(type)).toMatchObject({
      networkBaselineMiBps: baseMiBps,
      networkBurstMiBps: burstMiBps,
      networkBurstable: burstable,
    });
  });
});

describe('MSK msk-provision-throughput-management.html: PST eligibility and maximum', () => {
  it.each([
    ['kafka.m5.large', null],
    ['kafka.m5.2xlarge', null],
    ['kafka.m5.4xlarge', 593],
    ['kafka.m5.8xlarge', 850],
    ['kafka.m5.24xlarge', 1000],
    ['kafka.m7g.xlarge', null],
    ['kafka.m7g.2xlarge', 312.5],
    ['kafka.m7g.4xlarge', 625],
    ['kafka.m7g.16xlarge', 1000],
  ] as const)('%s: max %s MiB/s', (type, max) => {
    expect(standardBroker(type)).toMatchObject({ pstEligible: max !== null, pstMaxMiBps: max });
  });

  it('notes the m7g.2xlarge conflict with the AWS sizing script', () => {
    expect(STANDARD_BROKERS['kafka.m7g.2xlarge'].pstEligible.note).toMatch(/sizing script/);
  });
});

describe('MSK bestpractices.html: partitions per broker and threads', () => {
  it.each([
    ['kafka.t3.small', 300, 300],
    ['kafka.m5.large', 1000, 1500],
    ['kafka.m5.2xlarge', 2000, 3000],
    ['kafka.m5.24xlarge', 4000, 6000],
    ['kafka.m7g.2xlarge', 2000, 3000],
  ] as const)('%s: %d recommended, %d max', (type, rec, max) => {
    expect(standardBroker(type)).toMatchObject({ partitionsRecommended: rec, partitionsMax: max });
  });

  it.each([
    ['kafka.m5.4xlarge', 16, 8],
    ['kafka.m7g.8xlarge', 32, 16],
    ['kafka.m5.24xlarge', 96, 48],
    // below 4xlarge: MSK's default configuration (msk-default-configuration.md) 8 / 5
    ['kafka.m5.large', 8, 5],
    ['kafka.t3.small', 8, 5],
  ] as const)('%s: num.io.threads %d, num.network.threads %d', (type, io, net) => {
    expect(standardBroker(type)).toMatchObject({ ioThreads: io, networkThreads: net });
  });
});

describe('AWS sizing script / Infracost: us-east-1 price per broker-hour', () => {
  it.each([
    ['kafka.t3.small', 0.0456],
    ['kafka.m5.large', 0.21],
    ['kafka.m5.4xlarge', 1.68],
    ['kafka.m5.24xlarge', 10.08],
    ['kafka.m7g.large', 0.204],
    ['kafka.m7g.16xlarge', 6.528],
  ] as const)('%s costs $%d/h', (type, usd) => {
    expect(STANDARD_BROKERS[type].priceUsdPerHour['us-east-1']?.value).toBe(usd);
  });

  it('has no price for eu-west-1 (not published in our sources)', () => {
    expect(STANDARD_BROKERS['kafka.m5.large'].priceUsdPerHour['eu-west-1']).toBeUndefined();
  });
});

describe('t3.small specifics', () => {
  it('EC2 burstable-credits-baseline-concepts.md: 24 credits/h, 576 max, 20 % baseline per vCPU', () => {
    expect(standardBroker('kafka.t3.small').cpuCredits).toEqual({ earnedPerHour: 24, maxAccrued: 576, baselinePctPerVcpu: 20 });
    expect(standardBroker('kafka.m5.large').cpuCredits).toBeNull();
  });

  it('msk-tiered-storage.html: no tiered storage; CloudFormation: no KRaft', () => {
    expect(standardBroker('kafka.t3.small')).toMatchObject({ tieredStorageSupported: false, kraftSupported: false });
    expect(standardBroker('kafka.m5.large')).toMatchObject({ tieredStorageSupported: true, kraftSupported: true });
  });
});

describe('standardBroker', () => {
  it('throws CatalogError naming the valid types for an unknown type', () => {
    const call = (): unknown => standardBroker('kafka.m6g.large' as StandardBrokerType);
    expect(call).toThrow(CatalogError);
    expect(call).toThrow(/unknown Standard broker type "kafka.m6g.large".*kafka\.m5\.large/);
  });

  it('rejects an Express type', () => {
    expect(() => standardBroker('express.m7g.large' as StandardBrokerType)).toThrow(CatalogError);
  });

  it('returns frozen plain numbers', () => {
    expect(Object.isFrozen(standardBroker('kafka.m5.large'))).toBe(true);
  });
});
