// The simulation of `msksim run`, in a worker thread (simulate-in-worker.ts starts it). The main
// thread keeps its event loop free meanwhile, so a SIGINT or SIGTERM is handled at once — the
// output folder deletes its staging folder and lock (output-folder.ts) and the process exits —
// instead of after the last deployment. The worker reads and writes no file: it posts each
// deployment's result as soon as it is simulated (its time series moved, not copied), then the
// scenario-wide figures.
import { parentPort } from 'node:worker_threads';
import { CatalogError } from '../catalog/index.js';
import { runScenario, type DeploymentResult } from '../run/index.js';
import type { ResolvedScenario } from '../scenario/index.js';
import type { WorkerMessage } from './simulate-in-worker.js';

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

/** The buffers of a deployment's time series, each once: they move to the main thread. */
function seriesBuffers(d: DeploymentResult): ArrayBuffer[] {
  const s = d.series;
  if (s === null) return [];
  const arrays = [s.timesS, ...Object.values(s.broker).flat(), ...Object.values(s.cluster)];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

// The worker starts while the main thread still loads the scenario; the scenario comes after.
parentPort!.once('message', (scenario: ResolvedScenario) => simulate(scenario));

function simulate(scenario: ResolvedScenario): void {
  try {
    const result = runScenario(scenario, {
      onDeployment: (d) => {
        post({ kind: 'deployment', deployment: d }, seriesBuffers(d));
        d.series = null;
      },
    });
    post({ kind: 'done', assumptions: result.assumptions, prices: result.prices });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ kind: 'error', catalog: error instanceof CatalogError, message: e.message, stack: e.stack ?? e.message });
  }
}
