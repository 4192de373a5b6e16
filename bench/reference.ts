// Times the 30-day reference scenario end to end in-process — load and validate the YAML,
// simulate, build the JSON report — and prints one JSON line {seconds, events, peakRssMB,
// secondsScaled, calibrationEventsPerSecond}: `secondsScaled` is `seconds` converted to the
// machine the speed targets were set on (bench/calibrate.ts; null when it cannot calibrate).
// Fails when the simulation's event count differs from the expected one, so that a change in
// behaviour cannot pass as a speed-up (STYLE habit 11): update EXPECTED_EVENTS deliberately.
import { readFileSync } from 'node:fs';
import { repoPath } from './paths.js';
import { runScenario } from '../src/run/index.js';
import { reportJson } from '../src/report/json.js';
import { loadScenario } from '../src/scenario/index.js';
import { VERSION } from '../src/version.js';
import { machineScale, scaleSeconds } from './calibrate.js';

const EXPECTED_EVENTS = 13_405;
const path = repoPath('scenarios', 'reference.yaml');

function once(): { seconds: number; events: number } {
  const started = performance.now();
  const loaded = loadScenario(readFileSync(path, 'utf8'), path, {
    readFile: (p) => readFileSync(p, 'utf8'),
    resolvePath: (p) => p,
  });
  if (!loaded.ok) throw new Error(`reference scenario invalid: ${JSON.stringify(loaded.errors)}`);
  const result = runScenario(loaded.scenario);
  const json = reportJson(result, { toolVersion: VERSION, outputs: {} });
  const seconds = (performance.now() - started) / 1000;
  if (json.length === 0) throw new Error('empty report');
  return { seconds, events: result.deployments.reduce((n, d) => n + d.simulationEvents, 0) };
}

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] ?? 1) || 1;
let best = once();
for (let i = 1; i < runs; i++) {
  const next = once();
  if (next.seconds < best.seconds) best = next;
}
const peakRssMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
// Calibrated after the timed runs, in child processes, so it neither warms nor loads this one.
const machine = machineScale();
const seconds = Math.round(best.seconds * 1000) / 1000;
const secondsScaled = scaleSeconds(best.seconds, machine);
console.log(JSON.stringify({ seconds, events: best.events, peakRssMB, secondsScaled, calibrationEventsPerSecond: machine.eventsPerSecond }));
if (machine.state === 'unavailable') console.error(`bench:reference: no machine calibration: ${machine.reason}`);
if (best.events !== EXPECTED_EVENTS) {
  console.error(`bench:reference: expected ${EXPECTED_EVENTS} simulation events, got ${best.events}. If the model change is intended, update EXPECTED_EVENTS in bench/reference.ts.`);
  process.exit(1);
}
