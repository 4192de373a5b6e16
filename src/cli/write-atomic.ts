// Writes a set of report files all or nothing: each goes to a temporary name in the target
// folder as soon as it is ready (so a deployment's time series need not stay in memory until
// the last deployment is simulated), and only when every one is written are they renamed into
// place. A failure removes the temporaries, so a reader never sees a half-written report.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class StagedFiles {
  private readonly staged: { name: string; temporary: string }[] = [];
  private created = false;

  constructor(private readonly dir: string) {}

  stage(name: string, content: string | Uint8Array): void {
    if (!this.created) {
      mkdirSync(this.dir, { recursive: true });
      this.created = true;
    }
    const temporary = join(this.dir, `.${name}.${process.pid}.tmp`);
    this.staged.push({ name, temporary });
    try {
      writeFileSync(temporary, content);
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /** Renames every staged file into place; returns their paths. */
  commit(): string[] {
    return this.staged.map(({ name, temporary }) => {
      const target = join(this.dir, name);
      renameSync(temporary, target);
      return target;
    });
  }

  abort(): void {
    for (const { temporary } of this.staged) rmSync(temporary, { force: true });
    this.staged.length = 0;
  }
}

export function writeFilesAtomically(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  const staged = new StagedFiles(dir);
  for (const [name, content] of files) staged.stage(name, content);
  return staged.commit();
}
