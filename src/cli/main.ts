#!/usr/bin/env node
// msksim command-line entry point. Exit codes (DESIGN §4): 0 ok; 1 the model says no;
// 2 invalid input or usage; 3 internal error (a bug).
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../version.js';
import { CliError } from './command.js';
import { COMMANDS } from './commands/index.js';

const EXIT_INVALID_INPUT = 2;
const EXIT_INTERNAL = 3;

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  let parser = yargs(argv)
    .scriptName('msksim')
    .version(VERSION)
    .usage('$0 <command> [options]\n\nDiscrete-event capacity and cost simulator for Amazon MSK.')
    .demandCommand(1, 'Name a command; `msksim --help` lists them.')
    .strict()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`msksim: ${message}\nRun \`msksim --help\` for usage.\n`);
      exitCode = EXIT_INVALID_INPUT;
    })
    .help();
  for (const command of COMMANDS) {
    parser = parser.command(command.name, command.describe, command.builder, async (args) => {
      exitCode = await command.run(args as Record<string, unknown>);
    });
  }
  await parser.parseAsync();
  return exitCode;
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
      process.stderr.write(`msksim: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`msksim: internal error (a bug; please report it with the command that caused it):\n${detail}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
