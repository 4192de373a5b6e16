// Ctrl-C or SIGTERM in the middle of a simulation stops `msksim run` promptly: the simulation
// runs in a worker thread (src/cli/simulate-in-worker.ts), so the main thread handles the
// signal at once — deletes the staging folder and the lock, leaves the old report set as it
// was, prints one line and exits 130 / 143 — instead of after the simulation has finished.
// The scenario is the reference one over a year (about ten seconds of simulation); the signal
// comes half a second after the run has taken its lock, and the run must end well before the
// simulation could have finished.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WORK = mkdtempSync(join(tmpdir(), 'msksim-interrupt-'));
const YEAR = join(WORK, 'year.yaml');
const SMALL = join(WORK, 'small.yaml');
/** Time after the lock before the signal: the run is simulating by then (Node has loaded, the worker started). */
const SIGNAL_AFTER_LOCK_MS = 500;
/** Loose: a year of the reference scenario simulates for about 10 s; a prompt stop takes well under a second. */
const STOP_WITHIN_MS = 4_000;

/** Wall-clock milliseconds of a child process's life, not simulated time. */
function nowMs(): number {
  // eslint-disable-next-line no-restricted-properties -- timing a child process, not simulating
  return performance.now();
}

function digest(dir: string): string | null {
  if (!existsSync(dir)) return null;
  return readdirSync(dir).sort().map((n) => `${n} ${createHash('sha256').update(readFileSync(join(dir, n))).digest('hex')}`).join('\n');
}

function beside(dir: string): string[] {
  return readdirSync(dirname(dir)).filter((n) => n.startsWith(`${basename(dir)}.msksim-`)).sort();
}

async function waitFor(path: string): Promise<void> {
  for (let waitedMs = 0; !existsSync(path); waitedMs += 2) {
    expect(waitedMs, `no ${path}`).toBeLessThan(20_000);
    await new Promise((resolveWait) => setTimeout(resolveWait, 2));
  }
}

async function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stderr };
}

beforeAll(() => {
  const reference = readFileSync(join(ROOT, 'scenarios', 'reference.yaml'), 'utf8');
  expect(reference).toMatch(/^duration: 30d$/m);
  writeFileSync(YEAR, reference.replace(/^duration: 30d$/m, 'duration: 365d'));
  writeFileSync(SMALL, reference.replace(/^duration: 30d$/m, 'duration: 1d'));
});

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('a signal during the simulation', () => {
  async function interrupt(signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
    const dir = join(WORK, `out-${signal}`);
    const old = await run(['run', SMALL, '--out', dir, '--format', 'json,csv', '--quiet']);
    expect(old.code, old.stderr).toBe(0);
    const oldSet = digest(dir);
    const child = spawn(process.execPath, [MAIN, 'run', YEAR, '--out', dir, '--format', 'json,csv', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = once(child, 'close');
    await waitFor(`${dir}.msksim-lock`);
    await new Promise((resolveWait) => setTimeout(resolveWait, SIGNAL_AFTER_LOCK_MS));
    expect(beside(dir)).toContain(`${basename(dir)}.msksim-new-${child.pid}`);
    const signalledMs = nowMs();
    child.kill(signal);
    const [code] = (await closed) as [number | null];
    const stoppedMs = nowMs() - signalledMs;
    expect(stderr).toBe(`msksim: stopped by ${signal}; ${dir} is unchanged and the unfinished reports are deleted\n`);
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(stoppedMs, `stopped ${Math.round(stoppedMs)} ms after ${signal}`).toBeLessThan(STOP_WITHIN_MS);
    expect(beside(dir), 'temporaries or the lock left beside the folder').toEqual([]);
    expect(digest(dir), 'the old report set changed').toBe(oldSet);
  }

  it('SIGINT stops the run promptly, deletes its temporaries and lock, keeps the old set, exits 130', async () => {
    await interrupt('SIGINT');
  }, 60_000);

  it('SIGTERM does the same and exits 143', async () => {
    await interrupt('SIGTERM');
  }, 60_000);
});
