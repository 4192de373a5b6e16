// `msksim run SCENARIO`: simulate every deployment of a scenario and write the reports.
import { basename, extname, join } from 'node:path';
import { CatalogError } from '../../catalog/index.js';
import { formatUsd } from '../../cost/index.js';
import type { DeploymentResult, ScenarioResult } from '../../run/index.js';
import { brokerSeriesCsv, clusterSeriesCsv, latencyCsv } from '../../report/csv.js';
import { reportJson } from '../../report/json.js';
import { reportMarkdown } from '../../report/markdown.js';
import { bindingSentence } from '../../report/wording.js';
import { recommendationLines } from '../../report/comparison.js';
import { compareDeployments, type Comparison } from '../../run/compare.js';
import { scenarioHash, type OutputFormat, type ResolvedScenario } from '../../scenario/index.js';
import { VERSION } from '../../version.js';
import { checkScenarioArgument, CliError, defineCommand, numberOption, stringOption } from '../command.js';
import { loadScenarioFile } from '../load-scenario.js';
import { OutputFolder } from '../output-folder.js';
import { SimulationError, startSimulationWorker, type SimulationWorker } from '../simulate-in-worker.js';

const SUPPORTED_FORMATS: readonly OutputFormat[] = ['json', 'md', 'csv'];

export const runCommand = defineCommand({
  name: 'run <scenario>',
  describe: 'Simulate a scenario and write its reports (JSON, Markdown, CSV time series)',
  builder: (yargs) =>
    yargs
      .positional('scenario', { type: 'string', describe: 'Scenario YAML file', demandOption: true })
      .option('out', { type: 'string', describe: 'Folder for the reports (default: reports/<scenario file name>)' })
      .option('format', { type: 'string', describe: 'Comma-separated formats: json, md, csv (default: the scenario\'s output.formats)' })
      .option('seed', { type: 'number', describe: 'Override the scenario seed' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .option('fail-on-slo', { type: 'boolean', default: false, describe: 'Exit 1 when a deployment misses one of the scenario\'s SLOs (or has no figure for it)' })
      .example('$0 run scenarios/reference.yaml', 'simulate and write reports/reference/')
      .example('$0 run s.yaml --out /tmp/r --format json --seed 7', 'JSON only, another seed'),
  run: async (argv) => {
    // Arguments first: a bad option is reported before the scenario is read or anything written.
    const path = checkScenarioArgument(argv);
    checkSeed(numberOption(argv, 'seed'));
    const formatOption = stringOption(argv, 'format');
    if (formatOption !== undefined) parseFormats(formatOption, []);
    const started = performance.now();
    const worker = startSimulationWorker();
    let scenario = loadScenarioFile(path);
    if (argv.seed !== undefined) scenario = withSeed(scenario, argv.seed as number);
    const formats = parseFormats(argv.format as string | undefined, scenario.output.formats);
    const dir = (argv.out as string | undefined) ?? join('reports', basename(path, extname(path)));
    // msksim owns the folder: the whole set is staged beside it and swapped in at the end, so
    // DIR never holds a mix of two runs' files (output-folder.ts).
    const folder = OutputFolder.open(dir);
    const csvNames: string[] = [];
    try {
      // Each deployment's time series go to disk as soon as it is simulated, then are dropped.
      const result = await simulate(worker, scenario, path, (d) => {
        if (formats.includes('csv')) csvNames.push(...stageCsv(folder, d, scenario.startEpochS));
        d.series = null;
      });
      stageReports(folder, result, formats, csvNames);
      const written = await folder.commit();
      const comparison = compareDeployments(result);
      if (argv.quiet !== true) printSummary(result, comparison, written, (performance.now() - started) / 1000);
      if (argv['fail-on-slo'] === true && comparison.rows.some((r) => !r.meetsSlos)) {
        const missing = comparison.rows.filter((r) => !r.meetsSlos).map((r) => r.name);
        process.stderr.write(`msksim: --fail-on-slo: ${missing.join(', ')} miss${missing.length === 1 ? 'es' : ''} an SLO (see the comparison in the report)\n`);
        return 1;
      }
    } catch (error) {
      folder.abort();
      throw error;
    }
    return 0;
  },
});

function checkSeed(seed: number | undefined): void {
  if (seed !== undefined && (!Number.isSafeInteger(seed) || seed < 0)) throw new CliError(`--seed must be a non-negative integer, got ${seed}`);
}

function withSeed(scenario: ResolvedScenario, seed: number): ResolvedScenario {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new CliError(`--seed must be a non-negative integer, got ${seed}`);
  const { hash: _old, ...rest } = { ...scenario, seed };
  return { ...rest, hash: scenarioHash(rest) };
}

function parseFormats(option: string | undefined, fallback: readonly OutputFormat[]): OutputFormat[] {
  if (option === undefined) {
    const unsupported = fallback.filter((f) => !SUPPORTED_FORMATS.includes(f));
    if (unsupported.length > 0) {
      process.stderr.write(`msksim: ${unsupported.join(', ')} reports are not available in this version; writing ${SUPPORTED_FORMATS.filter((f) => fallback.includes(f)).join(', ') || 'json'}\n`);
    }
    const formats = fallback.filter((f) => SUPPORTED_FORMATS.includes(f));
    return formats.length > 0 ? formats : ['json'];
  }
  const formats = option.split(',').map((f) => f.trim()).filter((f) => f.length > 0);
  for (const f of formats) {
    if (!SUPPORTED_FORMATS.includes(f as OutputFormat)) {
      throw new CliError(`--format: unknown format "${f}". Fix: use a comma-separated list of ${SUPPORTED_FORMATS.join(', ')}`);
    }
  }
  if (formats.length === 0) throw new CliError(`--format: name at least one of ${SUPPORTED_FORMATS.join(', ')}`);
  return formats as OutputFormat[];
}

/** The simulation runs in a worker thread, so a SIGINT or SIGTERM stops the run at once (simulate-in-worker.ts). */
async function simulate(worker: SimulationWorker, scenario: ResolvedScenario, path: string, onDeployment: (d: DeploymentResult) => void): Promise<ScenarioResult> {
  try {
    return await worker.simulate(scenario, onDeployment);
  } catch (error) {
    // Overrides the catalog rejects (an unknown assumption or price key, a value out of range).
    if (error instanceof CatalogError || (error instanceof SimulationError && error.catalog)) throw new CliError(`${path}: ${(error as Error).message}`);
    throw error;
  }
}

function stageCsv(staged: OutputFolder, d: DeploymentResult, start: number): string[] {
  const slug = d.name.replace(/[^A-Za-z0-9._-]+/g, '-');
  const names = [`${slug}-brokers.csv`, `${slug}-cluster.csv`];
  staged.stage(names[0]!, brokerSeriesCsv(d, start));
  staged.stage(names[1]!, clusterSeriesCsv(d, start));
  const latency = latencyCsv(d, start);
  if (latency !== null) {
    names.push(`${slug}-latency.csv`);
    staged.stage(names[2]!, latency);
  }
  return names;
}

function stageReports(staged: OutputFolder, result: ScenarioResult, formats: readonly OutputFormat[], csvNames: readonly string[]): void {
  if (formats.includes('md')) staged.stage('report.md', reportMarkdown(result, VERSION));
  if (formats.includes('json')) {
    const outputs: Record<string, string[]> = {};
    if (formats.includes('md')) outputs.md = ['report.md'];
    if (csvNames.length > 0) outputs.csv = [...csvNames];
    staged.stage('report.json', reportJson(result, { toolVersion: VERSION, outputs }));
  }
}

function printSummary(result: ScenarioResult, comparison: Comparison, written: readonly string[], seconds: number): void {
  const s = result.scenario;
  const lines = [`msksim ${VERSION}: ${s.name} (seed ${s.seed}), ${s.durationS / 86_400} days simulated in ${seconds.toFixed(2)} s`];
  result.deployments.forEach((d, i) => {
    const row = comparison.rows[i]!;
    const verdicts = row.slo.length === 0 ? '' : `, SLOs ${row.meetsSlos ? 'met' : 'missed'}`;
    lines.push(`  ${d.name}: ${row.shape}, ${formatUsd(d.bill.totalUsd)} per month${verdicts}`);
    lines.push(`    ${bindingSentence(d.binding, s.startEpochS)}`);
  });
  if (result.deployments.length > 1 || Object.keys(s.slo).length > 0) {
    lines.push(...recommendationLines(comparison).map((l) => l.replace(/\*\*/g, '')));
  }
  lines.push(`Reports: ${written.join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
