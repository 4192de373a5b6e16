// `msksim schema`: print (or write) the JSON Schema of the scenario format, for editors. With
// yaml-language-server, a scenario that starts with
// `# yaml-language-server: $schema=./msksim.schema.json` gets completion, hover text and unit
// checks while typing.
import { renameSync, writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../../scenario/index.js';
import { CliError, type Command } from '../command.js';

export const schemaCommand: Command = {
  name: 'schema',
  describe: 'Print the JSON Schema of scenario files (for editor completion and checks)',
  builder: (yargs) =>
    yargs
      .option('out', { type: 'string', describe: 'Write the schema to this file instead of stdout' })
      .example('$0 schema --out msksim.schema.json', 'Write the schema next to your scenarios'),
  run: (argv) => {
    const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    const out = argv['out'];
    if (typeof out !== 'string') {
      process.stdout.write(text);
      return 0;
    }
    // Written to a temporary file and renamed, so a failure never leaves half a schema.
    const temp = `${out}.tmp-${process.pid}`;
    try {
      writeFileSync(temp, text);
      renameSync(temp, out);
    } catch (error) {
      throw new CliError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 0;
  },
};
