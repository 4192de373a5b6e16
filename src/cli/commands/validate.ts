// `msksim validate SCENARIO`: load and check a scenario without simulating it. Exit 0 with a
// one-line summary and, per deployment, the work a run will need (src/run/work-estimate.ts), or
// exit 2 with every problem located (file:line:col, path, fix).
import { expressBroker, resolveAssumptions, standardBroker } from '../../catalog/index.js';
import { estimateWork, type WorkEstimate } from '../../run/index.js';
import type { ResolvedDeployment, ResolvedScenario } from '../../scenario/index.js';
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
    process.stdout.write(argv['json'] === true ? `${JSON.stringify(scenario, null, 2)}\n` : `${[summary(file, scenario), ...workLines(scenario)].join('\n')}\n`);
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

/** One line per deployment: what its run will hold and do, as admission estimated it. */
export function workLines(s: ResolvedScenario): string[] {
  const assumptions = resolveAssumptions(s.assumptionOverrides);
  return s.deployments.map((d) => `  ${d.name}: ${workText(d, estimateWork(s, d, assumptions))}`);
}

function workText(d: ResolvedDeployment, w: WorkEstimate): string {
  const count = (n: number): string => Math.round(n).toLocaleString('en-US');
  const recommended =
    d.type === 'provisioned' ? standardBroker(d.brokerType).partitionsRecommended : d.type === 'express' ? expressBroker(d.brokerType).partitionsRecommended : Infinity;
  const over = d.type !== 'serverless' && w.replicasPerBrokerMax > recommended ? ` — over the ${count(recommended)} MSK recommends for ${d.brokerType}` : '';
  const parts = [
    `${count(w.samples)} samples × ${w.series} series`,
    d.type !== 'serverless' ? `up to ${count(w.replicasPerBrokerMax)} partition replicas per broker${over}` : `${count(w.replicasPerBrokerMax)} partitions (AWS manages their replicas)`,
    `${count(w.flowClasses)} partition classes`,
    `about ${count(w.events.total)} events`,
  ];
  if (w.windows > 0) parts.push(`${w.windows} latency window${w.windows === 1 ? '' : 's'} of about ${count(w.windowRequests)} requests${w.windows === 1 ? '' : ' each'}`);
  return parts.join(', ');
}

function formatDuration(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return `${seconds}s`;
}
