// YAML syntax errors as scenario errors: the parser's message without its code excerpt, a fix
// for the common mistakes, and the position where the user has to look.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type YAMLError } from 'yaml';
import type { ScenarioError } from './errors.js';

const YAML_FIXES: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'remove or rename one of the two keys',
  BAD_INDENT: 'align the keys of one mapping at the same column, indenting with spaces',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  MULTIPLE_DOCS: 'keep one scenario per file (remove the --- separator)',
  BLOCK_AS_IMPLICIT_KEY: 'put the nested mapping on its own indented lines, or quote the value',
  RESOURCE_EXHAUSTION: 'nest the YAML less deeply',
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

/**
 * Keys repeated within one mapping, each reported where it repeats. The YAML parser's own check
 * (`uniqueKeys`) compares every key with every earlier one, which takes minutes on a mapping of
 * 100,000 keys; a set per mapping is linear.
 */
export function duplicateKeyErrors(doc: Document, lineCounter: LineCounter, fileName: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const stack: unknown[] = [doc.contents];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (isSeq(node)) for (const item of node.items) stack.push(item);
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      stack.push(pair.value);
      const key = pair.key as Node | null;
      // `<<` merges a mapping in (merge: true), and may be given more than once.
      if (!isScalar(key) || key.value === '<<') continue;
      const name = String(key.value);
      if (!seen.has(name)) {
        seen.add(name);
        continue;
      }
      const { line, col } = lineCounter.linePos(key.range?.[0] ?? 0);
      errors.push({ file: fileName, line, column: col, path: '', message: 'YAML syntax error: Map keys must be unique', fix: YAML_FIXES.DUPLICATE_KEY ?? '' });
    }
  }
  return errors;
}

/**
 * Aliases inside the node they name (`workload: &w { topics: [*w] }`, or `<<: *d` within `&d`):
 * the document would be infinitely deep, and reading it ran out of memory after a minute. Each
 * is reported where the alias stands. A walk with the open collections in a set, iterative so a
 * deeply nested file cannot overflow the stack.
 */
export function aliasCycleErrors(doc: Document, lineCounter: LineCounter, fileName: string): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const open = new Set<unknown>();
  const stack: { node: unknown; leave: boolean }[] = [{ node: doc.contents, leave: false }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node, leave } = entry;
    if (leave) {
      open.delete(node);
    } else if (isAlias(node)) {
      if (!open.has(node.resolve(doc))) continue;
      const { line, col } = lineCounter.linePos(node.range?.[0] ?? 0);
      errors.push({
        file: fileName,
        line,
        column: col,
        path: '',
        message: `the alias *${node.source} is inside the node &${node.source} it repeats, which makes the scenario infinitely deep`,
        fix: `point the alias at a node outside the one it is in, or write the values out`,
      });
    } else if (isMap(node) || isSeq(node)) {
      open.add(node);
      stack.push({ node, leave: true });
      for (const item of node.items) {
        if (isPair(item)) stack.push({ node: item.key, leave: false }, { node: item.value, leave: false });
        else stack.push({ node: item, leave: false });
      }
    }
  }
  return errors;
}
