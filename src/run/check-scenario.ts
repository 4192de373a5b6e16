// Scenario checks that need the catalog: assumption ids and ranges, price-override keys, and
// the limits of each deployment, which its kind checks (src/run/deployment-kind.ts). They run inside the loader (`LoadOptions.check`) so
// each problem is reported with its file, line and column like any schema error.
import { ASSUMPTIONS, PRICE_KEYS, isPriceKey, isWholeOnly, resolveAssumptions } from '../catalog/index.js';
import { MAX_EVENTS_ESTIMATE } from '../scenario/limits.js';
import { kindOf } from './deployment-kind.js';
import { estimateEvents } from './events-estimate.js';
import { modelBrokers } from './model-config.js';
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
    } else if (isWholeOnly(spec) && !Number.isInteger(value)) {
      problems.push({
        path: ['assumptions', id],
        message: `${id} = ${value} is not a whole number of ${spec.unit}`,
        fix: `write a whole number between ${spec.min} and ${spec.max}, e.g. ${Math.round(value)}`,
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
  problems.push(...checkEvents(scenario, assumptions.values['workload.profileStepS']));
  return problems;
}

/**
 * The events the workload makes are the same for every deployment but for a crossing or two per
 * broker a day: checked once, on the largest deployment, and located at the setting that makes
 * most of them.
 */
function checkEvents(scenario: ResolvedScenario, profileStepS: number): Problem[] {
  const brokers = Math.max(...scenario.deployments.map(modelBrokers));
  const events = estimateEvents(scenario, profileStepS, brokers);
  if (events.total <= MAX_EVENTS_ESTIMATE) return [];
  const top = events.sources[0];
  const count = (n: number): string => Math.round(n).toLocaleString('en-US');
  const cause = top === undefined ? '' : `; most come from ${top.what}: ${count(top.changes)} over the horizon`;
  const ratio = MAX_EVENTS_ESTIMATE / events.total;
  return [
    {
      path: top?.path ?? ['duration'],
      message: `the workload is estimated at ${count(events.total)} simulation events (its rate changes and replays, and the retention steps and crossings they cause)${cause}, over msksim's limit of ${count(MAX_EVENTS_ESTIMATE)}`,
      fix: `${top === undefined ? 'make fewer rate changes' : top.fix(ratio)}, or shorten the duration`,
    },
  ];
}

function didYouMean(input: string, candidates: readonly string[], otherwise: string): string {
  const near = suggest(input, candidates);
  return near === undefined ? otherwise : `write "${near}"`;
}
