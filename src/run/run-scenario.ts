// Runs every deployment of a scenario through its kind and gathers what the reports need.
import { resolveAssumptions, resolvePrices } from '../catalog/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import { kindOf, type RunContext } from './deployment-kind.js';
import './kinds.js';
import type { DeploymentResult, ScenarioResult } from './result.js';

export function runScenario(scenario: ResolvedScenario, options: { verify?: boolean; onDeployment?: (d: DeploymentResult) => void } = {}): ScenarioResult {
  const assumptions = resolveAssumptions(scenario.assumptionOverrides);
  const prices = resolvePrices({
    region: scenario.region,
    overrides: scenario.pricing.overrides,
    discountPct: scenario.pricing.discountFraction * 100,
  });
  const ctx: RunContext = { scenario, assumptions, prices, verify: options.verify ?? false };
  const deployments = scenario.deployments.map((d) => {
    const result = kindOf(d).run(d, ctx);
    options.onDeployment?.(result);
    return result;
  });
  return { scenario, assumptions, prices, deployments };
}
