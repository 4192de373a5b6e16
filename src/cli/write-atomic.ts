// Writes one file all or nothing (`msksim schema --out FILE`): the content goes to a temporary
// file beside the target and is renamed over it, so a failure or a kill never leaves half a file
// under the target's name, and a failure leaves no temporary behind. The target must be a
// regular file or absent: renaming over a device (`/dev/null`, as root) would replace the device.
import { type Stats, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from './command.js';

export function writeFileAtomically(display: string, content: string): void {
  if (display.trim() === '') throw new CliError('--out: the file name is empty. Fix: name a file, e.g. --out msksim.schema.json.');
  const fail = (error: unknown): CliError =>
    new CliError(`--out ${display}: cannot write it (${error instanceof Error ? error.message : String(error)}). Fix: choose a file in a folder that exists and that you can write to.`);
  let stat: Stats | undefined;
  try {
    stat = statSync(display, { throwIfNoEntry: false });
  } catch (error) {
    throw fail(error); // e.g. ENOTDIR: a part of the path is a file
  }
  if (stat?.isDirectory() === true) throw new CliError(`--out ${display} is a folder. Fix: name a file, e.g. --out ${join(display, 'msksim.schema.json')}.`);
  if (stat !== undefined && !stat.isFile()) throw new CliError(`--out ${display} is not a regular file. Fix: name a file.`);
  // Through a symbolic link, the file it points to is replaced and the link kept.
  const target = stat === undefined ? resolve(display) : realpathSync(display);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw fail(error);
  }
}
