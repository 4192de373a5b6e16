// The one place in src/scenario that looks at the file system, and only at a file's kind and
// size (one stat): before a scenario or trace file is read whole, a device (/dev/zero, a
// terminal), a named pipe or a socket is refused — reading one would never end or would block —
// and so is a file over msksim's size limit (limits.ts). Anything the stat cannot see (a missing
// file, no permission) is left to the reader, which reports it in its own words.
import { statSync, type Stats } from 'node:fs';

export type Inspection = { ok: true } | { ok: false; message: string; fix: string };

/** Whether `path` may be read as a `what` ("scenario", "trace") file of at most `maxBytes`. */
export function inspectInputFile(path: string, maxBytes: number, what: string): Inspection {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch {
    return { ok: true };
  }
  if (stats.isDirectory()) return { ok: true };
  if (!stats.isFile()) return { ok: false, message: `it is ${kindOf(stats)}, not a regular file`, fix: `give the path of a ${what} file` };
  if (stats.size > maxBytes) {
    return {
      ok: false,
      message: `it is ${mib(stats.size)}, over msksim's limit of ${mib(maxBytes)} for a ${what} file`,
      fix: what === 'trace' ? 'resample the trace to a coarser interval' : `check that this is a ${what} file`,
    };
  }
  return { ok: true };
}

function kindOf(stats: Stats): string {
  if (stats.isCharacterDevice()) return 'a character device (such as /dev/zero)';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function mib(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}
