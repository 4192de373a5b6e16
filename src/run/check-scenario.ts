// Scenario checks that need the catalog: assumption ids and ranges, price-override keys, and
// the limits of each deployment, which its kind checks (src/run/deployment-kind.ts). They run inside the loader (`LoadOptions.check`) so
// each problem is reported with its file, line and column like any schema error.
import { ASSUMPTIONS, PRICE_KEYS, isPriceKey, resolveAssumptions } from '../catalog/index.js';
import { kindOf } from './deployment-kind.js';
import './kinds.js';
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
  // Per-deployment checks need valid assumptions (the warm-start dry run uses them).
  if (problems.length > 0) return problems;
  const assumptions = resolveAssumptions(scenario.assumptionOverrides);
  scenario.deployments.forEach((d, i) => problems.push(...kindOf(d).check(scenario, d, i, assumptions)));
  return problems;
}

function didYouMean(input: string, candidates: readonly string[], otherwise: string): string {
  const near = suggest(input, candidates);
  return near === undefined ? otherwise : `write "${near}"`;
}
