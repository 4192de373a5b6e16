// The shape every msksim command module exports, and the user-facing error that carries an exit
// code. A command returns its exit code; it throws CliError for a user mistake (exit 2) and
// anything else is treated as a bug (exit 3).
import type { Argv } from 'yargs';

export interface Command {
  name: string;
  describe: string;
  builder: (yargs: Argv) => Argv;
  run: (argv: Record<string, unknown>) => Promise<number> | number;
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
