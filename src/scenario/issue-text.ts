// Zod issues carry one message string; scenario problems have a message and a fix. The two
// travel together in that string, separated by U+001F (the ASCII unit separator), a control
// character that real scenario text does not contain.
const SEPARATOR = '\u001f';

export function encodeIssue(message: string, fix: string): string {
  return `${message}${SEPARATOR}${fix}`;
}

export function decodeIssue(text: string): { message: string; fix: string } | undefined {
  const at = text.indexOf(SEPARATOR);
  if (at < 0) return undefined;
  return { message: text.slice(0, at), fix: text.slice(at + SEPARATOR.length) };
}
