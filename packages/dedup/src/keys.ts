/**
 * Redis key layout. Every key starts with the caller's prefix, which should carry a hash tag
 * (e.g. "{khabar}") so the whole index lives in one Redis Cluster slot.
 *
 *   <prefix>:dedup:hash:<sha256>        string  first doc id with this normalised text
 *   <prefix>:dedup:doc:<id>             hash    r=o|d|n, m=agreeing signature bytes, h=content hash,
 *                                               c=cluster id (absent for originals: their own id)
 *   <prefix>:dedup:cluster:<id>         hash    members, duplicates, nearDuplicates, publishedAt
 *   <prefix>:dedup:seq                  string  counter numbering originals that have a signature
 *   <prefix>:dedup:sig:<seq/128>        hash    seq%128 -> signature of that original
 *   <prefix>:dedup:oid:<seq/128>        hash    seq%128 -> doc id of that original
 *   <prefix>:dedup:lsh:<band>:<xxx>     hash    rest of bucket id (integer) -> first original's seq
 *
 * The small hashes stay listpack-encoded (compact) while a bucket hash holds ≤ 512 entries,
 * i.e. up to about 2 million originals (4096 bucket hashes per band).
 */
export interface DedupKeys {
  readonly base: string;
  readonly seq: string;
  doc(id: string): string;
  hash(contentHash: string): string;
  cluster(id: string): string;
  /** Bucket hash key and field for one band's 8-hex bucket id. */
  bucket(band: number, bucketId: string): readonly [key: string, field: string];
}

const BUCKET_KEY_HEX = 3;

export function dedupKeys(prefix: string): DedupKeys {
  const base = `${prefix}:dedup:`;
  return {
    base,
    seq: `${base}seq`,
    doc: (id) => `${base}doc:${id}`,
    hash: (h) => `${base}hash:${h}`,
    cluster: (id) => `${base}cluster:${id}`,
    bucket: (band, bucketId) => [
      `${base}lsh:${band}:${bucketId.slice(0, BUCKET_KEY_HEX)}`,
      String(Number.parseInt(bucketId.slice(BUCKET_KEY_HEX), 16)),
    ],
  };
}
