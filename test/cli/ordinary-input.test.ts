// Ordinary scenarios that once crashed the model (exit 3) or hung must run: a diurnal peak 2.5×
// the mean (150 MiB/s on 60) and 10× (troughs where queues are all but idle), a load far above
// what the brokers take (queues saturated to the last bit of ρ), and 2-second samples over a
// week (more than the 86 k samples a spread maximum could take).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WORK = mkdtempSync(join(tmpdir(), 'msksim-ordinary-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function scenario(name: string, extra: { duration: string; peakToMean: number; interval: string; rate?: string; brokerType?: string }): string {
  const file = join(WORK, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}
duration: ${extra.duration}
workload:
  topics:
    - name: clicks
      partitions: 36
      retention: 1d
      producers:
        - rate: ${extra.rate ?? '60MiB/s'}
          profile: [ { type: diurnal, peakToMean: ${extra.peakToMean}, peakHour: 15 } ]
      consumerGroups: [ { name: a, mode: tail } ]
deployments:
  - { name: d, type: provisioned, brokerType: ${extra.brokerType ?? 'kafka.m5.2xlarge'}, brokers: 6, azs: 3, storage: { size: 4TiB }, warmStart: false }
output: { interval: ${extra.interval} }
`,
  );
  return file;
}

function run(file: string) {
  const out = join(WORK, `${file.split('/').pop()}-out`);
  const r = spawnSync(process.execPath, [MAIN, 'run', file, '--out', out, '--format', 'json', '--quiet'], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, report: r.status === 0 ? JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) : null };
}

describe('ordinary input runs', () => {
  it('a diurnal peak of 2.5× the mean', () => {
    const r = run(scenario('diurnal-peak', { duration: '3d', peakToMean: 2.5, interval: '60s' }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The mean is kept: 60 MiB/s over three days, to the 10-minute profile step's accuracy.
    expect(r.report.deployments[0].cluster.producedBytes / (60 * 2 ** 20 * 3 * 86_400)).toBeCloseTo(1, 3);
  });

  it('a diurnal peak of 10× the mean', () => {
    const r = run(scenario('diurnal-ten', { duration: '3d', peakToMean: 10, interval: '60s' }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a load far above what the brokers take', () => {
    const r = run(scenario('overload', { duration: '2d', peakToMean: 1, interval: '60s', rate: '900MiB/s', brokerType: 'kafka.m5.large' }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report.deployments[0].bindingConstraint.bound).toBe(true);
  });

  it('2-second samples over 7 days', () => {
    const r = run(scenario('fine-grid', { duration: '7d', peakToMean: 1.5, interval: '2s' }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
