export { normalizeForDedup, tokenizeForDedup, bodyTokensForDedup, MIN_BODY_LINE_WORDS } from './normalize.ts';
export { contentHash } from './content-hash.ts';
export { simhash64, hammingDistance64 } from './simhash.ts';
export {
  minhashSignature,
  lshBands,
  compactSignature,
  compactLength,
  STORED_BITS,
  countMatches,
  similarityFromMatches,
  estimateSimilarity,
  jaccardSimilarity,
  DEFAULT_MINHASH,
  type MinHashOptions,
} from './minhash.ts';
export { fingerprint, resolveParams, DEFAULT_DEDUP_PARAMS, type DedupParams, type Fingerprint } from './fingerprint.ts';
export { createDedupIndex, DEFAULT_RETENTION_DAYS, type ClusterStats, type RedisDedupIndex, type RedisDedupIndexOptions } from './redis-index.ts';
export { dedupKeys, LEVELS, SEQ_SPACE, type DedupKeys } from './keys.ts';
export { createMemoryDedupIndex, type MemoryDedupIndexOptions } from './memory-index.ts';
export { toCluster, type DedupIndex, type DedupDocument, type DedupAssignment, type DedupRole, type ClusterContract } from './types.ts';
