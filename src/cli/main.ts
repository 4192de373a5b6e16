#!/usr/bin/env node
// msksim command-line entry point. Exit codes (DESIGN §4): 0 ok; 1 the model says no;
// 2 invalid input or usage; 3 internal error (a bug). Parsing is strict on every command: an
// unknown option, an extra argument, an option given twice or a missing argument is a usage
// error (exit 2) and nothing runs. Whatever is echoed back from the user's input is escaped.
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { escapeControl } from '../scenario/index.js';
import { VERSION } from '../version.js';
import { CliError, givenTwice, type Command } from './command.js';
import { COMMANDS } from './commands/index.js';

const EXIT_INTERNAL = 3;
const USAGE_HINT = 'Run `msksim --help` for usage.';
/** run and validate take one argument, the scenario: yargs's message says neither. */
const NOT_ENOUGH = /^Not enough non-option arguments: got 0, need at least 1$/;

async function main(argv: string[]): Promise<number> {
  rejectRepeatedOptions(argv);
  let exitCode = 0;
  let parser = yargs(argv)
    .scriptName('msksim')
    .locale('en')
    .version(VERSION)
    .usage('$0 <command> [options]\n\nDiscrete-event capacity and cost simulator for Amazon MSK.')
    .demandCommand(1, 'Name a command; `msksim --help` lists them.')
    .strict()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    // A usage error stops the parse here: the command's handler must not run after it.
    .fail((message, error) => {
      if (error) throw error;
      const text = NOT_ENOUGH.test(message) ? 'the <scenario> argument is missing. Fix: name the scenario YAML file' : message;
      throw new CliError(`${text}\n${USAGE_HINT}`);
    })
    .middleware((parsed) => checkOptionValues(argv, parsed))
    .help();
  for (const command of COMMANDS) parser = register(parser, command, (code) => (exitCode = code));
  await parser.parseAsync();
  return exitCode;
}

function register(parser: Argv, command: Command, setExitCode: (code: number) => void): Argv {
  return parser.command(command.name, command.describe, (y) => command.builder(y).strict(), async (args) => {
    setExitCode(await command.run(args));
  });
}

/** The options on a command line, as [name, value or undefined, index], up to a `--`. */
function optionTokens(argv: readonly string[]): [string, string | undefined, number][] {
  const end = argv.indexOf('--');
  const tokens = end < 0 ? argv : argv.slice(0, end);
  return tokens.flatMap((token, i): [string, string | undefined, number][] => {
    if (!token.startsWith('--') || token.length === 2) return [];
    const eq = token.indexOf('=');
    return [[eq < 0 ? token.slice(2) : token.slice(2, eq), eq < 0 ? undefined : token.slice(eq + 1), i]];
  });
}

/** `no-quiet` and `quiet`, `out-dir` and `outDir` are one option. */
function canonical(name: string): string {
  return name.replace(/^no-/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * No msksim option is a list, so one given twice (`--format json --format md`, `--quiet
 * --quiet`) is a mistake: yargs would silently make an array or keep the last.
 */
function rejectRepeatedOptions(argv: readonly string[]): void {
  const seen = new Set<string>();
  for (const [name] of optionTokens(argv)) {
    const key = canonical(name);
    if (seen.has(key)) throw givenTwice(name.replace(/^no-/, ''));
    seen.add(key);
  }
}

/**
 * What yargs lets through: an option that takes a value given none (`--seed` at the end would
 * fall back to the scenario's seed) and a switch given a word (`--quiet=maybe` reads as true).
 */
function checkOptionValues(argv: readonly string[], parsed: Record<string, unknown>): void {
  for (const [name, value, i] of optionTokens(argv)) {
    const key = canonical(name);
    if (!Object.hasOwn(parsed, key)) continue;
    const isSwitch = typeof parsed[key] === 'boolean';
    if (isSwitch && value !== undefined && value !== 'true' && value !== 'false') {
      throw new CliError(`--${name} is a switch and takes no value (got "${value}"). Fix: write --${name} alone`);
    }
    const next = argv[i + 1];
    if (!isSwitch && value === undefined && (next === undefined || next.startsWith('--'))) {
      throw new CliError(`--${name} needs a value. Fix: write --${name} VALUE`);
    }
  }
}

/** Every line to stderr with control characters escaped, so input cannot drive the terminal. */
function printError(text: string): void {
  process.stderr.write(`${text.split('\n').map(escapeControl).join('\n')}\n`);
}

// A reader that closes the pipe early (`msksim catalog --json | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      printError(`msksim: ${error.message}`);
      process.exitCode = error.exitCode;
      return;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    printError(`msksim: internal error (a bug; please report it with the command that caused it):\n${detail}`);
    process.exitCode = EXIT_INTERNAL;
  },
);
