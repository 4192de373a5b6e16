// A catalog value with the place it came from. Every fact msksim uses to size or price a
// cluster carries one, so a report can say where each number comes from (DESIGN §1: "data with
// a source on every value").
export interface Sourced<T> {
  readonly value: T;
  /** The page or document and its date, e.g. "AWS MSK Developer Guide bestpractices.html (crawl copy)". */
  readonly source: string;
  /** Where sources disagree: the values seen, the one chosen and why. */
  readonly note?: string;
}

export function sourced<T>(value: T, source: string, note?: string): Sourced<T> {
  return note === undefined ? { value, source } : { value, source, note };
}
