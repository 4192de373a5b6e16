// `msksim schema --out FILE` writes one file all or nothing (src/cli/write-atomic.ts): a bad
// target (empty name, a folder, a path under a file, a missing folder) exits 2 with a one-line
// message and leaves no temporary file behind; a symbolic link is kept and its file replaced.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const WORK = mkdtempSync(join(tmpdir(), 'msksim-schema-out-'));

afterAll(() => rmSync(WORK, { recursive: true, force: true }));

function schema(out: string) {
  const r = spawnSync(process.execPath, [MAIN, 'schema', '--out', out], { cwd: WORK, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('msksim schema --out', () => {
  it('refuses an empty name, a folder, a path under a file and a missing folder, leaving nothing behind', () => {
    mkdirSync(join(WORK, 'folder'));
    writeFileSync(join(WORK, 'file.txt'), 'keep me');
    const cases: [string, RegExp][] = [
      ['', /^msksim: --out:? [^\n]*empty/],
      ['folder', /^msksim: --out folder is a folder\. Fix: name a file, e\.g\. (--out )?folder\/msksim\.schema\.json/],
      ['file.txt/s.json', /^msksim: --out file\.txt\/s\.json: cannot write it \(ENOTDIR/],
      ['missing/s.json', /^msksim: --out missing\/s\.json: cannot write it \(ENOENT/],
    ];
    for (const [out, message] of cases) {
      const { code, stdout, stderr } = schema(out);
      expect(code, out).toBe(2);
      expect(stdout).toBe('');
      expect(stderr, out).toMatch(message);
      expect(stderr).toMatch(/^msksim: [^\n]*Fix: [^\n]*\n$/);
    }
    expect(readdirSync(WORK).sort()).toEqual(['file.txt', 'folder']);
    expect(readdirSync(join(WORK, 'folder'))).toEqual([]);
    expect(readFileSync(join(WORK, 'file.txt'), 'utf8')).toBe('keep me');
  });

  it('replaces the file a symbolic link points to and keeps the link', () => {
    writeFileSync(join(WORK, 'real.json'), 'old');
    symlinkSync('real.json', join(WORK, 'link.json'));
    expect(schema('link.json').code).toBe(0);
    expect(lstatSync(join(WORK, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(WORK, 'real.json'), 'utf8'))).toHaveProperty('properties.deployments');
    expect(readdirSync(WORK).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
