import { hash } from 'node:crypto';

/**
 * Redis key layout, packed for memory (≈ 180 B per document, see README). Every key starts with
 * the caller's prefix, which should carry a hash tag (e.g. "{khabar}") so the whole index lives
 * in one Redis Cluster slot. The scripts build the key names (assign-script.ts); this module
 * prepares what they are built from.
 *
 *   <p>:dedup:q                     string  counter numbering records ("seq", wraps at SEQ_SPACE)
 *   <p>:dedup:s:<seq/block>         string  fixed-size records, one per document with a new text (originals
 *                                           and near copies): 16 id bytes, signature, source, cluster, matches
 *   <p>:dedup:c:<seq/256>           hash    seq%256 -> 3 bytes size + 2 bytes per source (≤ 30), only for
 *                                           clusters with copies
 *   <p>:dedup:x:<seq/block>         hash    seq -> id, only for ids that are not 32 hex digits
 *   <p>:dedup:g<G>:n                string  generation G's first level × 2^26 + its last record's number
 *                                           in the level scheme (gives the levels it has written)
 *   <p>:dedup:g<G>:h<L>:<key bits>  hash    6 more content-hash bytes -> seq of the first record with that text
 *   <p>:dedup:g<G>:l<L>:<band>:<key bits>   15 more bits of the band's bucket id -> first record's seq
 *   <p>:dedup:g<G>:d:<0-255>        hash    8 id bytes -> "d<cluster seq>", only for exact copies and
 *                                           other URLs of a canonical page (records answer replays)
 *   <p>:dedup:src / srcn            hash    site name <-> 2-byte source number (no expiry: one per site)
 *
 * G is the time generation (unix time / generation length); `g<G>:` keys expire `retention`
 * after their generation ends; `s:`, `c:` and `x:` keys one generation later, renewed on write.
 * L is a level chosen by the record's number within its generation (see LEVELS).
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
  /** The record counter; the scripts' one declared key (it routes them in Redis Cluster). */
  readonly seq: string;
  /** Doc entry shard (0-255) and field (8 id bytes, or "x:<id>" when the id is not 32 hex digits). */
  doc(id: string): readonly [shard: number, field: Buffer | string];
  /** 16 id bytes for 32-hex ids, empty otherwise. */
  idBytes(id: string): Buffer;
  /** A content hash as the scripts take it: its first 16 bits (key bits) and the next 6 bytes (field). */
  contentHash(contentHash: string): readonly [head: number, field: Buffer];
}

/**
 * Listpack hashes are scanned linearly, so entries per key must stay in the hundreds for lookups
 * to cost the same at 10k and at 1M documents, while few keys keep small indexes small. Records
 * are therefore written at a level chosen by their number within the generation: level 0 (256
 * keys per structure) holds the first 65,536 records, level 1 (1,024 keys) the next 262,144,
 * level 2 (4,096 keys) the next 1,048,576, level 3 (65,536 keys) the rest (≈ 256 entries per key
 * up to 16M). A generation starts at the level its predecessor's record count falls in (numbering
 * its records from that level's start), so with steady traffic it fills one level. Lookups read
 * the levels each live generation has written.
 */
export const LEVELS: readonly { readonly upTo: number; readonly keyBits: number }[] = [
  { upTo: 65_536, keyBits: 8 },
  { upTo: 327_680, keyBits: 10 },
  { upTo: 1_376_256, keyBits: 12 },
  { upTo: 2 ** 24, keyBits: 16 },
];

/**
 * Record seqs are 1 … SEQ_SPACE (3 bytes in a record, 0 meaning "original"); the counter wraps,
 * so at most SEQ_SPACE documents with new texts may be live (retention + 1.5 generations) at once.
 */
export const SEQ_SPACE = 2 ** 24 - 1;

const HEX_ID = /^[0-9a-f]{32}$/;

export function dedupKeys(prefix: string): DedupKeys {
  const base = `${prefix}:dedup:`;
  return {
    base,
    seq: `${base}q`,
    doc: (id) => {
      if (HEX_ID.test(id)) return [Number.parseInt(id.slice(0, 2), 16), Buffer.from(id.slice(2, 18), 'hex')];
      const h = hash('md5', id, 'hex');
      return [Number.parseInt(h.slice(0, 2), 16), `x:${id}`];
    },
    idBytes: (id) => (HEX_ID.test(id) ? Buffer.from(id, 'hex') : Buffer.alloc(0)),
    contentHash: (h) => [Number.parseInt(h.slice(0, 4), 16), Buffer.from(h.slice(4, 16), 'hex')],
  };
}
