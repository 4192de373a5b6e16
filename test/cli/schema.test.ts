// `msksim schema` prints the JSON Schema that editors load; run through tsx so this test does
// not depend on (or race with) the build that validate.test.ts performs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function msksim(...args: string[]) {
  const run = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('msksim schema', () => {
  it('prints a JSON Schema with the scenario keys on stdout', () => {
    const { code, stdout, stderr } = msksim('schema');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(schema.properties).toHaveProperty('deployments');
    expect(schema.properties).toHaveProperty('workload');
    expect(schema.additionalProperties).toBe(false);
  });

  it('writes the same schema to --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msksim-schema-'));
    try {
      const out = join(dir, 'msksim.schema.json');
      expect(msksim('schema', '--out', out).code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(msksim('schema').stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the committed msksim.schema.json', () => {
  it('is what `msksim schema` prints today (regenerate with `npm run schema`)', () => {
    const committed = readFileSync(join(ROOT, 'msksim.schema.json'), 'utf8');
    const { stdout } = msksim('schema');
    expect(committed).toBe(stdout);
  });
});
