// The one unit convention of msksim (STYLE habit 5), stated once: rates in MiB/s, storage in
// GiB, times in seconds, money in USD. Every module that converts between bytes, MiB and GiB,
// or between seconds and days, takes its constants from here. The month of the bill is the
// catalog's (HOURS_PER_MONTH, 730 h), never a constant of its own.

export const BYTES_PER_MIB = 1024 * 1024;
export const MIB_PER_GIB = 1024;
export const BYTES_PER_GIB = BYTES_PER_MIB * MIB_PER_GIB;
export const SECONDS_PER_MINUTE = 60;
export const SECONDS_PER_HOUR = 3600;
export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

export function mibToBytes(mib: number): number {
  return mib * BYTES_PER_MIB;
}

export function mibToGib(mib: number): number {
  return mib / MIB_PER_GIB;
}

export function gibToMib(gib: number): number {
  return gib * MIB_PER_GIB;
}
