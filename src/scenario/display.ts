// User text echoed back in a message — a key, a unit, a name, a file name — made safe to print:
// control characters are escaped (ESC shows as \x1b, so a name cannot recolour or rewrite the
// terminal), as are the Unicode format characters that reorder or hide text (bidi overrides,
// zero-width spaces; "Trojan Source", CVE-2021-42574), and a long value is cut short so a
// 10 kB string does not flood the screen.

/** C0 controls, DEL and C1 controls; and the invisible format characters that reorder text. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control or format character written as an escape (\x1b, \n, \u202e). */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Longest echo of a user's value; the rest is replaced by "…". */
export const SHOWN_CHARS_MAX = 60;

/** A user's text for a message: escaped, and cut to `max` characters. */
export function shown(text: string, max = SHOWN_CHARS_MAX): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return escapeControl(cut);
}

/** A user's text in double quotes, escaped and cut: `"7days"`. */
export function quoted(text: string, max = SHOWN_CHARS_MAX): string {
  return `"${shown(text, max)}"`;
}

/** Any YAML value as it may appear in a message: strings quoted, others as JSON, all cut short. */
export function shownValue(value: unknown, max = SHOWN_CHARS_MAX): string {
  if (typeof value === 'string') return quoted(value, max);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return shown(json ?? String(value), max);
}
