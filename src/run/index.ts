// The scenario runner (DESIGN §1.1): deployment kinds, catalog checks, results.
export { runScenario } from './run-scenario.js';
export { checkScenarioAgainstCatalog } from './check-scenario.js';
export { registerKind, kindOf, type DeploymentKind, type RunContext } from './deployment-kind.js';
export type { DeploymentResult, ExpressResult, ProvisionedResult, QuotaSummary, ScenarioResult, ServerlessResult } from './result.js';
export type { Binding, BindingConstraint } from './binding.js';
export type { BrokerSummary, ClusterSummary, UtilizationSummary } from './summary.js';
export type { TopicSummary } from './topic-summary.js';
export { buildModelConfig } from './provisioned-config.js';
export { buildServerlessConfig } from './serverless-config.js';
export { estimateWork, type WorkEstimate } from './work-estimate.js';
