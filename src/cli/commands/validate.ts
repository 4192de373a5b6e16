// Placeholder until its issue lands: the command exists so the CLI layout is fixed.
import { CliError, type Command } from '../command.js';

export const validateCommand: Command = {
  name: 'validate',
  describe: '(not yet available)',
  builder: (yargs) => yargs,
  run: () => {
    throw new CliError('`msksim validate` is not available in this build yet.');
  },
};
