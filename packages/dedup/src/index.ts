export { normalizeForDedup, tokenizeForDedup } from './normalize.ts';
export { contentHash } from './content-hash.ts';
export { simhash64, hammingDistance64 } from './simhash.ts';
export {
  minhashSignature,
  lshBands,
  compactSignature,
  countMatches,
  similarityFromMatches,
  estimateSimilarity,
  jaccardSimilarity,
  DEFAULT_MINHASH,
  type MinHashOptions,
} from './minhash.ts';
export { fingerprint, DEFAULT_DEDUP_PARAMS, type DedupParams, type Fingerprint } from './fingerprint.ts';
export { createDedupIndex, type RedisDedupIndexOptions } from './redis-index.ts';
export { createMemoryDedupIndex, type MemoryDedupIndexOptions } from './memory-index.ts';
export { toCluster, type DedupIndex, type DedupDocument, type DedupAssignment, type DedupRole, type ClusterContract } from './types.ts';
