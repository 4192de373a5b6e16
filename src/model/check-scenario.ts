// Scenario checks that need the catalog: assumption ids and ranges, price-override keys, and
// the limits of the chosen broker type. They run inside the loader (`LoadOptions.check`) so
// each problem is reported with its file, line and column like any schema error.
import { ASSUMPTIONS, PRICE_KEYS, PROVISIONED_QUOTAS, isPriceKey, standardBroker } from '../catalog/index.js';
import { suggest, type Problem, type ResolvedScenario } from '../scenario/index.js';

export function checkScenarioAgainstCatalog(scenario: ResolvedScenario): Problem[] {
  const problems: Problem[] = [];
  for (const [id, value] of Object.entries(scenario.assumptionOverrides)) {
    const spec = ASSUMPTIONS.find((a) => a.id === id);
    if (spec === undefined) {
      problems.push({
        path: ['assumptions', id],
        at: 'key',
        message: `unknown assumption "${id}"`,
        fix: didYouMean(id, ASSUMPTIONS.map((a) => a.id), '`msksim catalog --json` lists every assumption with its default'),
      });
    } else if (value < spec.min || value > spec.max) {
      problems.push({
        path: ['assumptions', id],
        message: `${id} = ${value} is outside [${spec.min}, ${spec.max}] ${spec.unit}`,
        fix: `choose a value between ${spec.min} and ${spec.max} ${spec.unit} (default ${spec.value})`,
      });
    }
  }
  for (const [key, value] of Object.entries(scenario.pricing.overrides)) {
    if (!isPriceKey(key)) {
      problems.push({
        path: ['pricing', 'overrides', key],
        at: 'key',
        message: `unknown price "${key}"`,
        fix: didYouMean(key, PRICE_KEYS, `use an instance type or one of ${PRICE_KEYS.filter((k) => !k.startsWith('kafka.') && !k.startsWith('express.m')).join(', ')}`),
      });
    } else if (!(value >= 0)) {
      problems.push({ path: ['pricing', 'overrides', key], message: `price ${value} is negative`, fix: 'write a price in USD ≥ 0' });
    }
  }
  scenario.deployments.forEach((d, i) => {
    const caps = standardBroker(d.brokerType);
    const pst = d.storage.provisionedThroughputMiBps;
    if (pst !== null && !caps.pstEligible) {
      problems.push({
        path: ['deployments', i, 'storage', 'provisionedThroughput'],
        message: `${d.brokerType} cannot have provisioned storage throughput (MSK allows it on kafka.m5.4xlarge and larger, kafka.m7g.2xlarge and larger)`,
        fix: 'remove provisionedThroughput, or choose a larger broker type',
      });
    } else if (pst !== null && caps.pstMaxMiBps !== null && pst > caps.pstMaxMiBps) {
      problems.push({
        path: ['deployments', i, 'storage', 'provisionedThroughput'],
        message: `${d.brokerType} supports at most ${caps.pstMaxMiBps} MiB/s of provisioned storage throughput`,
        fix: `write ${caps.pstMaxMiBps}MiB/s or less, or choose a larger broker type`,
      });
    }
    const maxBrokers = PROVISIONED_QUOTAS.brokersPerClusterKRaft.value;
    if (d.brokers > maxBrokers) {
      problems.push({
        path: ['deployments', i, 'brokers'],
        message: `${d.brokers} brokers exceed MSK's quota of ${maxBrokers} brokers per cluster (KRaft; 30 with ZooKeeper)`,
        fix: `use at most ${maxBrokers} brokers, or larger brokers`,
      });
    }
  });
  return problems;
}

function didYouMean(input: string, candidates: readonly string[], otherwise: string): string {
  const near = suggest(input, candidates);
  return near === undefined ? otherwise : `write "${near}"`;
}
