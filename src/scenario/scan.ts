// The lexical part of quantities ("40MiB/s", "1h30m", "60 %") read by hand, left to right, one
// character at a time and never backwards, so accepting or rejecting a value costs time linear
// in its length whatever it holds. The regular expressions this replaced nested quantifiers
// (`^(?:(\d+…(?:[eE]\d+)?) ?[a-z]+)+$`): an "e" could be an exponent or a unit, so a string
// such as "1e1e1e…" had exponentially many ways to fail, and 30 characters took seconds.

/** A number as written and the unit text after it: "40 MiB/s" → "40", "MiB/s". */
export interface NumberUnit {
  number: string;
  unit: string;
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  return c >= 97 && c <= 122;
}

/** Characters a unit may hold: letters, "%" and "/" (MiB/s, msg/s). */
function isUnitChar(text: string, i: number): boolean {
  return isLetter(text, i) || text[i] === '%' || text[i] === '/';
}

/** One optional whitespace character between a number and its unit. */
function isBlank(text: string, i: number): boolean {
  return text[i] === ' ' || text[i] === '\t';
}

function skipDigits(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text, i)) i++;
  return i;
}

/**
 * The index just past the unsigned number at `from` — digits with an optional fraction ("1",
 * "1.5", ".5"), then, when `exponent`, an optional e or E with an optional sign and digits — or
 * `from` when there is none. An "e" not followed by digits is left to the unit ("2em").
 */
export function skipNumber(text: string, from: number, exponent = true): number {
  let i = skipDigits(text, from);
  if (text[i] === '.' && isDigit(text, i + 1)) i = skipDigits(text, i + 1);
  if (i === from) return from;
  if (exponent && (text[i] === 'e' || text[i] === 'E')) {
    let j = i + 1;
    if (text[j] === '+' || text[j] === '-') j++;
    if (isDigit(text, j)) i = skipDigits(text, j);
  }
  return i;
}

/** "40MiB/s", "40 MiB/s" → number and unit; undefined unless the whole text is that shape. */
export function splitNumberUnit(text: string): NumberUnit | undefined {
  const end = skipNumber(text, 0);
  if (end === 0) return undefined;
  const unitStart = isBlank(text, end) ? end + 1 : end;
  for (let i = unitStart; i < text.length; i++) if (!isUnitChar(text, i)) return undefined;
  return { number: text.slice(0, end), unit: text.slice(unitStart) };
}

/**
 * "1h30m" → [1 h, 30 m]: numbers each followed by an optional blank and a run of letters.
 * Undefined unless the whole text is that shape; the last unit may be empty ("1h30").
 */
export function splitDurationParts(text: string): NumberUnit[] | undefined {
  const parts: NumberUnit[] = [];
  let i = 0;
  while (i < text.length) {
    const end = skipNumber(text, i);
    if (end === i) return undefined;
    const unitStart = isBlank(text, end) ? end + 1 : end;
    let unitEnd = unitStart;
    while (unitEnd < text.length && isLetter(text, unitEnd)) unitEnd++;
    if (unitEnd === unitStart && unitEnd < text.length) return undefined;
    parts.push({ number: text.slice(i, end), unit: text.slice(unitStart, unitEnd) });
    i = unitEnd;
  }
  return parts.length > 0 ? parts : undefined;
}

/** "60%", "- 12.5 %" → the signed number; undefined unless the whole text is that shape. */
export function splitPercent(text: string): number | undefined {
  let i = 0;
  const negative = text[0] === '-';
  if (negative) i++;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const end = skipNumber(text, i, false);
  if (end === i) return undefined;
  const sign = isBlank(text, end) ? end + 1 : end;
  if (text[sign] !== '%' || sign + 1 !== text.length) return undefined;
  const n = Number(text.slice(i, end));
  return negative ? -n : n;
}
