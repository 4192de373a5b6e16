// `msksim validate SCENARIO`: load and check a scenario without simulating it. Exit 0 with a
// one-line summary, or exit 2 with every problem located (file:line:col, path, fix).
import type { ResolvedScenario } from '../../scenario/index.js';
import { checkScenarioArgument, defineCommand } from '../command.js';
import { loadScenarioFile } from '../load-scenario.js';

export const validateCommand = defineCommand({
  name: 'validate <scenario>',
  describe: 'Check a scenario file and report every problem with its line, column and fix',
  builder: (yargs) =>
    yargs
      .positional('scenario', { type: 'string', describe: 'Scenario YAML file', demandOption: true })
      .option('json', { type: 'boolean', default: false, describe: 'Print the resolved scenario as JSON' })
      .example('$0 validate scenarios/payments.yaml', 'Check a scenario'),
  run: (argv) => {
    const file = checkScenarioArgument(argv);
    const scenario = loadScenarioFile(file);
    process.stdout.write(argv['json'] === true ? `${JSON.stringify(scenario, null, 2)}\n` : `${summary(file, scenario)}\n`);
    return 0;
  },
});

export function summary(file: string, s: ResolvedScenario): string {
  const topics = s.workload.topics.length;
  const deployments = s.deployments.length;
  return (
    `${file}: ok — "${s.name}", ${topics} topic${topics === 1 ? '' : 's'}, ${deployments} deployment${deployments === 1 ? '' : 's'}, ` +
    `${formatDuration(s.durationS)} horizon, seed ${s.seed}, hash ${s.hash.slice(0, 12)}`
  );
}

function formatDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${seconds}s`;
}
