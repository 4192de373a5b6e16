// Growth curves of msksim: how the time and memory of one in-process run (load + simulate, see
// bench/scale-point.ts) grow with partitions under skew, with topics at a fixed total load, and
// with the simulated horizon (bench/scale-scenarios.ts).
//
//   npm run --silent bench:scale                       # every curve
//   npm run --silent bench:scale -- --only topics      # one curve
//   npx tsx bench/scale.ts --point topics-200          # one point, in this process
//
// Prints the calibration, then one JSON line per point {curve, x, state, seconds,
// secondsScaled, peakRssMB, rssGrowthMB, events}, then a summary with a verdict per target
// and per event-count assertion (bench/scale-verdicts.ts). Each point runs in a fresh child
// process (this script with `--point`), so its peak RSS is its own; one that crashes or runs
// past POINT_TIMEOUT_MS is killed and recorded as such, and the curve goes on.
// Exit codes: 0 every assertion holds; 1 an event-count assertion failed; 2 usage.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineScale, round3, scaleSeconds, type MachineScale } from './calibrate.js';
import { measurePoint, type PointMeasurement } from './scale-point.js';
import { scalePoints, type ScalePoint } from './scale-scenarios.js';
import { EVENT_BOUNDS, TARGETS, judgeEvents, judgeTarget, type PointResult } from './scale-verdicts.js';

/** A point slower than this has a problem worth more than its figure (the brief: 120 s). */
const POINT_TIMEOUT_MS = 120_000;
/** Lines of a crashed child's stderr kept in its record: the message first, then the top of the stack. */
const ERROR_LINES_KEPT = 6;

const scriptPath = fileURLToPath(import.meta.url);

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, strict: true, options: { point: { type: 'string' }, only: { type: 'string' } } });
  const points = scalePoints().filter((p) => values.only === undefined || p.curve === values.only);
  if (points.length === 0) return usage(`no curve named ${values.only}`);
  if (values.point === undefined) return runAll(points);
  const point = points.find((p) => p.name === values.point);
  if (point === undefined) return usage(`no point named ${values.point}; points: ${points.map((p) => p.name).join(', ')}`);
  const measured = measurePoint(point);
  console.log(JSON.stringify(measured));
  return measured.state === 'completed' ? 0 : 2;
}

function runAll(points: readonly ScalePoint[]): number {
  const machine = machineScale();
  console.log(JSON.stringify({ calibration: machine.scale === null ? machine : { ...machine, scale: round3(machine.scale) } }));
  const results = points.map((point) => {
    const result = runPoint(point, machine);
    console.log(JSON.stringify(result));
    return result;
  });
  const targets = TARGETS.filter((t) => points.some((p) => p.curve === t.curve)).map((t) => judgeTarget(t, results));
  const assertions = EVENT_BOUNDS.filter((b) => points.some((p) => p.curve === b.curve)).map((b) => judgeEvents(b, results));
  const assertionsHold = assertions.every((a) => a.verdict !== 'fail');
  console.log(
    JSON.stringify({
      summary: 'bench:scale',
      calibrationEventsPerSecond: machine.eventsPerSecond,
      targetsPassed: targets.every((t) => t.verdict === 'pass'),
      assertionsHold,
      targets,
      assertions,
    }),
  );
  return assertionsHold ? 0 : 1;
}

function runPoint(point: ScalePoint, machine: MachineScale): PointResult {
  const child = spawnSync(process.execPath, [...process.execArgv, scriptPath, '--point', point.name], {
    encoding: 'utf8',
    timeout: POINT_TIMEOUT_MS,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const base = { curve: point.curve, x: point.x };
  const empty = { seconds: null, secondsScaled: null, peakRssMB: null, rssGrowthMB: null, events: null };
  if ((child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    return { ...base, state: 'timed-out', ...empty, error: `killed after ${POINT_TIMEOUT_MS / 1000} s` };
  }
  const measured = parseMeasurement(child.stdout);
  if (measured === null) {
    const why = child.error?.message ?? `exit ${child.status ?? child.signal}: ${errorLines(child.stderr)}`;
    return { ...base, state: 'crashed', ...empty, error: why };
  }
  if (measured.state === 'invalid') return { ...base, state: 'invalid', ...empty, error: measured.message };
  const { seconds, peakRssMB, rssGrowthMB, events } = measured;
  return { ...base, state: 'completed', seconds, secondsScaled: scaleSeconds(seconds, machine), peakRssMB, rssGrowthMB, events };
}

function parseMeasurement(stdout: string | null): PointMeasurement | null {
  const line = (stdout ?? '').trim().split('\n').at(-1) ?? '';
  try {
    const parsed = JSON.parse(line) as PointMeasurement;
    return parsed.state === 'completed' || parsed.state === 'invalid' ? parsed : null;
  } catch {
    return null;
  }
}

/** The error message and the innermost frames: Node prints the source line, the message, then the stack. */
function errorLines(text: string | null): string {
  const lines = (text ?? '').trim().split('\n');
  const message = lines.findIndex((l) => /^\w*(Error|Exception)\b/.test(l));
  const from = message === -1 ? Math.max(0, lines.length - ERROR_LINES_KEPT) : message;
  return lines.slice(from, from + ERROR_LINES_KEPT).join('\n');
}

function usage(message: string): number {
  console.error(`bench:scale: ${message}. Usage: tsx bench/scale.ts [--only skewed-partitions|topics|long-runs] [--point NAME]`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
