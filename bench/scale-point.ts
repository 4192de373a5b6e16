// One point of bench/scale.ts, measured in the process that bench/scale.ts starts for it, so
// that its peak RSS is its own. Times loading the YAML (schema and the catalog checks that the
// CLI runs, such as "the warm start does not fit") plus the simulation; not the reports.
import { checkScenarioAgainstCatalog, runScenario } from '../src/run/index.js';
import { formatErrors, loadScenario } from '../src/scenario/index.js';
import { round3 } from './calibrate.js';
import type { ScalePoint } from './scale-scenarios.js';

const BYTES_PER_MIB = 1024 * 1024;

/** What the child prints as its one line of JSON; a crash prints nothing and exits non-zero. */
export type PointMeasurement =
  | {
      state: 'completed';
      seconds: number;
      /** maxRSS of the whole process: Node, tsx and the modules included. */
      peakRssMB: number;
      /** peakRssMB less the RSS just before loading the scenario: what the point added. */
      rssGrowthMB: number;
      events: number;
    }
  | { state: 'invalid'; message: string };

export function measurePoint(point: ScalePoint): PointMeasurement {
  const baselineRssMB = process.memoryUsage().rss / BYTES_PER_MIB;
  const started = performance.now();
  const loaded = loadScenario(point.yaml, `${point.name}.yaml`, {
    readFile: () => {
      throw new Error('bench scenarios have no trace files');
    },
    check: checkScenarioAgainstCatalog,
  });
  if (!loaded.ok) return { state: 'invalid', message: formatErrors(loaded.errors) };
  const result = runScenario(loaded.scenario);
  const seconds = (performance.now() - started) / 1000;
  // Linux reports maxRSS in KiB.
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  return {
    state: 'completed',
    seconds: round3(seconds),
    peakRssMB: round1(peakRssMB),
    rssGrowthMB: round1(peakRssMB - baselineRssMB),
    events: result.deployments.reduce((n, d) => n + d.simulationEvents, 0),
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
