// The shape every msksim command module exports, and the user-facing error that carries an exit
// code. A command returns its exit code; it throws CliError for a user mistake (exit 2) and
// anything else is treated as a bug (exit 3). Arguments are typed from the command's yargs
// builder, and checked again at the top of `run` (a test may call it with anything).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArgumentsCamelCase, Argv } from 'yargs';
import { MAX_SCENARIO_BYTES, inspectInputFile } from '../scenario/index.js';

/**
 * What a command's `run` receives: the options its builder declares, with their types, each
 * possibly absent (a test may pass fewer), and whatever else yargs adds.
 */
export type CommandArgs<A extends object> = Partial<ArgumentsCamelCase<A>> & Record<string, unknown>;

export interface Command<A extends object = object> {
  name: string;
  describe: string;
  builder: (yargs: Argv) => Argv<A>;
  run: (argv: CommandArgs<A>) => Promise<number> | number;
}

/** Declares a command; its `run` is typed from the options its `builder` declares. */
export function defineCommand<A extends object>(command: Command<A>): Command<A> {
  return command;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A string option, or undefined if absent; given twice (yargs makes an array) is an error. */
export function stringOption(argv: Record<string, unknown>, name: string): string | undefined {
  const value = argv[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw givenTwice(name);
  if (typeof value !== 'string') throw new CliError(`--${name} needs a text value, got ${String(value)}`);
  return value;
}

/** A number option, or undefined if absent; not a number (yargs makes NaN) is an error. */
export function numberOption(argv: Record<string, unknown>, name: string): number | undefined {
  const value = argv[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw givenTwice(name);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CliError(`--${name} needs a number`);
  return value;
}

export function givenTwice(name: string): CliError {
  return new CliError(`--${name} is given more than once. Fix: give it once`);
}

/**
 * The scenario argument, checked before it is read: not empty, and — when it exists — a regular
 * file within msksim's size limit, so `/dev/zero` or a 2 GB file is refused at once. A missing
 * file is left to the loader, which says so.
 */
export function checkScenarioArgument(argv: Record<string, unknown>): string {
  const path = argv['scenario'];
  if (Array.isArray(path)) throw givenTwice('scenario');
  if (typeof path !== 'string' || path.trim() === '') {
    throw new CliError('the scenario argument is empty. Fix: give the path of a scenario YAML file');
  }
  const inspection = inspectInputFile(path, MAX_SCENARIO_BYTES, 'scenario');
  if (!inspection.ok) throw new CliError(`${path}: cannot read the scenario: ${inspection.message}. Fix: ${inspection.fix}.`);
  return path;
}

/**
 * An --out file (`schema --out`): not empty, not a folder, not a device. (`run --out` names a
 * folder, which output-folder.ts checks.)
 */
export function checkOutFile(argv: Record<string, unknown>): string | undefined {
  const out = stringOption(argv, 'out');
  if (out === undefined) return undefined;
  if (out.trim() === '') throw new CliError('--out is empty. Fix: name a file, or leave --out out');
  const kind = kindOf(out);
  if (kind === 'folder') throw new CliError(`--out ${out} is a folder. Fix: name a file, e.g. ${join(out, 'msksim.schema.json')}`);
  if (kind === 'other') throw new CliError(`--out ${out} is not a regular file. Fix: name a file`);
  return out;
}

function kindOf(path: string): 'absent' | 'file' | 'folder' | 'other' {
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return 'folder';
    return stats.isFile() ? 'file' : 'other';
  } catch {
    return 'absent';
  }
}
