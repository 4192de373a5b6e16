// msksim owns its output folder (`run --out DIR`). A run writes its whole set of reports into a
// staging folder beside DIR, then swaps folders by rename: DIR → DIR.msksim-old-<pid>, staging →
// DIR, and deletes the old set. Renames within one parent are atomic (POSIX rename(2)), so after
// a kill at any instant DIR holds the whole old set or the whole new set, or is absent with the
// old set beside it; the next run into DIR puts back or deletes what a killed run left (recover).
// A lock beside DIR keeps two runs apart. The manifest inside DIR is how msksim recognises a
// folder it may replace; any other non-empty folder is refused, so `--out .` never wipes files.
import { type Stats, accessSync, constants, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { VERSION } from '../version.js';
import { CliError } from './command.js';

export const MANIFEST_NAME = '.msksim-manifest.json';
const TOOL = 'msksim';
/** Suffixes of the temporaries beside DIR, after `<DIR>.msksim-`: staging, the old set moved aside, the old set being deleted, a stale lock moved away. */
const TEMPORARY = /^(new|old|trash|stale)-\d+$/;
/** A live run writes its lock's ~100 bytes microseconds after creating it; an unreadable lock this old is from a run killed in between. */
const LOCK_UNREADABLE_STALE_MS = 5_000;
const LOCK_ATTEMPTS_MAX = 5;
const FOREIGN_NAMES_SHOWN_MAX = 3;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

interface Place {
  display: string; // as the user wrote it, for messages
  dir: string;
  parent: string;
  base: string;
}

export class OutputFolder {
  private state: 'open' | 'committed' | 'aborted' = 'open';
  private lockText: string | null = null;
  private readonly names: string[] = [];
  private readonly staging: string;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.abort();
    process.stderr.write(`msksim: stopped by ${signal}; ${this.place.display} is unchanged and the unfinished reports are deleted\n`);
    // 128 + the signal number, the shells' convention for "ended by a signal".
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  private constructor(private readonly place: Place) {
    this.staging = temporary(place, 'new');
  }

  /** Checks DIR, takes its lock, cleans up after an interrupted run and opens the staging folder. */
  static open(display: string): OutputFolder {
    const place = placeOf(display);
    checkTarget(place);
    const folder = new OutputFolder(place);
    // Listening before the lock exists means every later SIGINT or SIGTERM ends in abort().
    for (const signal of SIGNALS) process.on(signal, folder.onSignal);
    try {
      const { text, note } = acquireLock(place);
      folder.lockText = text;
      const notes = [...(note === null ? [] : [note]), ...recover(place)];
      if (notes.length > 0) process.stderr.write(`msksim: --out ${display}: an earlier msksim run into this folder was interrupted; ${notes.join('; ')}\n`);
      refuseForeign(place);
      attempt(place, 'create the staging folder', () => mkdirSync(folder.staging));
      crashPoint('locked');
    } catch (error) {
      folder.abort();
      throw error;
    }
    return folder;
  }

  /** Writes one report file into the staging folder now, so it need not stay in memory. */
  stage(name: string, content: string | Uint8Array): void {
    if (this.state !== 'open') throw new Error(`stage(${name}) after the output folder was ${this.state}`);
    if (name !== basename(name) || name === '.' || name === '..' || name === MANIFEST_NAME) throw new Error(`report file name ${JSON.stringify(name)} is not a plain file name`);
    // Deployment names are unique and path-safe (scenario schema), so a repeat is a bug here.
    if (this.names.includes(name)) throw new Error(`report file ${name} staged twice`);
    this.names.push(name);
    attempt(this.place, `write ${name}`, () => writeFileSync(join(this.staging, name), content, { flag: 'wx' }));
  }

  /** Replaces DIR with the staged set; returns the paths of the report files, as the user named DIR. */
  async commit(): Promise<string[]> {
    // The simulation holds the thread, so a SIGINT or SIGTERM that came meanwhile waits for the
    // event loop's poll phase; two setImmediate turns pass one whatever phase this runs in (one
    // is not enough when it runs in the check phase). So an interrupted run ends in abort().
    for (let turn = 0; turn < 2; turn++) await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
    if (this.state !== 'open') throw new Error(`commit() after the output folder was ${this.state}`);
    const p = this.place;
    const manifest = { tool: TOOL, version: VERSION, files: this.names, note: 'Written by msksim, which replaces this folder as a whole on its next run into it.' };
    attempt(p, 'write the manifest', () => writeFileSync(join(this.staging, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`, { flag: 'wx' }));
    crashPoint('staged');
    refuseForeign(p); // someone may have put files into DIR while the simulation ran
    const aside = exists(p.dir) ? temporary(p, 'old') : null;
    if (aside !== null) {
      attempt(p, 'move the previous reports aside', () => renameSync(p.dir, aside));
      crashPoint('aside');
    }
    try {
      attempt(p, 'move the new reports into place', () => renameSync(this.staging, p.dir));
    } catch (error) {
      if (aside !== null) renameSync(aside, p.dir);
      throw error;
    }
    this.state = 'committed';
    crashPoint('swapped');
    if (aside !== null) deleteOldSet(p, aside);
    crashPoint('removed');
    this.release();
    return this.names.map((name) => join(p.display, name));
  }

  /** Deletes the staging folder and releases the lock; DIR is left as it was. Safe to call twice. */
  abort(): void {
    if (this.state === 'open') rmSync(this.staging, { recursive: true, force: true });
    if (this.state === 'open') this.state = 'aborted';
    this.release();
  }

  private release(): void {
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
    // Only our own lock: one we failed to take belongs to the run that holds it.
    if (this.lockText !== null && readText(lockPath(this.place)) === this.lockText) rmSync(lockPath(this.place), { force: true });
    this.lockText = null;
  }
}

function deleteOldSet(p: Place, aside: string): void {
  // Renamed first, so that a folder named old-<pid> is always a whole set that recover() may put back.
  const trash = temporary(p, 'trash');
  try {
    renameSync(aside, trash);
    crashPoint('trashed');
    rmSync(trash, { recursive: true, force: true });
  } catch (error) {
    process.stderr.write(`msksim: --out ${p.display}: the new reports are in place, but the previous ones could not be deleted (${message(error)}); the next run into this folder will retry\n`);
  }
}

/** Puts back or deletes what a killed run left beside DIR; returns one note per action. Runs under the lock, so no live run owns them. */
function recover(p: Place): string[] {
  const prefix = `${p.base}.msksim-`;
  const leftovers = attempt(p, 'list the folder that holds it', () => readdirSync(p.parent)).filter((n) => n.startsWith(prefix) && TEMPORARY.test(n.slice(prefix.length))).sort();
  const notes: string[] = [];
  const old = exists(p.dir) ? undefined : leftovers.find((n) => n.startsWith(`${prefix}old-`));
  if (old !== undefined) {
    attempt(p, `put back ${old}`, () => renameSync(join(p.parent, old), p.dir));
    notes.push(`put back the previous reports from ${old}`);
  }
  const removed = leftovers.filter((n) => n !== old);
  for (const n of removed) attempt(p, `delete ${n}`, () => rmSync(join(p.parent, n), { recursive: true, force: true }));
  if (removed.length > 0) notes.push(`deleted ${removed.join(', ')}`);
  return notes;
}

function refuseForeign(p: Place): void {
  const foreign = foreignNames(p);
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, FOREIGN_NAMES_SHOWN_MAX).join(', ') + (foreign.length > FOREIGN_NAMES_SHOWN_MAX ? ', …' : '');
  throw new CliError(`--out ${p.display}: the folder holds files msksim did not write (${shown}). Fix: choose an empty or new folder.`);
}

/** Entries of DIR that are not files of an earlier msksim set (none when DIR is absent or empty). */
function foreignNames(p: Place): string[] {
  const dir = p.dir;
  if (!exists(dir)) return [];
  const entries = attempt(p, 'read the folder', () => readdirSync(dir, { withFileTypes: true }));
  const owned = entries.length === 0 ? new Set<string>() : ownedNames(dir);
  return entries.filter((e) => !(e.isFile() && owned.has(e.name))).map((e) => e.name).sort();
}

function ownedNames(dir: string): Set<string> {
  const manifest = readJson(join(dir, MANIFEST_NAME));
  if (manifest?.tool === TOOL && Array.isArray(manifest.files)) return new Set([MANIFEST_NAME, ...manifest.files.filter((f) => typeof f === 'string')]);
  // Sets written before the manifest existed (the committed reports/ examples) are recognised
  // by their report.json, which names its companion files.
  const report = readJson(join(dir, 'report.json'));
  const tool = report?.tool as Record<string, unknown> | undefined;
  const outputs = report?.outputs as Record<string, unknown> | undefined;
  if (tool?.name !== TOOL || typeof outputs !== 'object' || outputs === null) return new Set();
  return new Set(['report.json', ...Object.values(outputs).flat().filter((f) => typeof f === 'string')]);
}

function acquireLock(p: Place): { text: string; note: string | null } {
  const path = lockPath(p);
  const text = `${JSON.stringify({ tool: TOOL, pid: process.pid, host: hostname(), startedAt: new Date().toISOString() })}\n`;
  let note: string | null = null;
  for (let i = 0; i < LOCK_ATTEMPTS_MAX; i++) {
    try {
      writeFileSync(path, text, { flag: 'wx' }); // O_CREAT | O_EXCL: exactly one run creates it
      return { text, note };
    } catch (error) {
      if (errno(error) !== 'EEXIST') throw unwritable(p, error);
    }
    const held = readText(path);
    if (held === null) continue; // released meanwhile
    const stale = staleOwner(held, path);
    if (stale === null) throw inUse(p, held);
    note = `took over the lock of ${stale}`;
    takeOver(p, path, held);
  }
  throw new CliError(`--out ${p.display}: other msksim runs keep taking its lock ${lockDisplay(p)}. Fix: wait for them, or choose another folder.`);
}

/** Who held a lock whose process is gone (same host, kill(pid, 0) fails with ESRCH), or null if it may be live. */
function staleOwner(held: string, path: string): string | null {
  const owner = parseLock(held);
  if (owner === null) {
    const ageMs = Date.now() - (orNull(() => statSync(path).mtimeMs) ?? Date.now());
    return ageMs > LOCK_UNREADABLE_STALE_MS ? 'a run killed while it created the lock' : null;
  }
  if (owner.host !== hostname()) return null;
  const who = `pid ${owner.pid} (started ${owner.startedAt}), which is no longer running`;
  if (owner.pid === process.pid) return who; // a process before us had our pid (e.g. in a restarted container)
  try {
    process.kill(owner.pid, 0);
    return null;
  } catch (error) {
    return errno(error) === 'ESRCH' ? who : null;
  }
}

/** Moves the stale lock away, and puts it back if it turns out another run replaced it meanwhile. */
function takeOver(p: Place, path: string, held: string): void {
  const moved = temporary(p, 'stale');
  try {
    renameSync(path, moved);
  } catch (error) {
    if (errno(error) === 'ENOENT') return; // another run took it over first
    throw unwritable(p, error);
  }
  if (readText(moved) !== held) {
    try {
      linkSync(moved, path);
    } catch {
      // A third run holds the lock now; the run whose lock we moved finds it gone when it ends.
    }
  }
  rmSync(moved, { force: true });
}

function inUse(p: Place, held: string): CliError {
  const owner = parseLock(held);
  const who = owner === null ? 'another msksim run that is starting' : `another msksim run (pid ${owner.pid} on ${owner.host}, started ${owner.startedAt})`;
  return new CliError(`--out ${p.display} is in use by ${who}. Fix: wait for it to finish or choose another folder; if no such run exists, delete ${lockDisplay(p)}.`);
}

function parseLock(text: string): { pid: number; host: string; startedAt: string } | null {
  const { pid, host, startedAt } = orNull(() => JSON.parse(text) as Record<string, unknown>) ?? {};
  return Number.isSafeInteger(pid) && typeof host === 'string' && typeof startedAt === 'string' ? { pid: pid as number, host, startedAt } : null;
}

function placeOf(display: string): Place {
  if (display.trim() === '') throw new CliError('--out: the folder name is empty. Fix: name a new or empty folder, e.g. --out reports/my-scenario.');
  const dir = resolve(display);
  const parent = dirname(dir);
  const cwd = process.cwd();
  if (dir === parent || cwd === dir || cwd.startsWith(dir + sep)) {
    throw new CliError(`--out ${display} is the current folder or holds it, and msksim replaces its output folder as a whole. Fix: choose a new or empty folder inside it, e.g. --out reports/my-scenario.`);
  }
  return { display, dir, parent, base: basename(dir) };
}

/** Refuses a DIR that is not a folder (or absent), or that sits where msksim cannot write. */
function checkTarget(p: Place): void {
  let stat: Stats | undefined;
  try {
    stat = lstatSync(p.dir);
  } catch (error) {
    if (errno(error) === 'ENOTDIR') throw underFile(p);
    if (errno(error) !== 'ENOENT') throw unwritable(p, error);
  }
  if (stat?.isSymbolicLink() === true) {
    throw new CliError(`--out ${p.display} is a symbolic link, and msksim replaces its output folder as a whole. Fix: name the folder it points to, or a new folder.`);
  }
  if (stat !== undefined && !stat.isDirectory()) throw new CliError(`--out ${p.display} is ${kindOf(stat)}, not a folder. Fix: choose an empty or new folder.`);
  try {
    mkdirSync(p.parent, { recursive: true });
  } catch (error) {
    throw errno(error) === 'ENOTDIR' || errno(error) === 'EEXIST' ? underFile(p) : unwritable(p, error);
  }
  try {
    for (const path of stat === undefined ? [p.parent] : [p.parent, p.dir]) accessSync(path, constants.W_OK);
  } catch (error) {
    throw unwritable(p, error);
  }
}

function underFile(p: Place): CliError {
  for (let a = p.parent; a !== dirname(a); a = dirname(a)) {
    const stat = orNull(() => statSync(a));
    if (stat !== null && !stat.isDirectory()) {
      const shown = isAbsolute(p.display) ? a : relative(process.cwd(), a);
      return new CliError(`--out ${p.display}: ${shown} is ${kindOf(stat)}, not a folder. Fix: choose an empty or new folder.`);
    }
  }
  return new CliError(`--out ${p.display}: a part of the path is not a folder. Fix: choose an empty or new folder.`);
}

function unwritable(p: Place, error: unknown): CliError {
  return new CliError(`--out ${p.display}: msksim cannot write there (${message(error)}). Fix: choose a folder you can write to.`);
}

/** Runs one step on the file system; a failure becomes a user-facing error naming the step. */
function attempt<T>(p: Place, step: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof CliError || errno(error) === undefined) throw error;
    throw new CliError(`--out ${p.display}: cannot ${step} (${message(error)}). Fix: check the disk and the folder's permissions, then run again.`);
  }
}

function kindOf(stat: Stats): string {
  if (stat.isFile()) return 'a file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'a special file';
}

function temporary(p: Place, kind: 'new' | 'old' | 'trash' | 'stale'): string {
  return join(p.parent, `${p.base}.msksim-${kind}-${process.pid}`);
}

function lockPath(p: Place): string {
  return join(p.parent, `${p.base}.msksim-lock`);
}

function lockDisplay(p: Place): string {
  return `${p.display.replace(/[\\/]+$/, '')}.msksim-lock`;
}

function orNull<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

const exists = (path: string): boolean => orNull(() => lstatSync(path)) !== null;
const readText = (path: string): string | null => orNull(() => readFileSync(path, 'utf8'));

function readJson(path: string): Record<string, unknown> | null {
  const value = orNull(() => JSON.parse(readFileSync(path, 'utf8')) as unknown);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Fault injection for test/cli/kill.test.ts: die at a named step exactly as a SIGKILL would. */
function crashPoint(step: 'locked' | 'staged' | 'aside' | 'swapped' | 'trashed' | 'removed'): void {
  if (process.env.MSKSIM_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}
