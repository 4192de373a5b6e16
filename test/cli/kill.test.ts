// Kill `msksim run --out DIR` at any instant and DIR is never a partial or mixed set: it is
// absent, or exactly the old set, or exactly the new set (src/cli/output-folder.ts). The built
// CLI is SIGKILLed at 20 instants spread over a run, into a fresh folder and into a used one;
// then at each step of the folder swap (MSKSIM_TEST_CRASH_AT); then stopped by SIGINT and
// SIGTERM, which delete the unfinished set and exit 130 / 143. After every kill the next run into
// DIR cleans up, says so in one line, and leaves its whole set and no temporaries or lock.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WORK = mkdtempSync(join(tmpdir(), 'msksim-kill-'));
const BURST = join(ROOT, 'scenarios', 'burst-m5large.yaml');
// One hour of the burst-m5large workload, so that most kill points cost about half a second.
const HOUR = join(WORK, 'hour.yaml');
const POINTS_HOUR = 16;
const POINTS_BURST = 4;

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  elapsedMs: number;
}

/** Wall-clock milliseconds: the kill points are instants in a child process's life, not simulated time. */
function nowMs(): number {
  // eslint-disable-next-line no-restricted-properties -- timing a child process, not simulating
  return performance.now();
}

/** Starts the built CLI; exit resolves once it has ended and its stderr is read. */
function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; exit: Promise<Exit> } {
  const started = nowMs();
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = once(child, 'close').then(([code, signal]) => ({ code, signal, stderr, elapsedMs: nowMs() - started }) as Exit);
  return { child, exit };
}

/** Runs the built CLI; with killAfterMs, SIGKILLs it once that time has passed since the spawn. */
async function msksim(args: string[], options: { killAfterMs?: number; env?: Record<string, string> } = {}): Promise<Exit> {
  const { child, exit } = start(args, options.env);
  const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  const result = await exit;
  clearTimeout(timer);
  return result;
}

const hourArgs = (dir: string) => ['run', HOUR, '--out', dir, '--format', 'json,csv', '--seed', '2', '--quiet'];
const burstArgs = (dir: string) => ['run', BURST, '--out', dir, '--format', 'json', '--quiet'];

async function waitForLock(dir: string): Promise<void> {
  for (let waitedMs = 0; !existsSync(`${dir}.msksim-lock`); waitedMs += 2) {
    expect(waitedMs, `no lock beside ${dir}`).toBeLessThan(20_000);
    await new Promise((resolveWait) => setTimeout(resolveWait, 2));
  }
}

/** The set in dir as one string: each file name with the SHA-256 of its content; null when dir is absent. */
function digest(dir: string): string | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir).sort().map((n) => `${n} ${createHash('sha256').update(readFileSync(join(dir, n))).digest('hex')}`).join('\n');
}

/** msksim's temporaries and lock beside dir. */
function beside(dir: string): string[] {
  return readdirSync(dirname(dir)).filter((n) => n.startsWith(`${basename(dir)}.msksim-`)).sort();
}

const sets = { old: '', newHour: '', newBurst: '' };
/** When a run takes the lock (it then owns a staging folder) and when it ends, from its spawn. */
const timing = { hour: { lockMs: 0, endMs: 0 }, burst: { lockMs: 0, endMs: 0 } };
const OLD_DIR = join(WORK, 'old-set');

beforeAll(async () => {
  writeFileSync(HOUR, readFileSync(BURST, 'utf8').replace('duration: 7d', 'duration: 1h').replace('retention: 1d', 'retention: 1h').replace(/^latency:.*$/m, ''));
  // The old set differs from both new ones in its files (report.md) and contents (seed 1).
  const old = await msksim(['run', HOUR, '--out', OLD_DIR, '--format', 'json,md', '--seed', '1', '--quiet']);
  expect(old.code, old.stderr).toBe(0);
  sets.old = digest(OLD_DIR)!;
  for (const [name, args] of [['hour', hourArgs], ['burst', burstArgs]] as const) {
    const dir = join(WORK, `new-${name}`);
    const started = nowMs();
    const { exit } = start(args(dir));
    await waitForLock(dir);
    const lockMs = nowMs() - started;
    const { code, stderr, elapsedMs } = await exit;
    expect(code, stderr).toBe(0);
    timing[name] = { lockMs, endMs: elapsedMs };
  }
  sets.newHour = digest(join(WORK, 'new-hour'))!;
  sets.newBurst = digest(join(WORK, 'new-burst'))!;
  expect(new Set(Object.values(sets)).size).toBe(3);
});

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

type Outcome = 'absent' | 'old' | 'new' | 'absent, old beside';

/** What a kill left in dir, failing the test on a partial or mixed set. */
function inspect(dir: string, used: boolean, newSet: string): Outcome {
  const set = digest(dir);
  if (set === sets.old && used) return 'old';
  if (set === newSet) return 'new';
  expect(set, `${dir} is a partial or mixed set`).toBeNull();
  if (!used) return 'absent';
  const aside = beside(dir).filter((n) => n.includes('.msksim-old-'));
  expect(aside).toHaveLength(1);
  expect(digest(join(dirname(dir), aside[0]!)), 'the old set beside DIR is not whole').toBe(sets.old);
  return 'absent, old beside';
}

/** The next run into dir: cleans up (one line on stderr if a killed run left anything) and writes its whole set. */
async function recoverInto(dir: string, outcome: Outcome): Promise<Exit> {
  const left = beside(dir);
  const next = await msksim(hourArgs(dir));
  expect(next.code, next.stderr).toBe(0);
  if (left.length === 0) expect(next.stderr).toBe('');
  else expect(next.stderr).toMatch(new RegExp(`^msksim: --out ${dir}: an earlier msksim run into this folder was interrupted; [^\\n]+\\n$`));
  if (outcome === 'absent, old beside') expect(next.stderr).toMatch(/put back the previous reports from /);
  expect(digest(dir)).toBe(sets.newHour);
  expect(beside(dir)).toEqual([]);
  return next;
}

async function killSeries(used: boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  // Spread over the run: one kill while Node loads the CLI, the rest while the run owns DIR's
  // lock (simulating, writing, swapping); the instants at each swap step are tested below. The
  // instants are fractions of a run's length, which each recovery run (the same hour scenario)
  // measures again, so they stay spread over the run while other work shares the two cores.
  const spread = (n: number, from: number, to: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * (i + 0.5)) / n);
  const hourLock = timing.hour.lockMs / timing.hour.endMs;
  const points = [
    ...[...spread(1, 0, hourLock), ...spread(POINTS_HOUR - 1, hourLock, 1)].map((fraction) => ({ burst: false, fraction })),
    ...spread(POINTS_BURST, timing.burst.lockMs / timing.burst.endMs, 1).map((fraction) => ({ burst: true, fraction })),
  ];
  let hourMs = timing.hour.endMs;
  for (const [i, point] of points.entries()) {
    const dir = join(WORK, `${used ? 'used' : 'fresh'}-${i}`);
    if (used) cpSync(OLD_DIR, dir, { recursive: true });
    const runMs = point.burst ? (hourMs * timing.burst.endMs) / timing.hour.endMs : hourMs;
    const killed = await msksim(point.burst ? burstArgs(dir) : hourArgs(dir), { killAfterMs: point.fraction * runMs });
    const outcome = inspect(dir, used, point.burst ? sets.newBurst : sets.newHour);
    if (killed.signal === null) {
      // It finished before its kill: a whole new set and nothing beside, so nothing to recover.
      expect(outcome, killed.stderr).toBe('new');
      expect(beside(dir)).toEqual([]);
    } else {
      hourMs = (hourMs + (await recoverInto(dir, outcome)).elapsedMs) / 2;
    }
    outcomes.push(outcome);
  }
  return outcomes;
}

describe('SIGKILL at 20 instants through a run', () => {
  it('never leaves a partial or mixed set, into a fresh folder or a used one', async () => {
    const [fresh, used] = await Promise.all([killSeries(false), killSeries(true)]);
    expect(fresh).toHaveLength(POINTS_HOUR + POINTS_BURST);
    expect(used).toHaveLength(POINTS_HOUR + POINTS_BURST);
    const tally = (outcomes: Outcome[]) => [...new Set(outcomes)].map((o) => `${o} ×${outcomes.filter((x) => x === o).length}`).join(', ');
    console.info(`after a kill, DIR was (fresh folder) ${tally(fresh)}; (used folder) ${tally(used)}`);
  }, 120_000);
});

describe('SIGKILL at each step of the folder swap', () => {
  // What DIR holds right after the kill, for a used folder and a fresh one (null: a fresh
  // folder has no old set to move aside or delete, so the run never reaches the step).
  const steps = {
    locked: ['old', 'absent'],
    staged: ['old', 'absent'],
    aside: ['absent, old beside', null],
    swapped: ['new', 'new'],
    trashed: ['new', null],
    removed: ['new', 'new'],
  } as const;

  async function crashAt(step: keyof typeof steps, used: boolean): Promise<void> {
    const expected = steps[step][used ? 0 : 1];
    if (expected === null) return;
    const dir = join(WORK, `step-${step}-${used ? 'used' : 'fresh'}`);
    if (used) cpSync(OLD_DIR, dir, { recursive: true });
    const crashed = await msksim(hourArgs(dir), { env: { MSKSIM_TEST_CRASH_AT: step } });
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(inspect(dir, used, sets.newHour), `${step}, ${used ? 'used' : 'fresh'}`).toBe(expected);
    await recoverInto(dir, expected);
  }

  it('leaves the old set, the new set, or no DIR with the old set beside; the next run recovers', async () => {
    const names = Object.keys(steps) as (keyof typeof steps)[];
    await Promise.all([
      (async () => { for (const step of names) await crashAt(step, true); })(),
      (async () => { for (const step of names) await crashAt(step, false); })(),
    ]);
  }, 60_000);
});

describe('SIGINT and SIGTERM', () => {
  async function stop(signal: NodeJS.Signals, used: boolean): Promise<Exit> {
    const dir = join(WORK, `${signal}-${used ? 'used' : 'fresh'}`);
    if (used) cpSync(OLD_DIR, dir, { recursive: true });
    const { child, exit: exited } = start(burstArgs(dir));
    await waitForLock(dir); // so the signal comes while the run owns a staging folder
    child.kill(signal);
    const exit = await exited;
    expect(exit.stderr).toBe(`msksim: stopped by ${signal}; ${dir} is unchanged and the unfinished reports are deleted\n`);
    expect(digest(dir)).toBe(used ? sets.old : null);
    expect(beside(dir)).toEqual([]);
    return exit;
  }

  it('delete the staging folder and the lock, leave DIR as it was, and exit 130 / 143', async () => {
    expect((await stop('SIGINT', true)).code).toBe(130);
    expect((await stop('SIGTERM', false)).code).toBe(143);
  });
});
