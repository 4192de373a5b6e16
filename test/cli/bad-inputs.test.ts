// The bad-input corpus (test/bad-inputs/*.yaml) through the built CLI: every case states its
// exit code and a fragment of its message. Each runs in a fresh folder holding only its own
// files, and for each the test asserts the exit code and the fragments, no stack trace, a
// located message for exit 2 (file:line:col, or the option or argument named), a `Fix:` for
// scenario errors, and that nothing was written (no report folder, no stray file). Cases run in
// parallel, a process per core, each killed if it takes longer than its time limit — a hang is
// a failure, never a stuck test run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { escapeControl } from '../../src/scenario/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const CORPUS = join(ROOT, 'test', 'bad-inputs');
const WORK = mkdtempSync(join(tmpdir(), 'msksim-bad-inputs-'));

/** Generated files: a text repeated ({i} numbers the copies), bytes, a sparse file of zeros, or a symbolic link. */
type Generated =
  | { repeat: string; times: number; prefix?: string; suffix?: string }
  | { base64: string }
  | { size: number }
  | { symlink: string };

interface Case {
  name: string;
  /** Command line after `msksim`; default `run scenario.yaml --out out` when `scenario` is given. */
  args?: string[];
  /** Shorthand for files: { scenario.yaml: … }. */
  scenario?: string;
  files?: Record<string, string | Generated>;
  exit: number;
  /** Fragments the message must contain. */
  stderr: string | string[];
  /** False for a usage error in a case that also has a scenario file: no `Fix:` is required. */
  fix?: boolean;
  /** Wall-clock limit; the process is killed past it (default 10 s). */
  maxSeconds?: number;
  /** Collected from the file the case is in. */
  file: string;
}

interface Outcome {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** What the case's folder holds afterwards that the case did not put there. */
  created: string[];
}

/** Lines shared by many scenario cases, written once (each is one line, so positions hold). */
const SNIPPETS: Readonly<Record<string, string>> = {
  $DEPLOYMENTS: 'deployments: [{ name: d, type: provisioned, brokerType: kafka.m5.large, brokers: 3, azs: 3, storage: { size: 1000GiB } }]',
  $WORKLOAD: 'workload: { topics: [{ name: t, partitions: 6, producers: [{ rate: 1MiB/s }] }] }',
};

function expand(text: string): string {
  return text
    .replace(/\$[A-Z]+/g, (token) => SNIPPETS[token] ?? token)
    .replaceAll('$CORPUS', CORPUS)
    .replaceAll('$ROOT', ROOT)
    .replaceAll('$NODE', process.execPath);
}

function loadCases(): Case[] {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();
  return files.flatMap((file) => (parse(readFileSync(join(CORPUS, file), 'utf8')) as Omit<Case, 'file'>[]).map((c) => ({ ...c, file })));
}

function argsOf(c: Case): string[] {
  return (c.args ?? ['run', 'scenario.yaml', '--out', 'out']).map(expand);
}

function write(path: string, value: string | Generated): void {
  mkdirSync(dirname(path), { recursive: true });
  if (typeof value === 'string') writeFileSync(path, expand(value));
  else if ('base64' in value) writeFileSync(path, Buffer.from(value.base64, 'base64'));
  else if ('size' in value) {
    writeFileSync(path, '');
    truncateSync(path, value.size);
  } else if ('symlink' in value) symlinkSync(expand(value.symlink), path);
  else writeFileSync(path, expand(`${value.prefix ?? ''}${repeat(value.repeat, value.times)}${value.suffix ?? ''}`));
}

/** `text` `times` times; a `{i}` in it counts 0, 1, 2, … (unique keys). */
function repeat(text: string, times: number): string {
  if (!text.includes('{i}')) return text.repeat(times);
  return Array.from({ length: times }, (_, i) => text.replaceAll('{i}', String(i))).join('');
}

function prepare(c: Case, dir: string): string[] {
  const files = { ...(c.scenario === undefined ? {} : { 'scenario.yaml': c.scenario }), ...c.files };
  for (const [name, value] of Object.entries(files)) write(join(dir, name), value);
  return listTree(dir);
}

function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const name = `${prefix}${e.name}`;
    return e.isDirectory() ? [name, ...listTree(join(dir, e.name), `${name}/`)] : [name];
  });
}

function runCase(c: Case, index: number): Promise<Outcome> {
  const dir = join(WORK, String(index).padStart(3, '0'));
  mkdirSync(dir);
  const before = new Set(prepare(c, dir));
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...argsOf(c)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), (c.maxSeconds ?? 10) * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        created: listTree(dir).filter((name) => !before.has(name)),
      });
    });
  });
}

/** Runs every case, `workers` at a time. */
async function runAll(cases: readonly Case[], workers: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < cases.length; i = next++) outcomes[i] = await runCase(cases[i]!, i);
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return outcomes;
}

/**
 * The message says where: a file position, an option, the command or the scenario argument,
 * or an argument of the command line as the user typed it (escaped as msksim echoes it).
 */
function isLocated(stderr: string, args: readonly string[]): boolean {
  if (/\S:\d+:\d+: /.test(stderr) || /(^|[\s"(])--[a-z][a-z-]*/.test(stderr) || /<scenario>|scenario argument|\bcommand\b/.test(stderr)) return true;
  return args.some((a) => {
    const name = escapeControl(a.replace(/^-+/, ''));
    return name.trim().length > 0 && stderr.includes(name);
  });
}

const CASES = loadCases();
let outcomes: Outcome[] = [];

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error(`missing ${MAIN}: run npm run build (the global setup does)`);
  outcomes = await runAll(CASES, Math.max(2, availableParallelism()));
}, 240_000);

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('the bad-input corpus', () => {
  it('holds at least 150 cases with unique names, in every category', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    const perFile = new Map<string, number>();
    for (const c of CASES) perFile.set(c.file, (perFile.get(c.file) ?? 0) + 1);
    expect([...perFile.keys()]).toEqual(
      expect.arrayContaining(['cli.yaml', 'yaml-syntax.yaml', 'schema.yaml', 'numbers.yaml', 'traces.yaml', 'limits.yaml', 'special-files.yaml']),
    );
  });

  it.each(CASES.map((c, i) => [`${c.file}: ${c.name}`, i] as const))('%s', (_, i) => {
    const c = CASES[i]!;
    const o = outcomes[i]!;
    const context = `msksim ${argsOf(c).join(' ')}\nexit ${o.code} (signal ${o.signal}) after ${o.seconds.toFixed(2)} s\nstderr:\n${o.stderr}`;
    expect(o.signal, `killed after ${c.maxSeconds ?? 10} s: ${context}`).toBeNull();
    expect(o.code, context).toBe(c.exit);
    for (const fragment of [c.stderr].flat()) expect(o.stderr, context).toContain(expand(fragment));
    expect(o.stderr, context).not.toMatch(/\n\s+at /);
    expect(o.created, `${context}\nthe run left files behind`).toEqual([]);
    if (c.exit !== 2) return;
    expect(o.stdout, context).toBe('');
    expect(isLocated(o.stderr, argsOf(c)), `${context}\nthe message does not say where`).toBe(true);
    const scenarioCase = c.scenario !== undefined || c.files !== undefined;
    if (scenarioCase && c.fix !== false) expect(o.stderr, context).toContain('Fix:');
  });
});
