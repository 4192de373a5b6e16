// ISO-8601 instants read field by field: YYYY-MM-DD, then optionally a time hh:mm[:ss[.fff]]
// and a zone (Z, ±hh:mm or ±hhmm). Every field is range-checked against the calendar —
// Date.parse would roll 2024-02-30 over to 1 March and read hour 24 as the next day, so a
// mistyped start date would silently move the whole simulation — and the epoch is computed
// from the fields directly (days from the civil date), with no Date or time zone involved.

export interface IsoInstant {
  /** Unix epoch seconds (UTC). */
  epochS: number;
  /** A time of day was given (not a bare date). */
  hasTime: boolean;
  /** A zone was given (Z or an offset). */
  hasZone: boolean;
}

export interface IsoOptions {
  /** Characters allowed between the date and the time: "T" always; a space in CSV traces. */
  separators: string;
  /** Accept ±hhmm as well as ±hh:mm (CloudWatch exports use both). */
  compactOffset: boolean;
}

const DAY_S = 86_400;

/** The instant, or undefined if `text` is not a valid ISO-8601 date or date-time. */
export function readIsoInstant(text: string, options: IsoOptions): IsoInstant | undefined {
  const r = new Reader(text);
  const year = r.digits(4);
  const month = r.expect('-') ? r.digits(2) : undefined;
  const day = r.expect('-') ? r.digits(2) : undefined;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  let secondsOfDay = 0;
  let hasTime = false;
  if (r.more() && options.separators.includes(r.peek())) {
    r.skip();
    const time = readTime(r);
    if (time === undefined) return undefined;
    secondsOfDay = time;
    hasTime = true;
  }
  let offsetS = 0;
  let hasZone = false;
  if (r.more()) {
    const offset = readZone(r, options.compactOffset);
    if (offset === undefined) return undefined;
    offsetS = offset;
    hasZone = true;
  }
  if (r.more()) return undefined;
  return { epochS: daysFromCivil(year, month, day) * DAY_S + secondsOfDay - offsetS, hasTime, hasZone };
}

function readTime(r: Reader): number | undefined {
  const hour = r.digits(2);
  const minute = r.expect(':') ? r.digits(2) : undefined;
  if (hour === undefined || minute === undefined || hour > 23 || minute > 59) return undefined;
  let second = 0;
  if (r.expect(':')) {
    const s = r.digits(2);
    if (s === undefined || s > 59) return undefined;
    second = s;
    if (r.expect('.')) {
      const fraction = r.fraction();
      if (fraction === undefined) return undefined;
      second += fraction;
    }
  }
  return hour * 3600 + minute * 60 + second;
}

/** Z → 0; ±hh:mm (or ±hhmm when compact) → the offset east of UTC in seconds. */
function readZone(r: Reader, compact: boolean): number | undefined {
  if (r.expect('Z')) return 0;
  const sign = r.expect('+') ? 1 : r.expect('-') ? -1 : 0;
  if (sign === 0) return undefined;
  const hours = r.digits(2);
  const colon = r.expect(':');
  if (!colon && !compact) return undefined;
  const minutes = r.digits(2);
  if (hours === undefined || minutes === undefined || hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 3600 + minutes * 60);
}

class Reader {
  private i = 0;

  constructor(private readonly text: string) {}

  more(): boolean {
    return this.i < this.text.length;
  }

  peek(): string {
    return this.text[this.i] ?? '';
  }

  skip(): void {
    this.i++;
  }

  expect(c: string): boolean {
    if (this.text[this.i] !== c) return false;
    this.i++;
    return true;
  }

  /** Exactly `n` digits as a number. */
  digits(n: number): number | undefined {
    let value = 0;
    for (let k = 0; k < n; k++) {
      const c = this.text.charCodeAt(this.i + k) - 48;
      if (!(c >= 0 && c <= 9)) return undefined;
      value = value * 10 + c;
    }
    this.i += n;
    return value;
  }

  /** One or more digits after a decimal point, as a fraction of 1. */
  fraction(): number | undefined {
    const start = this.i;
    while (this.more() && this.peek() >= '0' && this.peek() <= '9') this.i++;
    return this.i === start ? undefined : Number(`0.${this.text.slice(start, this.i)}`);
  }
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
