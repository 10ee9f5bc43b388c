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

  /** Closes the last token (call once after the sentence). */
  finish(): void {
    this.offsets.push(this.hashes.length);
  }

  /**
   * A finished sink with more features per token (whole feature strings): the document pass
   * reuses the sentence pass's hashes instead of extracting the features again.
   */
  withExtra(extra: readonly (readonly string[])[]): HashSink {
    const out = new HashSink();
    const n = this.offsets.length - 1;
    for (let i = 0; i < n; i++) {
      out.begin();
      const end = this.offsets[i + 1] ?? 0;
      for (let k = this.offsets[i] ?? 0; k < end; k++) out.hashes.push(this.hashes[k] ?? 0);
      for (const feature of extra[i] ?? []) out.add(feature, '');
    }
    out.finish();
    return out;
  }
}

/** Hash → row index, open addressing with linear probing; rows are stored + 1 (0 = empty). */
export interface FeatureTable {
  readonly keys: Int32Array;
  readonly rows: Int32Array;
  readonly mask: number;
}

export function buildFeatureTable(names: readonly string[]): FeatureTable {
  return buildFeatureTableFromHashes(Int32Array.from(names, hashFeature));
}

/** The table from the features' hashes (row i = hashes[i]); the strings need not be kept. */
export function buildFeatureTableFromHashes(hashes: Int32Array): FeatureTable {
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  const keys = new Int32Array(size);
  const rows = new Int32Array(size);
  const mask = size - 1;
  hashes.forEach((h, row) => {
    let slot = h & mask;
    while (rows[slot] !== 0) {
      if (keys[slot] === h) return; // a 32-bit collision: the first feature keeps the slot
      slot = (slot + 1) & mask;
    }
    keys[slot] = h;
    rows[slot] = row + 1;
  });
  return { keys, rows, mask };
}

/** Row of a feature hash, or -1. */
export function lookupFeature(table: FeatureTable, h: number): number {
  let slot = h & table.mask;
  for (;;) {
    const r = table.rows[slot] ?? 0;
    if (r === 0) return -1;
    if (table.keys[slot] === h) return r - 1;
    slot = (slot + 1) & table.mask;
  }
}
