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
  it('exits 0 with a one-line summary for a valid scenario', () => {
    const { code, stdout, stderr } = msksim('validate', join(FIXTURES, 'valid-full.yaml'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^test\/fixtures\/scenarios\/valid-full\.yaml: ok — "payments-prod", 2 topics, 2 deployments, 30d horizon, seed 42, hash [0-9a-f]{12}\n$/);
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
