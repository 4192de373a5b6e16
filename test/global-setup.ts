// Builds the CLI once before the suites that spawn it (test/cli), so they test the code in
// this tree rather than a stale dist/. tsc emits even when a module has a type error; the type
// check is `npm run typecheck`'s job, so only a missing entry point stops the run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  const main = join(root, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(main)) throw new Error(`npm run build did not produce ${main}:\n${build.stdout}${build.stderr}`);
}
