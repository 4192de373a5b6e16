// YAML syntax errors as scenario errors: the parser's message without its code excerpt, a fix
// for the common mistakes, and the position where the user has to look.
import type { YAMLError } from 'yaml';
import type { ScenarioError } from './errors.js';

const YAML_FIXES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'remove or rename one of the two keys',
  BAD_INDENT: 'align the keys of one mapping at the same column, indenting with spaces',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  MULTIPLE_DOCS: 'keep one scenario per file (remove the --- separator)',
  BLOCK_AS_IMPLICIT_KEY: 'put the nested mapping on its own indented lines, or quote the value',
};

export function yamlError(error: YAMLError, text: string, fileName: string): ScenarioError {
  const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  const reported = error.linePos?.[0];
  let line = reported?.line ?? 1;
  let column = reported?.col ?? 1;
  // An unclosed quote is only noticed where the file ends; point at the quote that opened it.
  if (error.code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const opening = findUnclosedQuote(text, line);
    if (opening) ({ line, column } = opening);
  }
  return {
    file: fileName,
    line,
    column,
    path: '',
    message: `YAML syntax error: ${message.replace(/\.$/, '')}`,
    fix: YAML_FIXES[error.code] ?? 'check the YAML syntax here (quote values that contain ": " or " #")',
  };
}

/** The last line at or before `beforeLine` with an odd number of quote characters. */
function findUnclosedQuote(text: string, beforeLine: number): { line: number; column: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = Math.min(beforeLine, lines.length) - 1; i >= 0; i--) {
    const content = (lines[i] ?? '').replace(/\\"/g, '');
    for (const quote of ['"', "'"]) {
      const count = content.split(quote).length - 1;
      if (count % 2 === 1) return { line: i + 1, column: content.lastIndexOf(quote) + 1 };
    }
  }
  return undefined;
}
