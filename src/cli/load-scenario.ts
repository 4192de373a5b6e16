// The file-reading glue between the CLI and src/scenario: reads the scenario file and, on
// demand, its trace files (relative to the scenario file), and turns every problem into one
// CliError (exit 2) that lists them all, one `file:line:col: …` line each.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { formatErrors, loadScenario, type ResolvedScenario } from '../scenario/index.js';
import { checkScenarioAgainstCatalog } from '../run/index.js';
import { CliError } from './command.js';

export function loadScenarioFile(path: string): ResolvedScenario {
  const text = readText(path);
  if (!text.ok) throw new CliError(`${path}: cannot read the scenario: ${text.message}. Fix: check the path.`);
  const result = loadScenario(text.text, path, {
    readFile: (tracePath) => {
      const trace = readText(tracePath);
      if (!trace.ok) throw new Error(trace.message);
      return trace.text;
    },
    resolvePath: (tracePath) => (isAbsolute(tracePath) ? tracePath : join(dirname(path), tracePath)),
    check: checkScenarioAgainstCatalog,
  });
  if (result.ok) return result.scenario;
  const count = result.errors.length;
  throw new CliError(`${count} problem${count === 1 ? '' : 's'} in ${path}:\n${formatErrors(result.errors)}`);
}

function readText(path: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
