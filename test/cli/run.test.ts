// `msksim run` end to end on the built CLI: every bundled scenario runs, the same scenario and
// seed give byte-identical reports, and bad input exits 2 with located errors, no stack trace
// and no report files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WORK = mkdtempSync(join(tmpdir(), 'msksim-run-'));

function msksim(...args: string[]) {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('msksim run on every bundled scenario', () => {
  const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));

  it('finds the bundled scenarios', () => {
    expect(scenarios).toEqual(expect.arrayContaining(['reference.yaml', 'payments-m5xl.yaml', 'burst-m5large.yaml']));
  });

  for (const file of scenarios) {
    it(`runs ${file} and writes JSON, Markdown and CSV`, () => {
      const out = join(WORK, file);
      const { code, stdout, stderr } = msksim('run', join('scenarios', file), '--out', out, '--format', 'json,md,csv');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/per month/);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Record<string, unknown>;
      expect(report).toMatchObject({ schemaVersion: 2, tool: { name: 'msksim' } });
      expect((report.scenario as { hash: string }).hash).toMatch(/^[0-9a-f]{64}$/);
      expect((report.assumptions as unknown[]).length).toBeGreaterThan(10);
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/Binding constraint/);
      const csv = readdirSync(out).filter((f) => f.endsWith('.csv'));
      // Brokers and cluster series per deployment, and hourly latency where it is simulated.
      const deployments = report.deployments as { name: string; latency: { hourly: unknown[] } | null }[];
      for (const d of deployments) {
        expect(csv).toEqual(expect.arrayContaining([`${d.name}-brokers.csv`, `${d.name}-cluster.csv`]));
        if ((d.latency?.hourly.length ?? 0) > 0) expect(csv).toContain(`${d.name}-latency.csv`);
      }
      expect(readdirSync(out).some((f) => f.endsWith('.tmp'))).toBe(false);
      // Golden files (STYLE habit 10d): the committed example reports are what this build
      // writes. After an intended change, `npm run reports` and review the diff.
      const golden = join(ROOT, 'reports', file.replace(/\.yaml$/, ''));
      for (const name of ['report.json', 'report.md']) {
        expect(readFileSync(join(out, name), 'utf8'), `${name} differs from reports/: run npm run reports and review`).toBe(readFileSync(join(golden, name), 'utf8'));
      }
    });
  }
});

describe('reproducibility', () => {
  it('gives a byte-identical JSON report for the same scenario and seed, and a different one for another seed', () => {
    const a = join(WORK, 'same-a');
    const b = join(WORK, 'same-b');
    const c = join(WORK, 'other-seed');
    const scenario = join('scenarios', 'burst-m5large.yaml');
    expect(msksim('run', scenario, '--out', a, '--format', 'json', '--quiet').code).toBe(0);
    expect(msksim('run', scenario, '--out', b, '--format', 'json', '--quiet').code).toBe(0);
    expect(msksim('run', scenario, '--out', c, '--format', 'json', '--quiet', '--seed', '99').code).toBe(0);
    const first = readFileSync(join(a, 'report.json'));
    expect(readFileSync(join(b, 'report.json')).equals(first)).toBe(true);
    const other = JSON.parse(readFileSync(join(c, 'report.json'), 'utf8')) as { scenario: { seed: number; hash: string } };
    const base = JSON.parse(first.toString('utf8')) as { scenario: { seed: number; hash: string } };
    expect(other.scenario.seed).toBe(99);
    expect(other.scenario.hash).not.toBe(base.scenario.hash);
  });
});

describe('bad input', () => {
  const malformed = join('test', 'fixtures', 'scenarios', 'malformed');
  const files = [
    ...readdirSync(join(ROOT, malformed)).filter((f) => f.endsWith('.yaml')).map((f) => join(malformed, f)),
    ...readdirSync(join(ROOT, 'test', 'fixtures', 'scenarios', 'catalog-checks')).map((f) => join('test', 'fixtures', 'scenarios', 'catalog-checks', f)),
  ];

  it('has at least ten distinct malformed scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`exits 2 for ${file} with located errors and writes nothing`, () => {
      const out = join(WORK, `bad-${file.replace(/[\\/]/g, '_')}`);
      const { code, stdout, stderr } = msksim('run', file, '--out', out);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/\.(yaml|csv):\d+:\d+: /);
      expect(stderr).toMatch(/Fix: /);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('rejects an unknown --format and a missing file with exit 2', () => {
    expect(msksim('run', 'scenarios/reference.yaml', '--format', 'pdf', '--out', join(WORK, 'pdf')).code).toBe(2);
    const missing = msksim('run', 'no/such/file.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/file not found/);
  });
});

describe('--fail-on-slo', () => {
  const scenario = join(WORK, 'slo.yaml');
  writeFileSync(
    scenario,
    [
      'name: slo',
      'duration: 1h',
      'workload: { topics: [{ name: t, partitions: 6, producers: [{ rate: 5MiB/s }] }] }',
      'deployments: [{ name: d, type: provisioned, brokerType: kafka.m5.large, brokers: 3, azs: 3, storage: { size: 1000GiB }, warmStart: false }]',
      'slo: { maxMonthlyCost: $100 }',
      'latency: { windows: [] }',
    ].join('\n'),
  );

  it('reports a missed SLO with exit 0, and exits 1 under --fail-on-slo, the reports written either way', () => {
    const plain = msksim('run', scenario, '--out', join(WORK, 'slo-plain'));
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/SLOs missed/);
    expect(plain.stdout).toMatch(/Recommendation: none/);
    const gated = msksim('run', scenario, '--out', join(WORK, 'slo-gated'), '--fail-on-slo');
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/--fail-on-slo: d misses an SLO/);
    expect(existsSync(join(WORK, 'slo-gated', 'report.json'))).toBe(true);
    const report = JSON.parse(readFileSync(join(WORK, 'slo-gated', 'report.json'), 'utf8')) as { comparison: { recommended: string | null; rows: { meetsSlos: boolean }[] } };
    expect(report.comparison.recommended).toBeNull();
    expect(report.comparison.rows[0]!.meetsSlos).toBe(false);
  });
});
