import { hash } from 'node:crypto';

/**
 * Redis key layout, packed for memory (≈ 200 B per document, see README). Every key starts with
 * the caller's prefix, which should carry a hash tag (e.g. "{khabar}") so the whole index lives
 * in one Redis Cluster slot.
 *
 *   <p>:dedup:s:<seq/block>    string  fixed-size records, one per document with a new text (originals
 *                                      and near copies): 16 id bytes, signature, source, cluster, matches
 *   <p>:dedup:q                string  counter numbering records ("seq")
 *   <p>:dedup:h<L>:<key bits>  hash    6 more content-hash bytes -> seq of the first record with that text
 *   <p>:dedup:l<L>:<band>:<key bits>   15 more bits of the band's bucket id -> first record's seq
 *                                      (L = level, see LEVELS; 8, 10, 12 or 16 key bits)
 *   <p>:dedup:d:<0-255>        hash    8 id bytes -> "d<cluster seq>", only for exact copies and
 *                                      other URLs of a canonical page (records answer replays)
 *   <p>:dedup:c:<seq/256>      hash    seq%256 -> 3 bytes size + 2 bytes per source (≤ 30), only for
 *                                      clusters with copies
 *   <p>:dedup:x                hash    seq -> id, only for ids that are not 32 hex digits
 *   <p>:dedup:src / srcn       hash    site name <-> 2-byte source number
 *
 * Hashes are Redis listpacks (a few bytes per entry, no per-entry pointers) as long as each holds
 * at most `hash-max-listpack-entries` entries: levels keep that under ~300 entries per key, so Redis
 * should run with hash-max-listpack-entries 512 or more (the default 128 turns the fuller hashes
 * into hashtables: same answers, more memory). Bucket fields are 15-bit
 * integers (4 listpack bytes): 2^23 buckets per band, so at a million records ~12% of a band's
 * buckets are already taken by another text, which costs that band, not the answer.
 */
export interface DedupKeys {
  readonly base: string;
  readonly seq: string;
  /** Doc key and field (8 id bytes, or the whole id when it is not 32 hex digits). */
  doc(id: string): readonly [key: string, field: Buffer | string];
  /** 16 id bytes for 32-hex ids, empty otherwise. */
  idBytes(id: string): Buffer;
  /** Content-hash key and field at one level (see LEVELS). */
  contentHash(contentHash: string, level: number): readonly [key: string, field: Buffer];
  /** Bucket hash key and field for one band's 8-hex bucket id at one level. */
  bucket(band: number, bucketId: string, level: number): readonly [key: string, field: string];
}

/**
 * Listpack hashes are scanned linearly, so entries per key must stay in the hundreds for lookups
 * to cost the same at 10k and at 1M documents, while few keys keep small indexes small. Records
 * are therefore written at a level chosen by their seq: level 0 (256 keys per structure) holds the
 * first 65,536 records, level 1 (1,024 keys) the next 262,144, level 2 (4,096 keys) the next
 * 1,048,576, level 3 (65,536 keys) the rest up to 2^24 (≈ 256 entries per key until then).
 * Lookups read every level (a missing key costs next to nothing).
 */
export const LEVELS: readonly { readonly upTo: number; readonly keyBits: number }[] = [
  { upTo: 65_536, keyBits: 8 },
  { upTo: 327_680, keyBits: 10 },
  { upTo: 1_376_256, keyBits: 12 },
  { upTo: 2 ** 24, keyBits: 16 },
];

const HEX_ID = /^[0-9a-f]{32}$/;

export function dedupKeys(prefix: string): DedupKeys {
  const base = `${prefix}:dedup:`;
  return {
    base,
    seq: `${base}q`,
    doc: (id) => {
      if (HEX_ID.test(id)) return [`${base}d:${Number.parseInt(id.slice(0, 2), 16)}`, Buffer.from(id.slice(2, 18), 'hex')];
      const h = hash('md5', id, 'hex');
      return [`${base}d:${Number.parseInt(h.slice(0, 2), 16)}`, `x:${id}`];
    },
    idBytes: (id) => (HEX_ID.test(id) ? Buffer.from(id, 'hex') : Buffer.alloc(0)),
    contentHash: (h, level) => {
      const bits = LEVELS[level]?.keyBits ?? 8;
      return [`${base}h${level}:${Number.parseInt(h.slice(0, 4), 16) >>> (16 - bits)}`, Buffer.from(h.slice(4, 16), 'hex')];
    },
    bucket: (band, bucketId, level) => {
      const bits = LEVELS[level]?.keyBits ?? 8;
      const value = Number.parseInt(bucketId, 16);
      return [`${base}l${level}:${band}:${value >>> (32 - bits)}`, String((value >>> (17 - bits)) & 0x7fff)];
    },
  };
}
