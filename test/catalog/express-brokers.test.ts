// Express broker values held against literal numbers from the AWS pages (msk-facts.md §5).
import { describe, expect, it } from 'vitest';
import {
  CatalogError,
  EXPRESS_BROKERS,
  EXPRESS_BROKER_TYPES,
  expressBroker,
  type ExpressBrokerType,
} from '../../src/catalog/index.js';

describe('Express broker types', () => {
  it('lists 7 m7g sizes, large to 16xlarge', () => {
    expect(EXPRESS_BROKER_TYPES).toHaveLength(7);
    expect(EXPRESS_BROKER_TYPES[0]).toBe('express.m7g.large');
    expect(EXPRESS_BROKER_TYPES[6]).toBe('express.m7g.16xlarge');
  });
});

describe('bestpractices-express.html (sustained) and limits.html (max) throughput per broker', () => {
  it.each([
    ['express.m7g.large', 15.6, 23.4, 31.2, 58.5],
    ['express.m7g.4xlarge', 124.9, 187.5, 249.8, 468.7],
    ['express.m7g.16xlarge', 500, 750, 1000, 1875],
  ] as const)('%s: ingress %d / %d, egress %d / %d MiB/s', (type, inS, inMax, outS, outMax) => {
    expect(expressBroker(type)).toMatchObject({
      ingressSustainedMiBps: inS,
      ingressMaxMiBps: inMax,
      egressSustainedMiBps: outS,
      egressMaxMiBps: outMax,
    });
  });
});

describe('limits.html: partitions per broker', () => {
  it.each([
    ['express.m7g.large', 1000, 1500],
    ['express.m7g.xlarge', 1000, 2000],
    ['express.m7g.16xlarge', 20000, 32000],
  ] as const)('%s: %d recommended, %d max', (type, rec, max) => {
    expect(expressBroker(type)).toMatchObject({ partitionsRecommended: rec, partitionsMax: max });
  });
});

describe('AWS sizing script: us-east-1 price per broker-hour', () => {
  it.each([
    ['express.m7g.large', 0.408],
    ['express.m7g.4xlarge', 3.264],
    ['express.m7g.16xlarge', 13.056],
  ] as const)('%s costs $%d/h', (type, usd) => {
    expect(EXPRESS_BROKERS[type].priceUsdPerHour['us-east-1']?.value).toBe(usd);
  });
});

describe('Express cluster rules (bestpractices-express.html)', () => {
  it('fixes RF 3 and minISR 2, 3 AZs, 15 MiB/s per partition', () => {
    expect(expressBroker('express.m7g.2xlarge')).toMatchObject({
      vcpu: 8,
      memoryGiB: 32,
      replicationFactor: 3,
      minInsyncReplicas: 2,
      availabilityZones: 3,
      partitionThroughputMaxMiBps: 15,
    });
  });

  it('throws CatalogError for an unknown or Standard type', () => {
    expect(() => expressBroker('kafka.m7g.large' as ExpressBrokerType)).toThrow(CatalogError);
    expect(() => expressBroker('express.m7g.24xlarge' as ExpressBrokerType)).toThrow(/valid types: express\.m7g\.large/);
  });
});
