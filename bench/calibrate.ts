// Machine-speed calibration for benchmarks. Runs the plain-JS PHOLD of
// ../shared/reference/phold/calibrate.mjs twice, each in a fresh `node` process with the
// reference arguments, and keeps the faster run: machines here differ by up to 2× from one
// session to the next, and the best of two is what that README prescribes.
//
// The speed targets were set on a machine that runs it at 5.9 M events/s (the same README).
// `scale` = 5.9 M ÷ measured events/s: how many times faster the reference machine is. A time
// measured here converts to the reference machine by dividing by it (`scaleSeconds`): a slower
// machine (scale > 1) takes longer, so its seconds shrink when scaled.
//
//   npx tsx bench/calibrate.ts    # prints one JSON line
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { repoPath } from './paths.js';

/** Events/s of calibrate.mjs on the machine the speed targets were set on (its README). */
export const REFERENCE_EVENTS_PER_SECOND = 5.9e6;
/** The reference point of calibrate.mjs: LPS POPULATION EVENTS SEED (its README). */
const CALIBRATION_ARGS = ['1024', '16', '10000000', '1'];
const CALIBRATION_RUNS = 2;
/** One run takes about 1.7 s on a 6 M events/s machine; this bounds a pathological one. */
const RUN_TIMEOUT_MS = 60_000;

const scriptPath = repoPath('..', 'shared', 'reference', 'phold', 'calibrate.mjs');

export type MachineScale =
  | { state: 'calibrated'; eventsPerSecond: number; scale: number }
  | { state: 'unavailable'; eventsPerSecond: null; scale: null; reason: string };

type RunResult = { ok: true; eventsPerSecond: number } | { ok: false; reason: string };

/** Best of two calibration runs; never throws — a missing or failing script is a value. */
export function machineScale(): MachineScale {
  if (!existsSync(scriptPath)) return unavailable(`calibration script not found at ${scriptPath}`);
  let best = 0;
  for (let i = 0; i < CALIBRATION_RUNS; i++) {
    const run = runOnce();
    if (!run.ok) return unavailable(run.reason);
    best = Math.max(best, run.eventsPerSecond);
  }
  return { state: 'calibrated', eventsPerSecond: best, scale: REFERENCE_EVENTS_PER_SECOND / best };
}

/** Seconds measured here → seconds on the reference machine; null without a calibration. */
export function scaleSeconds(seconds: number, machine: MachineScale): number | null {
  if (machine.scale === null) return null;
  return round3(seconds / machine.scale);
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function runOnce(): RunResult {
  const child = spawnSync(process.execPath, [scriptPath, ...CALIBRATION_ARGS], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL' });
  if (child.error !== undefined) return { ok: false, reason: `calibrate.mjs did not run: ${child.error.message}` };
  if (child.status !== 0) return { ok: false, reason: `calibrate.mjs exited with ${child.status ?? child.signal}: ${child.stderr.trim()}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(child.stdout);
  } catch {
    return { ok: false, reason: `calibrate.mjs printed no JSON: ${child.stdout.trim().slice(0, 200)}` };
  }
  const eventsPerSecond = (parsed as { eventsPerSecond?: unknown }).eventsPerSecond;
  if (typeof eventsPerSecond !== 'number' || !(eventsPerSecond > 0)) {
    return { ok: false, reason: `calibrate.mjs printed no positive eventsPerSecond: ${child.stdout.trim()}` };
  }
  return { ok: true, eventsPerSecond };
}

function unavailable(reason: string): MachineScale {
  return { state: 'unavailable', eventsPerSecond: null, scale: null, reason };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const machine = machineScale();
  console.log(JSON.stringify(machine.scale === null ? machine : { ...machine, scale: round3(machine.scale) }));
}
