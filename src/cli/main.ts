#!/usr/bin/env node
// msksim command-line entry point. Exit codes (DESIGN §4): 0 ok; 1 the model says no;
// 2 invalid input or usage; 3 internal error (a bug).
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../version.js';

export const EXIT_OK = 0;
export const EXIT_MODEL_SAYS_NO = 1;
export const EXIT_INVALID_INPUT = 2;
export const EXIT_INTERNAL = 3;

async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  await yargs(argv)
    .scriptName('msksim')
    .version(VERSION)
    .usage('$0 <command> [options]\n\nDiscrete-event capacity and cost simulator for Amazon MSK.')
    .demandCommand(1, 'Name a command; `msksim --help` lists them.')
    .strict()
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`msksim: ${message}\nRun \`msksim --help\` for usage.\n`);
      exitCode = EXIT_INVALID_INPUT;
    })
    .help()
    .parseAsync();
  return exitCode;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`msksim: internal error (a bug — please report it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT_INTERNAL;
  },
);
