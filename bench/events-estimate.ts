// The admission estimates (src/run/work-estimate.ts) against what a run does: for the shipped
// scenarios and the bench:scale points, the estimated and the actual events, the partition
// classes and the request-level window requests, and the time of the estimate and of the run.
//
//   npx tsx bench/events-estimate.ts                  # every scenario
//   npx tsx bench/events-estimate.ts --only reference # those whose name contains the word
//
// Prints one JSON line per deployment: {scenario, deployment, estimatedEvents, events, ratio,
// flowClasses, replicasPerBrokerMax, windowRequests, estimateMs, runSeconds}. The estimate is
// meant to be an upper bound within a small factor (ratio = estimated / actual ≥ 1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveAssumptions } from '../src/catalog/index.js';
import { checkScenarioAgainstCatalog, runScenario } from '../src/run/index.js';
import { estimateWork } from '../src/run/work-estimate.js';
import { formatErrors, loadScenario } from '../src/scenario/index.js';
import { scalePoints } from './scale-scenarios.js';

const SHIPPED = ['reference', 'payments-m5xl', 'burst-m5large'];

function scenarios(): { name: string; yaml: string }[] {
  const shipped = SHIPPED.map((name) => ({ name, yaml: readFileSync(join('scenarios', `${name}.yaml`), 'utf8') }));
  return [...shipped, ...scalePoints().map((p) => ({ name: p.name, yaml: p.yaml }))];
}

function measure(name: string, yaml: string): void {
  const loaded = loadScenario(yaml, `${name}.yaml`, { readFile: (path) => readFileSync(join('scenarios', path), 'utf8'), check: checkScenarioAgainstCatalog });
  if (!loaded.ok) {
    console.log(JSON.stringify({ scenario: name, state: 'invalid', message: formatErrors(loaded.errors) }));
    return;
  }
  const scenario = loaded.scenario;
  const assumptions = resolveAssumptions(scenario.assumptionOverrides);
  const t0 = performance.now();
  const work = scenario.deployments.map((d) => estimateWork(scenario, d, assumptions));
  const estimateMs = performance.now() - t0;
  const t1 = performance.now();
  const result = runScenario(scenario);
  const runSeconds = (performance.now() - t1) / 1000;
  result.deployments.forEach((d, i) => {
    const w = work[i]!;
    console.log(
      JSON.stringify({
        scenario: name,
        deployment: d.name,
        estimatedEvents: w.events.total,
        events: d.simulationEvents,
        ratio: Math.round((w.events.total / d.simulationEvents) * 100) / 100,
        flowClasses: w.flowClasses,
        replicasPerBrokerMax: w.replicasPerBrokerMax,
        windowRequests: Math.round(w.windowRequests),
        windowRequestsSimulated: d.latency?.windows.map((x) => x.requestLevel.produceRequests) ?? [],
        estimateMs: Math.round(estimateMs * 10) / 10,
        runSeconds: Math.round(runSeconds * 1000) / 1000,
      }),
    );
  });
}

const { values } = parseArgs({ options: { only: { type: 'string' } } });
for (const s of scenarios()) if (values.only === undefined || s.name.includes(values.only)) measure(s.name, s.yaml);
