// Placeholder until its issue lands: the command exists so the CLI layout is fixed.
import { CliError, type Command } from '../command.js';

export const catalogCommand: Command = {
  name: 'catalog',
  describe: '(not yet available)',
  builder: (yargs) => yargs,
  run: () => {
    throw new CliError('`msksim catalog` is not available in this build yet.');
  },
};
