// Simulated instants in words for reports: "14:00 on day 3" (UTC, day 1 = the first day).
import { SECONDS_PER_DAY } from '../units.js';

export function timeInWords(timeS: number, startEpochS: number): string {
  const epoch = startEpochS + timeS;
  const day = Math.floor(timeS / SECONDS_PER_DAY) + 1;
  const date = new Date(Math.round(epoch) * 1000);
  const hh = String(date.getUTCHours()).padStart(2, '0');
  const mm = String(date.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} on day ${day}`;
}

export function isoTime(timeS: number, startEpochS: number): string {
  return new Date(Math.round((startEpochS + timeS) * 1000)).toISOString().replace('.000Z', 'Z');
}
