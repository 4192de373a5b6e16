// `msksim validate` end to end: the built CLI on one good and one bad file, checking exit
// codes, the located errors on stderr and that no stack trace reaches the user.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const FIXTURES = join('test', 'fixtures', 'scenarios');

function msksim(...args: string[]) {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  // test/global-setup.ts builds the CLI once for every suite.
  if (!existsSync(MAIN)) throw new Error(`missing ${MAIN}: the global setup did not build`);
});

describe('msksim validate', () => {
  it('exits 0 with a one-line summary and the estimated work of each deployment', () => {
    const { code, stdout, stderr } = msksim('validate', join(FIXTURES, 'valid-full.yaml'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^test\/fixtures\/scenarios\/valid-full\.yaml: ok — "payments-prod", 2 topics, 2 deployments, 30d horizon, seed 42, hash [0-9a-f]{12}$/);
    expect(lines.slice(1)).toEqual([
      '  m5xl-x6: 43,201 samples × 90 series, up to 36 partition replicas per broker, 36 partition classes, about 143,272 events, 1 latency window of about 314,998 requests',
      '  m7g2xl-x3: 43,201 samples × 48 series, up to 72 partition replicas per broker, 12 partition classes, about 143,182 events, 1 latency window of about 314,998 requests',
      '',
    ]);
  });

  it('says when partition replicas per broker are over what MSK recommends (a warning, not a refusal)', () => {
    // 1,200 partitions × RF 3 on 3 kafka.m5.large brokers: 1,200 each, over the recommended 1,000, under the maximum 1,500.
    const { code, stdout } = msksim('validate', join(FIXTURES, 'partitions-over-recommended.yaml'));
    expect(code).toBe(0);
    expect(stdout).toContain('up to 1,200 partition replicas per broker — over the 1,000 MSK recommends for kafka.m5.large');
  });

  it('reads trace files relative to the scenario, not the working directory', () => {
    const { code } = msksim('validate', join(ROOT, FIXTURES, 'valid-full.yaml'));
    expect(code).toBe(0);
  });

  it('exits 2 and locates every problem as file:line:col, without a stack trace', () => {
    const file = join(FIXTURES, 'malformed', 'bad-csv-row.yaml');
    const { code, stdout, stderr } = msksim('validate', file);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `msksim: 1 problem in ${file}:\n` +
        `${join(FIXTURES, 'malformed', 'traces', 'bad-row.csv')}:3:22: workload.topics[0].producers[0].trace.file: "ten" is not a number. ` +
        'Fix: write a plain number (the unit is set by trace.unit).\n',
    );
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exits 2 for a YAML syntax error with its line and column', () => {
    const file = join(FIXTURES, 'malformed', 'yaml-syntax.yaml');
    const { code, stderr } = msksim('validate', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:4:13: YAML syntax error: Missing closing "quote. Fix:`);
  });

  it('exits 2 when the file does not exist', () => {
    const { code, stderr } = msksim('validate', 'no/such/scenario.yaml');
    expect(code).toBe(2);
    expect(stderr).toBe('msksim: no/such/scenario.yaml: cannot read the scenario: file not found. Fix: check the path.\n');
  });

  it('prints the resolved scenario with --json', () => {
    const { code, stdout } = msksim('validate', '--json', join(FIXTURES, 'minimal.yaml'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'minimal', durationS: 604_800, deployments: [{ brokers: 3 }] });
  });
});
