// The scenarios of the known findings (known-findings.ts) still fail the way the entry says. When
// one of these tests fails, the defect is fixed: remove its entry, and keep its scenario as a
// regression test where the fix was made.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXED_FINDINGS, KNOWN_FINDINGS, knownFinding } from './known-findings.js';
import { runFile } from './pipeline.js';

const FINDINGS = new URL('./findings/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'msksim-findings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('fuzz findings fixed since, kept as regression scenarios', () => {
  it.each(FIXED_FINDINGS.map((id) => [id] as const))('%s runs through every check', (id) => {
    const dir = join(work, 'fixed', id);
    mkdirSync(dir, { recursive: true });
    const saved = join(FINDINGS, 'fixed', id);
    for (const name of readdirSync(saved)) copyFileSync(join(saved, name), join(dir, name));
    const outcome = runFile(join(dir, 'mutant.yaml'), { maxDurationS: null, maxWindowS: null }, false);
    expect(outcome.state, outcome.state === 'failed' ? outcome.message : '').toBe('ran');
  });
});

describe.runIf(KNOWN_FINDINGS.length > 0)('known fuzz findings, not yet fixed', () => {
  it.each(KNOWN_FINDINGS.map((f) => [f.id, f] as const))('%s', (id, finding) => {
    const saved = join(FINDINGS, id);
    expect(existsSync(join(saved, 'mutant.yaml')), `${saved}/mutant.yaml`).toBe(true);
    // A copy, so the saved files are never rewritten.
    const dir = join(work, id);
    mkdirSync(dir);
    for (const name of readdirSync(saved)) copyFileSync(join(saved, name), join(dir, name));
    const outcome = runFile(join(dir, 'mutant.yaml'), { maxDurationS: null, maxWindowS: null }, false);
    const message = outcome.state === 'ran' ? 'it ran' : outcome.message;
    expect(outcome.state === 'failed' && knownFinding(outcome.kind, outcome.message)?.id, `${finding.description}\n${message}`).toBe(id);
  });
});
