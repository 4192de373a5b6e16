// Byte-level mutation operators, for what a structural mutation cannot produce: a file cut at a
// random byte (inside a multi-byte character too), stray bytes (NUL, invalid UTF-8, a byte-order
// mark in the middle), lines duplicated, swapped or repeated, a tab in the indentation.
import type { Rng } from './random.js';

type Operator = (bytes: Buffer, rng: Rng) => [Buffer, string];

const STRAY_BYTES: readonly number[] = [0x00, 0x07, 0x09, 0x0a, 0x0d, 0x1b, 0x22, 0x27, 0x23, 0x26, 0x2a, 0x3a, 0x5b, 0x7b, 0x7c, 0x7f, 0x80, 0xc3, 0xfe, 0xff];

const truncate: Operator = (bytes, rng) => {
  const at = rng.int(0, bytes.length);
  return [bytes.subarray(0, at), `cut at byte ${at}`];
};

const insertByte: Operator = (bytes, rng) => {
  const at = rng.int(0, bytes.length);
  const inserted = rng.chance(0.2) ? Buffer.from('\ufeff') : Buffer.from([rng.pick(STRAY_BYTES)]);
  return [Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]), `inserted ${inserted.toString('hex')} at byte ${at}`];
};

const deleteSpan: Operator = (bytes, rng) => {
  const at = rng.int(0, bytes.length);
  const length = rng.logInt(1, 200);
  return [Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]), `deleted bytes ${at}–${at + length}`];
};

/** A line copied, swapped with another, or repeated up to 1,000 times. */
const lineOp: Operator = (bytes, rng) => {
  const lines = bytes.toString('latin1').split('\n');
  const i = rng.int(0, lines.length - 1);
  const j = rng.int(0, lines.length - 1);
  const times = rng.chance(0.8) ? 1 : rng.pick([10, 1000]);
  if (rng.chance(0.5)) {
    lines.splice(j, 0, ...Array.from({ length: times }, () => lines[i]!));
    return [Buffer.from(lines.join('\n'), 'latin1'), `line ${i + 1} copied ${times}× before line ${j + 1}`];
  }
  [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  return [Buffer.from(lines.join('\n'), 'latin1'), `lines ${i + 1} and ${j + 1} swapped`];
};

const indentTab: Operator = (bytes, rng) => {
  const text = bytes.toString('latin1');
  const spaces = [...text.matchAll(/\n( +)/g)];
  if (spaces.length === 0) return [bytes, 'no indentation to replace'];
  const hit = rng.pick(spaces);
  const at = hit.index + 1;
  return [Buffer.from(`${text.slice(0, at)}\t${text.slice(at + 1)}`, 'latin1'), `a tab in the indentation at byte ${at}`];
};

const OPERATORS: readonly (readonly [Operator, number])[] = [
  [truncate, 3],
  [insertByte, 3],
  [deleteSpan, 2],
  [lineOp, 2],
  [indentTab, 1],
];

export function mutateBytes(bytes: Buffer, rng: Rng): [Buffer, string] {
  return rng.weighted(OPERATORS)(bytes, rng);
}
