// Checks on the raw text of a scenario or trace before any parser sees it, each cheap and linear:
// a file that is binary (a NUL byte, a control character, bytes that were not UTF-8) is refused
// at the first such character with its line and column, and so is flow nesting deep enough to
// make the YAML parser crawl (`[[[[…`, a second per 100 kB).

export interface TextPosition {
  line: number;
  column: number;
}

export interface TextProblem extends TextPosition {
  message: string;
  fix: string;
}

/** 1-based line and column of `index` in `text` (LF or CRLF line ends). */
export function positionAt(text: string, index: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

/** Characters no text file of msksim's holds: C0 controls but tab, LF and CR; DEL; U+FFFD. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

/** The first character that shows `text` is not a UTF-8 text file, as a located problem. */
export function findBinary(text: string): TextProblem | undefined {
  const match = NOT_TEXT.exec(text);
  if (match === null) return undefined;
  const at = positionAt(text, match.index);
  const code = match[0].charCodeAt(0);
  if (code === 0) {
    return { ...at, message: 'the file holds a NUL byte: it is binary (or UTF-16), not text', fix: 'give the path of a text file saved as UTF-8' };
  }
  if (code === 0xfffd) {
    return { ...at, message: 'the file is not valid UTF-8 text', fix: 'save the file as UTF-8' };
  }
  const shown = `\\x${code.toString(16).padStart(2, '0')}`;
  return { ...at, message: `the file holds the control character ${shown}, which text files do not`, fix: 'remove it (in YAML, write it as an escape inside double quotes)' };
}

/** Where flow collections (`[`, `{`) first nest deeper than `maxDepth`, counted crudely (quotes too). */
export function findDeepFlow(text: string, maxDepth: number): TextProblem | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      depth++;
      if (depth > maxDepth) {
        return { ...positionAt(text, i), message: `brackets nest deeper than msksim's limit of ${maxDepth} levels`, fix: 'close the brackets that were opened, or nest less deeply' };
      }
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
