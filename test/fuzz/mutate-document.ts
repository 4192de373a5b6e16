// Structural mutation operators on a parsed YAML document (the `yaml` package's node tree, so
// comments and layout survive): numbers replaced by edge values, units swapped, keys deleted,
// duplicated, misspelt or reserved, types changed, lists emptied, duplicated and reordered,
// values swapped between fields, control characters in names, anchors and aliases. Each
// operator draws from the mutant's own stream and says what it did, in one line, for the
// failure report. Text a YAML emitter would quote (`1e309`, `.nan`, a 400-digit number) goes in
// raw through a marker that `documentText` replaces after stringifying.
import { Document, isAlias, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Rng } from './random.js';

/** A place in the tree that holds a node: the root, a map value or a list item. */
interface Slot {
  path: string;
  node: unknown;
  set(node: unknown): void;
  /** Removes the entry (the key with its value, or the list item); absent for the root. */
  remove?: () => void;
}

/** A mutable document with the raw texts its markers stand for. */
export interface MutableDocument {
  doc: Document;
  raw: string[];
}

type Operator = (m: MutableDocument, rng: Rng) => string | null;

/** Number spellings at the edges, written raw: YAML reads some as Infinity, NaN or strings. */
const EDGE_NUMBERS: readonly string[] = [
  '0', '-1', '1e-9', '1e9', '1e308', '1e309', '-1e309', '.nan', '.NaN', 'NaN', '.inf', '-.inf', '-0', '0.5', '1.5',
  '9007199254740993', '4294967296', '2147483648', '0x1F', '0o17', '1_000', '08', '1:20', '+5', '~', 'null', 'yes', 'on',
  '2024-01-01', '1e', '.', '-', '99999999999999999999999999999999999999', '1e-400', '5e-324',
];

/** Units that do not belong, or do not exist. */
const UNITS: readonly string[] = [
  'MiB/s', 'GB/h', 'parsecs', 'MiB', 'msg/s', 'ms', 'd', 'w', 'KiB', '%', '', ' MiB/s', 'mib/s', 'Mbps', 'TiB/s', 'µs', 'B/s',
  'min', 'GiB', 'TB', 'y', 'msg', '/s', 'MiB/s/s', 'MiBs', 'Kib/s', 'h30m', 'd1h',
];

/** Keys that are not keys of the schema, or reach an object's prototype, or are odd YAML. */
const ODD_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype', 'events', 'slo', 'x', '', ' ', 'toString', 'hasOwnProperty', 'name\u0000', 'Name', '1', 'null'];

const CONTROL_CHARS: readonly string[] = ['\u0000', '\u0007', '\u001b[31m', '\u202e', '\r', '\t', '\u0085', '\u2028', '\ufeff', '\b', '\u007f', '\n'];

/** Whole strings worth trying where a name or unit string stands. */
const ODD_STRINGS: readonly string[] = [
  '', ' ', '__proto__', 'constructor', '../../etc/passwd', '/dev/zero', 'peak', 'all', 'provisioned', 'kafka.m5.large', 'tail', 'NaN',
  'Infinity', '💥', 'ümlaut', 'a'.repeat(300), 'x'.repeat(70_000), '24:00', '25:61', '-1d', '1d-1h', '2024-13-45T99:99:99Z',
];

export function documentText(m: MutableDocument): string {
  const text = m.doc.toString({ lineWidth: 0 });
  return text.replace(/(["']?)FUZZRAW(\d+)XQ\1/g, (_, _q: string, k: string) => m.raw[Number(k)] ?? '');
}

/** A plain scalar the stringified text shows as `raw`, whatever YAML would make of it. */
function rawScalar(m: MutableDocument, raw: string): Scalar {
  m.raw.push(raw);
  return new Scalar(`FUZZRAW${m.raw.length - 1}XQ`);
}

function slots(doc: Document): Slot[] {
  const out: Slot[] = [{ path: '', node: doc.contents, set: (n) => (doc.contents = n as Document['contents']) }];
  const walk = (node: unknown, path: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        const p = path === '' ? key : `${path}.${key}`;
        out.push({ path: p, node: pair.value, set: (n) => (pair.value = n), remove: () => node.items.splice(node.items.indexOf(pair), 1) });
        walk(pair.value, p);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const p = `${path}[${i}]`;
        out.push({ path: p, node: item, set: (n) => (node.items[node.items.indexOf(item)] = n), remove: () => node.items.splice(node.items.indexOf(item), 1) });
        walk(item, p);
      });
    }
  };
  walk(doc.contents, '');
  return out;
}

function pickSlot(m: MutableDocument, rng: Rng, test: (node: unknown) => boolean): Slot | null {
  const found = slots(m.doc).filter((s) => test(s.node));
  return found.length === 0 ? null : rng.pick(found);
}

const isNumberScalar = (n: unknown): boolean => isScalar(n) && typeof n.value === 'number';
const isStringScalar = (n: unknown): boolean => isScalar(n) && typeof n.value === 'string' && !String(n.value).startsWith('FUZZRAW');
const isQuantity = (n: unknown): boolean => isStringScalar(n) && /^\s*[\d.]/.test(String((n as Scalar).value));

/** Copies a node through its JS value, so a subtree can stand in two places without sharing. */
function clone(m: MutableDocument, node: unknown): unknown {
  if (isAlias(node)) return node;
  return m.doc.createNode(isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : null);
}

const edgeNumber: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, (n) => isNumberScalar(n) || (isScalar(n) && rng.chance(0.2)));
  if (slot === null) return null;
  const raw = rng.chance(0.1) ? '9'.repeat(rng.pick([30, 400, 5000])) : rng.pick(EDGE_NUMBERS);
  slot.set(rawScalar(m, raw));
  return `${slot.path} = ${raw.slice(0, 40)}`;
};

const swapUnit: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, isQuantity);
  if (slot === null) return null;
  const text = String((slot.node as Scalar).value);
  const number = /^\s*[\d.]+(?:[eE][+-]?\d+)?/.exec(text)?.[0] ?? '1';
  const next = rng.chance(0.5) ? `${number}${rng.pick(UNITS)}` : `${rng.pick(EDGE_NUMBERS)}${text.slice(number.length)}`;
  slot.set(rawScalar(m, JSON.stringify(next)));
  return `${slot.path}: ${text} → ${next}`;
};

const deleteKey: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, () => true);
  if (slot?.remove === undefined) return null;
  slot.remove();
  return `deleted ${slot.path}`;
};

const duplicateKey: Operator = (m, rng) => {
  const maps = slots(m.doc).filter((s) => isMap(s.node) && (s.node as YAMLMap).items.length > 0);
  if (maps.length === 0) return null;
  const slot = rng.pick(maps);
  const map = slot.node as YAMLMap;
  const pair = rng.pick(map.items);
  const value = rng.chance(0.5) ? clone(m, pair.value) : m.doc.createNode(rng.pick<unknown>([1, 'x', null, []]));
  map.items.splice(rng.int(0, map.items.length), 0, new Pair(clone(m, pair.key), value));
  return `duplicated key ${slot.path}.${isScalar(pair.key) ? String(pair.key.value) : '?'}`;
};

const unknownKey: Operator = (m, rng) => {
  const maps = slots(m.doc).filter((s) => isMap(s.node));
  if (maps.length === 0) return null;
  const slot = rng.pick(maps);
  const map = slot.node as YAMLMap;
  const sibling = map.items.length > 0 ? rng.pick(map.items) : null;
  const siblingKey = sibling !== null && isScalar(sibling.key) ? String(sibling.key.value) : 'name';
  const key = rng.chance(0.5) ? rng.pick(ODD_KEYS) : misspell(rng, siblingKey);
  const value = rng.chance(0.5) && sibling !== null ? clone(m, sibling.value) : m.doc.createNode(rng.pick<unknown>([1, 'x', { a: 1 }, [1]]));
  map.items.push(new Pair(m.doc.createNode(key), value));
  return `added key ${slot.path}.${JSON.stringify(key)}`;
};

const renameKey: Operator = (m, rng) => {
  const pairs = slots(m.doc).flatMap((s) => (isMap(s.node) ? s.node.items.map((p) => [s.path, p] as const) : []));
  if (pairs.length === 0) return null;
  const [path, pair] = rng.pick(pairs);
  if (!isScalar(pair.key)) return null;
  const before = String(pair.key.value);
  const after = rng.chance(0.3) ? rng.pick(ODD_KEYS) : misspell(rng, before);
  pair.key = m.doc.createNode(after);
  return `renamed ${path}.${before} → ${JSON.stringify(after)}`;
};

function misspell(rng: Rng, key: string): string {
  if (key.length === 0) return 'x';
  const i = rng.int(0, key.length - 1);
  switch (rng.int(0, 4)) {
    case 0:
      return key.slice(0, i) + key.slice(i + 1);
    case 1:
      return key.slice(0, i) + key[i]! + key.slice(i);
    case 2:
      return key.toUpperCase();
    case 3:
      return `${key}s`;
    default:
      return i + 1 < key.length ? key.slice(0, i) + key[i + 1]! + key[i]! + key.slice(i + 2) : `_${key}`;
  }
}

const changeType: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, () => true);
  if (slot === null) return null;
  const node = slot.node;
  const value: unknown = isScalar(node) || isMap(node) || isSeq(node) ? node.toJSON() : null;
  const choices: unknown[] = [null, true, '', [value], { value }, 0, 'text'];
  if (typeof value === 'number') choices.push(String(value));
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) choices.push(Number(value));
  if (isMap(node)) choices.push(Object.values(value as object), JSON.stringify(value));
  if (isSeq(node)) choices.push(Object.fromEntries((value as unknown[]).map((v, i) => [String(i), v])), (value as unknown[])[0] ?? null);
  const next = rng.pick(choices);
  slot.set(m.doc.createNode(next));
  return `${slot.path || 'root'} → ${JSON.stringify(next)?.slice(0, 60)}`;
};

const listOp: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, (n) => isSeq(n));
  if (slot === null) return null;
  const seq = slot.node as YAMLSeq;
  const n = seq.items.length;
  switch (rng.int(0, 4)) {
    case 0: {
      if (n === 0) return null;
      const copies = rng.chance(0.8) ? 1 : rng.pick([10, 100]);
      const item = rng.pick(seq.items);
      for (let k = 0; k < copies; k++) seq.items.push(clone(m, item));
      return `${slot.path}: an entry repeated ${copies}×`;
    }
    case 1:
      seq.items = [];
      return `${slot.path}: emptied`;
    case 2:
      seq.items.reverse();
      return `${slot.path}: reversed`;
    case 3: {
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [seq.items[i], seq.items[j]] = [seq.items[j], seq.items[i]];
      }
      return `${slot.path}: shuffled`;
    }
    default:
      if (n === 0) return null;
      seq.items.splice(rng.int(0, n - 1), 1);
      return `${slot.path}: an entry removed`;
  }
};

const swapValues: Operator = (m, rng) => {
  const all = slots(m.doc).filter((s) => s.path !== '');
  if (all.length < 2) return null;
  const a = rng.pick(all);
  const b = rng.pick(all);
  if (a === b || b.path.startsWith(a.path) || a.path.startsWith(b.path)) return null;
  const [na, nb] = [clone(m, a.node), clone(m, b.node)];
  a.set(nb);
  b.set(na);
  return `swapped ${a.path} and ${b.path}`;
};

const oddString: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, isStringScalar);
  if (slot === null) return null;
  const text = String((slot.node as Scalar).value);
  let next: string;
  if (rng.chance(0.5)) {
    const i = rng.int(0, text.length);
    next = text.slice(0, i) + rng.pick(CONTROL_CHARS) + text.slice(i);
  } else {
    next = rng.pick(ODD_STRINGS);
  }
  slot.set(m.doc.createNode(next));
  return `${slot.path} = ${JSON.stringify(next).slice(0, 60)}`;
};

const alias: Operator = (m, rng) => {
  const all = slots(m.doc).filter((s) => s.path !== '' && !isAlias(s.node) && (isScalar(s.node) || isMap(s.node) || isSeq(s.node)));
  if (all.length < 2) return null;
  const target = rng.pick(all);
  const node = target.node as Scalar | YAMLMap | YAMLSeq;
  const name = node.anchor ?? `a${m.raw.length}x${rng.int(0, 999)}`;
  node.anchor = name;
  if (isMap(node) && rng.chance(0.4)) {
    const maps = all.filter((s) => isMap(s.node) && s !== target);
    if (maps.length === 0) return null;
    const into = rng.pick(maps);
    (into.node as YAMLMap).items.unshift(new Pair(new Scalar('<<'), m.doc.createAlias(node, name)));
    return `merged *${name} (${target.path}) into ${into.path}`;
  }
  // The site may lie inside the target: an infinitely deep document, which the loader refuses.
  const site = rng.pick(all);
  if (site === target) return null;
  site.set(m.doc.createAlias(node, name));
  return `${site.path} = *${name} (${target.path})`;
};

const nest: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, () => true);
  if (slot === null) return null;
  const depth = rng.pick([2, 10, 70]);
  let value: unknown = isScalar(slot.node) ? slot.node.value : 1;
  for (let d = 0; d < depth; d++) value = [value];
  const node = m.doc.createNode(value) as YAMLSeq;
  if (rng.chance(0.5)) {
    // Flow style all the way down: `[[[[1]]]]`, which the loader bounds in depth.
    node.flow = true;
  }
  slot.set(node);
  return `${slot.path} nested ${depth} lists deep`;
};

/** Units by dimension: a swap within one keeps the value meaningful, only larger or smaller. */
const UNIT_FAMILIES: readonly (readonly string[])[] = [
  ['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s', 'KiB/s', 'MiB/s', 'GiB/s', 'TiB/s', 'msg/s'],
  ['B', 'KB', 'MB', 'GB', 'TB', 'KiB', 'MiB', 'GiB', 'TiB'],
  ['ms', 's', 'm', 'min', 'h', 'd', 'w'],
];

/** Values a field may take, so that a swap within a set keeps the scenario mostly valid. */
const VALUE_SETS: readonly (readonly unknown[])[] = [
  ['tail', 'lagging', 'replay'],
  ['peak', 'bucket-empty'],
  ['step', 'linear'],
  ['repeat', 'hold'],
  ['constant', 'diurnal', 'weekly', 'spikes', 'growth', 'steps'],
  ['json', 'md', 'csv', 'html'],
  [0, 1, 'all', -1, '0', '1', '-1'],
  [2, 3],
  [true, false],
  ['kafka.t3.small', 'kafka.m5.large', 'kafka.m5.xlarge', 'kafka.m5.4xlarge', 'kafka.m5.24xlarge', 'kafka.m7g.large', 'kafka.m7g.16xlarge'],
];

/** A number scaled by a factor, an integer kept an integer: in range more often than not. */
const scaleNumber: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, isNumberScalar);
  if (slot === null) return null;
  const before = (slot.node as Scalar).value as number;
  const factor = rng.pick([0, 0.001, 0.1, 0.5, 0.9, 1.1, 2, 10, 1000]);
  const after = Number.isInteger(before) ? Math.round(before * factor) : before * factor;
  slot.set(m.doc.createNode(after));
  return `${slot.path}: ${before} → ${after}`;
};

/** A quantity in another unit of its dimension, its number sometimes scaled. */
const sameDimensionUnit: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, isQuantity);
  if (slot === null) return null;
  const text = String((slot.node as Scalar).value).trim();
  const number = /^[\d.]+(?:[eE][+-]?\d+)?/.exec(text)?.[0] ?? '1';
  const unit = text.slice(number.length).trim();
  const family = UNIT_FAMILIES.find((f) => f.includes(unit));
  if (family === undefined) return null;
  const scaled = rng.chance(0.5) ? number : String(Number(number) * rng.pick([0.01, 0.5, 2, 100]));
  const next = `${scaled}${rng.pick(family)}`;
  slot.set(m.doc.createNode(next));
  return `${slot.path}: ${text} → ${next}`;
};

/** A value replaced by another of its set (a mode, an acks, a broker type, a switch). */
const otherValue: Operator = (m, rng) => {
  const slot = pickSlot(m, rng, (n) => isScalar(n) && VALUE_SETS.some((set) => set.includes(n.value)));
  if (slot === null) return null;
  const before = (slot.node as Scalar).value;
  const next = rng.pick(VALUE_SETS.find((set) => set.includes(before))!.filter((v) => v !== before));
  slot.set(m.doc.createNode(next));
  return `${slot.path}: ${JSON.stringify(before)} → ${JSON.stringify(next)}`;
};

const OPERATORS: readonly (readonly [Operator, number])[] = [
  [scaleNumber, 8],
  [sameDimensionUnit, 8],
  [otherValue, 8],
  [edgeNumber, 5],
  [swapUnit, 4],
  [deleteKey, 3],
  [duplicateKey, 2],
  [unknownKey, 2],
  [renameKey, 2],
  [changeType, 3],
  [listOp, 3],
  [swapValues, 2],
  [oddString, 2],
  [alias, 1],
  [nest, 1],
];

/**
 * Applies one operator, retrying with another draw while the drawn one does not apply or leaves
 * a document the emitter cannot write (an alias before its anchor): the document is restored
 * from a copy first.
 */
export function mutateDocument(m: MutableDocument, rng: Rng): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = m.doc.clone();
    const raw = m.raw.length;
    const done = rng.weighted(OPERATORS)(m, rng);
    if (done !== null && writable(m)) return done;
    m.doc = before;
    m.raw.length = raw;
  }
  return 'no operator applied';
}

function writable(m: MutableDocument): boolean {
  try {
    documentText(m);
    return true;
  } catch {
    return false;
  }
}
