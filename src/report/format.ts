// Number formatting shared by the human-readable reports.
import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../units.js';


const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 B';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${bytes < 0 ? '-' : ''}${value >= 100 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${UNITS[unit]}`;
}

export function formatPct(pct: number): string {
  return `${pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)} %`;
}

export function formatQuantity(x: number): string {
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return x.toLocaleString('en-US', { maximumFractionDigits: 3 });
}

export function formatDuration(seconds: number): string {
  if (seconds % SECONDS_PER_DAY === 0) return `${seconds / SECONDS_PER_DAY} d`;
  if (seconds % SECONDS_PER_HOUR === 0) return `${seconds / SECONDS_PER_HOUR} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** A latency of 10 s or more, in the unit that keeps it readable: "12.4 s", "48.0 min", "2.10 h". */
export function formatLatencyMs(ms: number): string {
  const s = ms / 1000;
  if (s < 600) return `${s.toFixed(1)} s`;
  if (s < 2 * SECONDS_PER_HOUR) return `${(s / 60).toFixed(1)} min`;
  return `${(s / SECONDS_PER_HOUR).toFixed(2)} h`;
}

/** Escapes a table cell for Markdown. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
