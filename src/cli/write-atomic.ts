// Writes a set of report files all or nothing: each goes to a temporary name in the target
// folder first, and only when every one is written are they renamed into place. A failure
// removes the temporaries, so a reader never sees a half-written report.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeFilesAtomically(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  mkdirSync(dir, { recursive: true });
  const temporaries: string[] = [];
  try {
    for (const [name, content] of files) {
      const temporary = join(dir, `.${name}.${process.pid}.tmp`);
      temporaries.push(temporary);
      writeFileSync(temporary, content);
    }
  } catch (error) {
    for (const t of temporaries) rmSync(t, { force: true });
    throw error;
  }
  const written: string[] = [];
  let i = 0;
  for (const name of files.keys()) {
    const target = join(dir, name);
    renameSync(temporaries[i++]!, target);
    written.push(target);
  }
  return written;
}
