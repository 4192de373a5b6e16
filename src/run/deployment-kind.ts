// Deployment kinds (DESIGN §1.1): each `type` a scenario's deployment may have registers what
// only it knows — the checks against the catalog, how to simulate it, its usage and bill, and
// how it is named in a report row. The runner, the reports and (later) sweeps and what-ifs go
// through this registry and assume nothing about any one kind.
import type { ResolvedAssumptions, ResolvedPrices } from '../catalog/index.js';
import type { Problem, ResolvedDeployment, ResolvedScenario } from '../scenario/index.js';
import type { DeploymentResult } from './result.js';

export interface RunContext {
  scenario: ResolvedScenario;
  assumptions: ResolvedAssumptions;
  prices: ResolvedPrices;
  /** Invariant checks after every event (tests). */
  verify: boolean;
}

export interface DeploymentKind<D extends ResolvedDeployment = ResolvedDeployment> {
  readonly type: D['type'];
  /** Problems of deployment `index` that need the catalog (or a model dry run), located by path. */
  check(scenario: ResolvedScenario, deployment: D, index: number, assumptions: ResolvedAssumptions): Problem[];
  /** Simulates the deployment under the scenario's workload and prices its usage. */
  run(deployment: D, ctx: RunContext): DeploymentResult;
}

const KINDS = new Map<string, DeploymentKind>();

export function registerKind<D extends ResolvedDeployment>(kind: DeploymentKind<D>): void {
  KINDS.set(kind.type, kind as unknown as DeploymentKind);
}

export function kindOf(deployment: ResolvedDeployment): DeploymentKind {
  const kind = KINDS.get(deployment.type);
  if (kind === undefined) throw new Error(`no deployment kind registered for type "${deployment.type}"`);
  return kind;
}
