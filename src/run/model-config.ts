// The fluid model's configuration of any deployment kind, for the checks and estimates that
// need one before a run.
import type { ResolvedAssumptions } from '../catalog/index.js';
import type { ModelConfig } from '../model/config.js';
import type { ResolvedDeployment, ResolvedScenario } from '../scenario/types.js';
import { buildModelConfig } from './provisioned-config.js';
import { buildServerlessConfig } from './serverless-config.js';
import { buildExpressConfig } from './express-config.js';

export function modelConfigOf(scenario: ResolvedScenario, d: ResolvedDeployment, assumptions: ResolvedAssumptions): ModelConfig {
  switch (d.type) {
    case 'serverless':
      return buildServerlessConfig(scenario, d, assumptions);
    case 'express':
      return buildExpressConfig(scenario, d, assumptions);
    case 'provisioned':
      return buildModelConfig(scenario, d, assumptions);
  }
}

/** Brokers the model simulates: a Serverless cluster is one virtual broker (serverless-config.ts). */
export function modelBrokers(d: ResolvedDeployment): number {
  return d.type === 'serverless' ? 1 : d.brokers;
}
