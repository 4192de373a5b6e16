// `msksim schema`: print (or write) the JSON Schema of the scenario format, for editors. With
// yaml-language-server, a scenario that starts with
// `# yaml-language-server: $schema=./msksim.schema.json` gets completion, hover text and unit
// checks while typing.
import { scenarioJsonSchema } from '../../scenario/index.js';
import { checkOutFile, defineCommand } from '../command.js';
import { writeFileAtomically } from '../write-atomic.js';

export const schemaCommand = defineCommand({
  name: 'schema',
  describe: 'Print the JSON Schema of scenario files (for editor completion and checks)',
  builder: (yargs) =>
    yargs
      .option('out', { type: 'string', describe: 'Write the schema to this file instead of stdout' })
      .example('$0 schema --out msksim.schema.json', 'Write the schema next to your scenarios'),
  run: (argv) => {
    const out = checkOutFile(argv);
    const text = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    if (typeof out !== 'string') {
      process.stdout.write(text);
      return 0;
    }
    // All or nothing, so a failure never leaves half a schema (write-atomic.ts).
    writeFileAtomically(out, text);
    return 0;
  },
});
