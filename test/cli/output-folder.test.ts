// msksim owns its `run --out` folder (src/cli/output-folder.ts), checked on the built CLI: a
// folder holding anything msksim did not write, a file, a path under a file, a device or an
// empty name is refused with exit 2 and a one-line message, and the user's files are left as
// they were; a rerun replaces the whole earlier set; the folder always holds exactly report.json's
// outputs, report.json and the manifest; a live lock refuses a second run, a stale one is taken
// over with a note.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WORK = mkdtempSync(join(tmpdir(), 'msksim-out-'));
const MANIFEST = '.msksim-manifest.json';
// One hour of the burst-m5large workload: a whole run in about half a second.
const SCENARIO = join(WORK, 'hour.yaml');
writeFileSync(SCENARIO, `name: hour
seed: 1
duration: 1h
region: us-east-1
workload:
  topics:
    - name: clickstream
      partitions: 36
      replicationFactor: 3
      retention: 1h
      messageSize: 512B
      producers: [ { rate: 62MiB/s } ]
deployments:
  - { name: m5large-x3, type: provisioned, brokerType: kafka.m5.large, brokers: 3, azs: 3, storage: { size: 8000GiB } }
output: { interval: 60s, formats: [json, md, csv] }
`);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function msksim(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function run(out: string, ...extra: string[]) {
  return msksim(['run', SCENARIO, '--out', out, '--quiet', ...extra]);
}

/** Every file under dir with its content, so a refusal can be shown to have touched nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = entry.isFile() ? readFileSync(path, 'utf8') : '<folder>';
  }
  return files;
}

/** msksim's temporaries and lock beside dir. */
function beside(dir: string): string[] {
  return readdirSync(dirname(dir)).filter((n) => n.startsWith(`${basename(dir)}.msksim-`));
}

function userFolder(name: string, files: Record<string, string>): string {
  const dir = join(WORK, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function expectRefused(result: ReturnType<typeof msksim>, message: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/^msksim: [^\n]*Fix: [^\n]*\n$/);
}

/** The folder is report.json's outputs, report.json and the manifest, and the manifest lists the rest. */
function expectWholeSet(dir: string): { scenario: { seed: number } } {
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { outputs: Record<string, string[]>; scenario: { seed: number } };
  const files = ['report.json', ...Object.values(report.outputs).flat()].sort();
  expect(readdirSync(dir).sort()).toEqual([MANIFEST, ...files].sort());
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { tool: string; version: string; files: string[] };
  expect(manifest).toMatchObject({ tool: 'msksim', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  expect([...manifest.files].sort()).toEqual(files);
  expect(beside(dir)).toEqual([]);
  return report;
}

describe('msksim run refuses an --out it does not own, and touches nothing', () => {
  it('refuses a folder of files msksim did not write, naming a few of them', () => {
    const files = { 'a.txt': 'mine', 'b.csv': '1,2', 'report.json': '{"tool":{"name":"other"}}', 'sub/c.txt': 'deep' };
    const dir = userFolder('foreign', files);
    expectRefused(run(dir), new RegExp(`^msksim: --out ${dir}: the folder holds files msksim did not write \\(a\\.txt, b\\.csv, report\\.json, …\\)\\. Fix: choose an empty or new folder\\.\\n$`));
    expect(snapshot(dir)).toEqual({ ...files, sub: '<folder>' });
    expect(beside(dir)).toEqual([]);
  });

  it('refuses an earlier msksim output to which a user added a file', () => {
    const dir = join(WORK, 'added');
    expect(run(dir).code).toBe(0);
    writeFileSync(join(dir, 'notes.txt'), 'my notes');
    const before = snapshot(dir);
    expectRefused(run(dir, '--seed', '2'), /the folder holds files msksim did not write \(notes\.txt\)/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses --out . in a folder of the user\'s, even one msksim could replace', () => {
    const dir = userFolder('cwd', { 'thesis.tex': 'years of work' });
    expectRefused(msksim(['run', SCENARIO, '--out', '.'], dir), /^msksim: --out \. is the current folder or holds it/);
    expect(snapshot(dir)).toEqual({ 'thesis.tex': 'years of work' });
  });

  it('refuses a file, a path under a file, /dev/null and an empty name', () => {
    const dir = userFolder('files', { 'file.txt': 'keep me' });
    const file = join(dir, 'file.txt');
    expectRefused(run(file), new RegExp(`^msksim: --out ${file} is a file, not a folder\\.`));
    expectRefused(run(join(file, 'sub', 'x')), new RegExp(`^msksim: --out ${file}/sub/x: ${file} is a file, not a folder\\.`));
    expectRefused(run('/dev/null'), /^msksim: --out \/dev\/null is a device, not a folder\./);
    expectRefused(run('/dev/null/x'), /^msksim: --out \/dev\/null\/x: \/dev\/null is a device, not a folder\./);
    expectRefused(run(''), /^msksim: --out: the folder name is empty\./);
    expect(snapshot(dir)).toEqual({ 'file.txt': 'keep me' });
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((n) => n.startsWith('null.msksim-'))).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('refuses a folder in which nothing can be created (/proc)', () => {
    expectRefused(run('/proc/msksim-out'), /^msksim: --out \/proc\/msksim-out: msksim cannot write there \(/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder the user may not write (not testable as root)', () => {
    const parent = userFolder('read-only', { 'keep.txt': 'x' });
    chmodSync(parent, 0o555);
    try {
      expectRefused(run(join(parent, 'out')), /msksim cannot write there \(EACCES/);
    } finally {
      chmodSync(parent, 0o755);
    }
  });
});

describe('msksim run replaces its own earlier output as a whole', () => {
  it('writes the set with its manifest, then replaces it with a smaller set and no leftovers', () => {
    const dir = join(WORK, 'rerun');
    expect(run(dir, '--format', 'json,md,csv').code).toBe(0);
    expect(expectWholeSet(dir).scenario.seed).toBe(1);
    expect(readdirSync(dir).filter((n) => n.endsWith('.csv'))).toHaveLength(3);

    const second = run(dir, '--format', 'json', '--seed', '2');
    expect(second).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(expectWholeSet(dir).scenario.seed).toBe(2);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'report.json']);
  });

  it('writes into an empty folder, and lists only the manifest and report.md without JSON', () => {
    const dir = join(WORK, 'empty');
    mkdirSync(dir);
    expect(run(dir, '--format', 'md').code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'report.md']);
    expect(JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'))).toMatchObject({ files: ['report.md'] });
  });

  it('replaces a set written before the manifest existed, recognised by its report.json', () => {
    const dir = join(WORK, 'legacy');
    expect(run(dir, '--format', 'json,csv').code).toBe(0);
    unlinkSync(join(dir, MANIFEST));
    expect(run(dir, '--format', 'json', '--seed', '3').code).toBe(0);
    expect(expectWholeSet(dir).scenario.seed).toBe(3);
  });
});

describe('the lock beside --out', () => {
  function writeLock(dir: string, owner: { pid: number; host: string }): string {
    const text = `${JSON.stringify({ tool: 'msksim', ...owner, startedAt: '2026-01-01T00:00:00.000Z' })}\n`;
    writeFileSync(`${dir}.msksim-lock`, text);
    return text;
  }

  it('refuses a run while another live process holds the lock, on this host or another', async () => {
    const dir = join(WORK, 'locked');
    expect(run(dir).code).toBe(0);
    const before = snapshot(dir);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const lock = writeLock(dir, { pid: holder.pid!, host: hostname() });
      expectRefused(run(dir, '--seed', '2'), new RegExp(`^msksim: --out ${dir} is in use by another msksim run \\(pid ${holder.pid} on ${hostname()}, started 2026-01-01T00:00:00\\.000Z\\)\\. Fix: .*delete ${dir}\\.msksim-lock\\.\\n$`));
      expect(readFileSync(`${dir}.msksim-lock`, 'utf8')).toBe(lock);
      writeLock(dir, { pid: 1, host: `not-${hostname()}` });
      expectRefused(run(dir, '--seed', '2'), /is in use by another msksim run \(pid 1 on not-/);
      expect(snapshot(dir)).toEqual(before);
    } finally {
      holder.kill();
      await once(holder, 'exit');
      rmSync(`${dir}.msksim-lock`);
    }
  });

  it('refuses a second concurrent run into the folder; the first completes with its whole set', async () => {
    const dir = join(WORK, 'concurrent');
    const first = spawn(process.execPath, [MAIN, 'run', join(ROOT, 'scenarios', 'burst-m5large.yaml'), '--out', dir, '--format', 'json', '--quiet'], { stdio: 'ignore' });
    const exited = once(first, 'exit');
    for (let waitedMs = 0; !existsSync(`${dir}.msksim-lock`); waitedMs += 5) {
      expect(waitedMs, 'the first run never took the lock').toBeLessThan(20_000);
      await new Promise((resolveWait) => setTimeout(resolveWait, 5));
    }
    expectRefused(run(dir, '--seed', '2'), new RegExp(`^msksim: --out ${dir} is in use by another msksim run \\(pid ${first.pid} `));
    expect(await exited).toEqual([0, null]);
    const report = expectWholeSet(dir) as unknown as { scenario: { name: string } };
    expect(report.scenario.name).toBe('burst-m5large');
  });

  it('takes over a stale lock (its process is gone) with a one-line note', () => {
    const dir = join(WORK, 'stale');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeLock(dir, { pid: gone, host: hostname() });
    const { code, stderr } = run(dir);
    expect(code).toBe(0);
    expect(stderr).toBe(`msksim: --out ${dir}: an earlier msksim run into this folder was interrupted; took over the lock of pid ${gone} (started 2026-01-01T00:00:00.000Z), which is no longer running\n`);
    expectWholeSet(dir);
  });
});
