// `msksim catalog`: the command's run function with stdout captured, for the human table and
// the --json document.
import { afterEach, describe, expect, it, vi } from 'vitest';
import yargs from 'yargs';
import { CliError } from '../../src/cli/command.js';
import { catalogCommand } from '../../src/cli/commands/catalog.js';
import { EXPRESS_BROKER_TYPES, STANDARD_BROKER_TYPES } from '../../src/catalog/index.js';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  const argv = await catalogCommand.builder(yargs(args)).parseAsync();
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await catalogCommand.run(argv as Record<string, unknown>);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

type Sourced = { value: unknown; source: string };
interface Doc {
  region: string;
  regionPriced: boolean;
  regionNote: string | null;
  catalog: { standardBrokers: Record<string, Record<string, Sourced>>; expressBrokers: Record<string, Record<string, Sourced>> };
  resolvedPrices: { prices: Record<string, { usd: number | null; unit: string; source: string }> };
  assumptions: { id: string; value: number; overridden: boolean; rationale: string; basis: string }[];
}

const STANDARD_FIELDS = [
  'vcpu', 'memoryGiB', 'networkBaselineGbps', 'networkBurstGbps', 'networkBurstable', 'networkBaselineMiBps',
  'networkBurstMiBps', 'ebsBaselineMbps', 'ebsMaxMbps', 'ebsBaselineMBps', 'ebsMaxMBps', 'ebsBaselineMiBps',
  'ebsMaxMiBps', 'ebsBaselineIops', 'ebsMaxIops', 'ebsBurst30MinPer24h', 'pstEligible', 'pstMaxMiBps',
  'partitionsRecommended', 'partitionsMax', 'priceUsdPerHour', 'cpuCredits', 'ioThreads', 'networkThreads',
  'replicaFetchersWithPst', 'tieredStorageSupported', 'kraftSupported', 'iamNewConnectionsPerS',
];
const EXPRESS_FIELDS = [
  'vcpu', 'memoryGiB', 'ingressSustainedMiBps', 'egressSustainedMiBps', 'ingressMaxMiBps', 'egressMaxMiBps',
  'partitionsRecommended', 'partitionsMax', 'priceUsdPerHour',
];

function sourcedFields(broker: Record<string, Sourced>): string[] {
  return Object.entries(broker).flatMap(([field, v]) => {
    if (field === 'priceUsdPerHour') return Object.values(v as unknown as Record<string, Sourced>).map((p) => p.source);
    return [v.source];
  });
}

afterEach(() => vi.restoreAllMocks());

describe('msksim catalog --json', () => {
  it('holds all 16 Standard and 7 Express types with every field and a source', async () => {
    const { code, out } = await run(['--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as Doc;
    expect(Object.keys(doc.catalog.standardBrokers)).toEqual([...STANDARD_BROKER_TYPES]);
    expect(Object.keys(doc.catalog.expressBrokers)).toEqual([...EXPRESS_BROKER_TYPES]);
    for (const broker of Object.values(doc.catalog.standardBrokers)) {
      expect(Object.keys(broker)).toEqual(STANDARD_FIELDS);
      for (const source of sourcedFields(broker)) expect(source.length).toBeGreaterThan(10);
    }
    for (const broker of Object.values(doc.catalog.expressBrokers)) {
      expect(Object.keys(broker)).toEqual(EXPRESS_FIELDS);
      for (const source of sourcedFields(broker)) expect(source.length).toBeGreaterThan(10);
    }
  });

  it('includes resolved prices for the region and the assumptions with rationale and basis', async () => {
    const doc = JSON.parse((await run(['--json'])).out) as Doc;
    expect(doc.resolvedPrices.prices['kafka.m5.large']?.usd).toBe(0.21);
    expect(doc.resolvedPrices.prices['tiered.retrievalGb']?.usd).toBeNull();
    expect(doc.assumptions.length).toBeGreaterThanOrEqual(14);
    for (const a of doc.assumptions) expect(a.rationale && a.basis).toBeTruthy();
  });

  it('is byte-identical from run to run', async () => {
    expect((await run(['--json', '--region', 'eu-west-1'])).out).toBe((await run(['--json', '--region', 'eu-west-1'])).out);
  });

  it('an unknown region is not an error: prices null and a note on supplying overrides', async () => {
    const { code, out } = await run(['--json', '--region', 'ap-mars-1']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as Doc;
    expect(doc.regionPriced).toBe(false);
    expect(doc.regionNote).toMatch(/pricing overrides in the scenario/);
    expect(Object.values(doc.resolvedPrices.prices).every((p) => p.usd === null)).toBe(true);
  });
});

describe('msksim catalog (table)', () => {
  it('lists every instance type with its price, then the other prices and where the sources are', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(0);
    for (const type of [...STANDARD_BROKER_TYPES, ...EXPRESS_BROKER_TYPES]) expect(out).toContain(type);
    expect(out).toMatch(/kafka\.m5\.large +2 +8 +93\.75 \/ 1250 +81\.25 \/ 593\.75 .* 1000 \/ 1500 +\$0\.21\n/);
    expect(out).toMatch(/serverless\.partitionHour +\$0\.0015/);
    expect(out).toMatch(/tiered\.retrievalGb +n\/a \(set a price override\)/);
    expect(out).toContain('msksim catalog --json');
  });

  it('for a region without prices shows n/a and the note', async () => {
    const { out } = await run(['--region', 'eu-west-1']);
    expect(out).toMatch(/kafka\.m5\.large .* n\/a \(set a price override\)/);
    expect(out).toContain('No prices for region "eu-west-1"');
  });

  it('an empty --region is a usage error (exit 2)', async () => {
    const failure = run(['--region', '']);
    await expect(failure).rejects.toBeInstanceOf(CliError);
    await expect(failure).rejects.toMatchObject({ exitCode: 2 });
  });
});
