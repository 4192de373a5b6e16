// `msksim catalog [--region R] [--json]`: what msksim knows about MSK. The human form is a table
// of the instance types and the other prices for a region; --json prints the whole catalog with
// the source of every value, the prices resolved for the region and the assumptions. A region
// without prices is not an error: its prices show as n/a with a note on how to supply them.
import {
  CATALOG,
  EXPRESS_BROKER_TYPES,
  SERVICE_PRICE_KEYS,
  STANDARD_BROKER_TYPES,
  catalogDocument,
  expressBroker,
  priceUnit,
  resolvePrices,
  standardBroker,
  unpricedRegionNote,
  type ResolvedPrices,
} from '../../catalog/index.js';
import { CliError, defineCommand, stringOption } from '../command.js';

const NO_PRICE = 'n/a (set a price override)';
const DASH = '—';

/** A unit price as published: at least cents, more digits only where the price has them ($0.0015). */
function usd(value: number | null): string {
  if (value === null) return NO_PRICE;
  const text = String(value);
  const decimals = text.split('.')[1]?.length ?? 0;
  return `$${decimals < 2 ? value.toFixed(2) : text}`;
}

/** Columns padded to their widest cell; numeric columns (right: true) are right-aligned. */
function alignTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const render = (row: readonly string[]): string =>
    row
      .map((cell, c) => (right[c] === true ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [render(header), ...rows.map(render)].join('\n');
}

function standardRow(type: (typeof STANDARD_BROKER_TYPES)[number], prices: ResolvedPrices): string[] {
  const b = standardBroker(type);
  const bursts = [
    b.networkBurstable ? 'net' : null,
    b.ebsBurst30MinPer24h ? 'EBS 30m/24h' : null,
    b.cpuCredits === null ? null : 'CPU credits',
  ].filter((x): x is string => x !== null);
  return [
    type,
    String(b.vcpu),
    String(b.memoryGiB),
    `${b.networkBaselineMiBps} / ${b.networkBurstMiBps}`,
    `${b.ebsBaselineMiBps} / ${b.ebsMaxMiBps}`,
    bursts.length === 0 ? DASH : bursts.join(', '),
    `${b.partitionsRecommended} / ${b.partitionsMax}`,
    usd(prices.prices[type].usd),
  ];
}

function expressRow(type: (typeof EXPRESS_BROKER_TYPES)[number], prices: ResolvedPrices): string[] {
  const b = expressBroker(type);
  return [
    type,
    String(b.vcpu),
    String(b.memoryGiB),
    DASH,
    DASH,
    DASH,
    `${b.partitionsRecommended} / ${b.partitionsMax}`,
    usd(prices.prices[type].usd),
  ];
}

function instanceTable(prices: ResolvedPrices): string {
  const header = ['type', 'vCPU', 'GiB', 'network MiB/s base / burst', 'EBS MiB/s base / max', 'burst', 'partitions rec / max', '$/h'];
  const rows = [
    ...STANDARD_BROKER_TYPES.map((type) => standardRow(type, prices)),
    ...EXPRESS_BROKER_TYPES.map((type) => expressRow(type, prices)),
  ];
  return alignTable(header, rows, [false, true, true, true, true, false, true, false]);
}

function expressThroughputTable(): string {
  const header = ['Express type', 'ingress MiB/s sustained / max', 'egress MiB/s sustained / max'];
  const rows = EXPRESS_BROKER_TYPES.map((type) => {
    const b = expressBroker(type);
    return [type, `${b.ingressSustainedMiBps} / ${b.ingressMaxMiBps}`, `${b.egressSustainedMiBps} / ${b.egressMaxMiBps}`];
  });
  return alignTable(header, rows, [false, true, true]);
}

function servicePriceTable(prices: ResolvedPrices): string {
  const rows = SERVICE_PRICE_KEYS.map((key) => [key, usd(prices.prices[key].usd), priceUnit(key)]);
  return alignTable(['price key', 'USD', 'unit'], rows, [false, false, false]);
}

/** The human-readable catalog for a region. */
export function renderCatalogText(region: string): string {
  const prices = resolvePrices({ region });
  const parts = [`msksim catalog — region ${region} (on-demand list prices in USD)`];
  if (!prices.regionPriced) parts.push(`Note: ${unpricedRegionNote(region)}`);
  parts.push(
    `Instance types (${STANDARD_BROKER_TYPES.length} Standard, ${EXPRESS_BROKER_TYPES.length} Express). ` +
      'Network Gbps × 125 and EBS MB/s are shown as MiB/s, as AWS\'s MSK docs do. ' +
      'Express brokers publish per-broker throughput instead of network and EBS limits (next table).',
    instanceTable(prices),
    'Express per-broker throughput (sustained = AWS recommended maximum; max = throttle quota):',
    expressThroughputTable(),
    'Other prices:',
    servicePriceTable(prices),
    `A month is ${CATALOG.hoursPerMonth.value} hours. Replication between brokers is free.`,
    'Every value has a source: `msksim catalog --json` prints them, with the assumptions the simulator uses.',
  );
  return `${parts.join('\n\n')}\n`;
}

/** The full catalog as one JSON document for a region. */
export function renderCatalogJson(region: string): string {
  return `${JSON.stringify(catalogDocument(region), null, 2)}\n`;
}

export const catalogCommand = defineCommand({
  name: 'catalog',
  describe: 'Show MSK instance types, limits, prices and assumptions, with their sources',
  builder: (yargs) =>
    yargs
      .option('region', {
        type: 'string',
        default: 'us-east-1',
        describe: 'AWS region whose prices to show (only us-east-1 is in the catalog; others need overrides)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the full catalog with sources as JSON' }),
  run: (argv) => {
    const region = stringOption(argv, 'region') ?? 'us-east-1';
    if (region.trim() === '') throw new CliError('--region needs an AWS region name, for example --region us-east-1');
    // The region is echoed in the table and the JSON: only a region code's shape is accepted.
    if (!REGION.test(region)) throw new CliError(`--region "${region}" is not an AWS region code. Fix: write e.g. --region us-east-1`);
    process.stdout.write(argv.json === true ? renderCatalogJson(region) : renderCatalogText(region));
    return 0;
  },
});

/** An AWS region code, as the scenario schema accepts it (us-east-1, us-gov-west-1). */
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d+$/;
