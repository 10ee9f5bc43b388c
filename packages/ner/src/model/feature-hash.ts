/**
 * Features are strings for training and for the model file ("w=موسكو", "ww-1=في|موسكو"), but
 * tagging never builds them: it hashes the same characters as they stream by (FNV-1a, 32 bits)
 * and looks the hash up in an open-addressing table. `hashFeature(s)` equals the streamed hash of
 * the parts that concatenate to `s`, so both sides agree.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;
const BAR = 0x7c; // "|"

function mix(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function mixRange(h: number, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export function hashFeature(s: string): number {
  return mix(FNV_OFFSET, s) | 0;
}

/**
 * `hashFeature` of the string whose UTF-8 bytes are `bytes[start, end)`, without decoding it:
 * the loader hashes feature names straight from the model file.
 */
export function hashUtf8(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  let i = start;
  const at = (k: number): number => (bytes[k] ?? 0) & 0x3f;
  while (i < end) {
    const c = bytes[i] ?? 0;
    let cp: number;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c < 0xe0) {
      cp = ((c & 0x1f) << 6) | at(i + 1);
      i += 2;
    } else if (c < 0xf0) {
      cp = ((c & 0x0f) << 12) | (at(i + 1) << 6) | at(i + 2);
      i += 3;
    } else {
      cp = ((c & 0x07) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3);
      i += 4;
    }
    if (cp > 0xffff) {
      // UTF-16 surrogate pair, as JavaScript strings hold it.
      cp -= 0x10000;
      h = Math.imul(h ^ (0xd800 + (cp >> 10)), FNV_PRIME);
      h = Math.imul(h ^ (0xdc00 + (cp & 0x3ff)), FNV_PRIME);
    } else {
      h = Math.imul(h ^ cp, FNV_PRIME);
    }
  }
  return h | 0;
}

/** Receives the features of one token after another: `begin()` then `add(...)` calls. */
export interface FeatureSink {
  begin(): void;
  /** The feature `prefix + a`, or `prefix + a + "|" + b` (+ `"|" + c`). */
  add(prefix: string, a: string, b?: string, c?: string): void;
  /** The feature `prefix + s.slice(start, end)` (no substring is built when hashing). */
  addSlice(prefix: string, s: string, start: number, end: number): void;
}

/** Collects feature strings per token (training, debugging). */
export class StringSink implements FeatureSink {
  readonly tokens: string[][] = [];
  private cur: string[] = [];

  begin(): void {
    this.cur = [];
    this.tokens.push(this.cur);
  }

  add(prefix: string, a: string, b?: string, c?: string): void {
    let s = prefix + a;
    if (b !== undefined) s += `|${b}`;
    if (c !== undefined) s += `|${c}`;
    this.cur.push(s);
  }

  addSlice(prefix: string, s: string, start: number, end: number): void {
    this.cur.push(prefix + s.slice(start, end));
  }
}

/** Collects feature hashes: token i owns `hashes[offsets[i] .. offsets[i + 1])`. */
export class HashSink implements FeatureSink {
  hashes: number[] = [];
  offsets: number[] = [];

  begin(): void {
    this.offsets.push(this.hashes.length);
  }

  add(prefix: string, a: string, b?: string, c?: string): void {
    let h = mix(mix(FNV_OFFSET, prefix), a);
    if (b !== undefined) h = mix(Math.imul(h ^ BAR, FNV_PRIME), b);
    if (c !== undefined) h = mix(Math.imul(h ^ BAR, FNV_PRIME), c);
    this.hashes.push(h | 0);
  }

  addSlice(prefix: string, s: string, start: number, end: number): void {
    this.hashes.push(mixRange(mix(FNV_OFFSET, prefix), s, start, end) | 0);
  }

  /** Closes the last token (call once after the sentence). */
  finish(): void {
    this.offsets.push(this.hashes.length);
  }
}

/**
 * Hash → row index, open addressing with linear probing. In a model's own table (`stride` 2) slot s
 * holds its key at `slots[2s]` and its row + 1 at `slots[2s + 1]` (0 = empty): key and row share a
 * cache line, so a probe costs one memory access (the lookups are most of the tagger's time). A
 * model loaded for tagging beside its document model reads one column of their joint table instead
 * (`stride` 3, see `jointView`), so the two passes keep one table between them, not three. In a
 * model loaded for tagging, "row" is the row's handle (where its weights are, see SparseRows).
 */
export interface FeatureTable {
  readonly slots: Int32Array;
  readonly mask: number;
  /** Int32s per slot: 2 (key, row + 1) or 3 (a joint table: key, row + 1 in each model). */
  readonly stride: 2 | 3;
  /** The slot's column holding this model's row + 1 (0: not in this model). */
  readonly column: 1 | 2;
}

export function buildFeatureTable(names: readonly string[]): FeatureTable {
  return buildFeatureTableFromHashes(Int32Array.from(names, hashFeature));
}

/**
 * The table from the features' hashes (row i = hashes[i]); the strings need not be kept. With
 * `values`, row i's slot holds `values[i]` instead of i (a sparse model's row handle, see SparseRows).
 */
export function buildFeatureTableFromHashes(hashes: Int32Array, values?: Int32Array): FeatureTable {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  const slots = new Int32Array(size * 2);
  const mask = size - 1;
  hashes.forEach((h, row) => {
    let slot = h & mask;
    while (slots[2 * slot + 1] !== 0) {
      if (slots[2 * slot] === h) return; // a 32-bit collision: the first feature keeps the slot
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = h;
    slots[2 * slot + 1] = (values ? (values[row] as number) : row) + 1;
  });
  return { slots, mask, stride: 2, column: 1 };
}

/** Row of a feature hash, or -1. */
export function lookupFeature(table: FeatureTable, h: number): number {
  const { slots, mask, stride, column } = table;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const at = stride * slot;
    // A key is in one slot only; an empty slot's key is 0 and its rows 0, so a match there is -1 too.
    if (slots[at] === h) return (slots[at + column] ?? 0) - 1;
    if (slots[at + 1] === 0 && (stride === 2 || slots[at + 2] === 0)) return -1;
  }
}

/**
 * Two models' tables in one (the sentence pass and the document pass share most features): slot s
 * holds key, row + 1 in the first model, row + 1 in the second (0: not in that model) at
 * `slots[3s .. 3s + 2]`, so one probe finds a feature's rows in both.
 */
export interface JointTable {
  readonly slots: Int32Array;
  readonly mask: number;
}

export function buildJointTable(a: FeatureTable, b: FeatureTable): JointTable {
  if (a.stride !== 2 || b.stride !== 2) throw new Error('buildJointTable: needs two models\' own tables');
  const union = new Set<number>();
  for (const t of [a, b]) for (let s = 0; s < t.slots.length; s += 2) if (t.slots[s + 1] !== 0) union.add(t.slots[s] ?? 0);
  let size = 16;
  while (size < union.size * 2) size *= 2; // load ≤ 0.5: a probe for an absent key ends soon
  const slots = new Int32Array(size * 3);
  const mask = size - 1;
  const put = (t: FeatureTable, column: 1 | 2): void => {
    for (let s = 0; s < t.slots.length; s += 2) {
      const row = t.slots[s + 1] ?? 0;
      if (row === 0) continue;
      const h = t.slots[s] ?? 0;
      let slot = h & mask;
      while ((slots[3 * slot + 1] !== 0 || slots[3 * slot + 2] !== 0) && slots[3 * slot] !== h) slot = (slot + 1) & mask;
      slots[3 * slot] = h;
      slots[3 * slot + column] = row;
    }
  };
  put(a, 1);
  put(b, 2);
  return { slots, mask };
}

/** One model's rows in a joint table (column 1: the first model's, 2: the second's), as its own table. */
export function jointView(joint: JointTable, column: 1 | 2): FeatureTable {
  return { slots: joint.slots, mask: joint.mask, stride: 3, column };
}
