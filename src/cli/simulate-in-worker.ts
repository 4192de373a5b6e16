// Runs a scenario's simulation in a worker thread (simulate-worker.ts) and resolves with the
// same ScenarioResult runScenario returns in-process: the code, the seed and the order of the
// deployments are the same, so the reports are byte-identical. Why a worker: a signal handler
// runs only when the main thread's event loop turns, and a simulation holds its thread for
// seconds to minutes; with the simulation elsewhere, Ctrl-C stops a run at once and the output
// folder is cleaned up (output-folder.ts).
import { Worker } from 'node:worker_threads';
import type { ResolvedAssumptions, ResolvedPrices } from '../catalog/index.js';
import type { DeploymentResult, ScenarioResult } from '../run/index.js';
import type { ResolvedScenario } from '../scenario/index.js';

export type WorkerMessage =
  | { kind: 'deployment'; deployment: DeploymentResult }
  | { kind: 'done'; assumptions: ResolvedAssumptions; prices: ResolvedPrices }
  | { kind: 'error'; catalog: boolean; message: string; stack: string };

/** An error the simulation threw, as the worker reported it: a catalog refusal or an internal error with its stack. */
export class SimulationError extends Error {
  constructor(
    message: string,
    readonly catalog: boolean,
    stack: string,
  ) {
    super(message);
    this.name = 'SimulationError';
    this.stack = stack;
  }
}

/**
 * Starts the worker now, so that Node and the model's modules load while the main thread reads
 * and checks the scenario. Unreferenced until `simulate`: a run refused before then exits as if
 * there were no worker.
 */
export function startSimulationWorker(): SimulationWorker {
  const worker = new Worker(new URL('./simulate-worker.js', import.meta.url));
  worker.unref();
  return {
    simulate: (scenario, onDeployment) => {
      worker.ref();
      return simulateIn(worker, scenario, onDeployment);
    },
  };
}

export interface SimulationWorker {
  /** Simulates the scenario in the worker; each deployment's result comes to onDeployment as soon as it is done. */
  simulate(scenario: ResolvedScenario, onDeployment: (d: DeploymentResult) => void): Promise<ScenarioResult>;
}

function simulateIn(worker: Worker, scenario: ResolvedScenario, onDeployment: (d: DeploymentResult) => void): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    worker.postMessage(scenario);
    const deployments: DeploymentResult[] = [];
    let settled = false;
    const settle = (action: () => void): void => {
      if (settled) return;
      settled = true;
      action();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'deployment') {
        try {
          onDeployment(message.deployment);
        } catch (error) {
          settle(() => reject(error));
          void worker.terminate();
          return;
        }
        deployments.push(message.deployment);
      } else if (message.kind === 'done') {
        settle(() => resolve({ scenario, assumptions: message.assumptions, prices: message.prices, deployments }));
      } else {
        settle(() => reject(new SimulationError(message.message, message.catalog, message.stack)));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the simulation worker exited with code ${code} before it finished`))));
  });
}
