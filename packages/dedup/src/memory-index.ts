import { fingerprint, resolveParams, type Fingerprint } from './fingerprint.ts';
import { countMatches, minMatchesFor, similarityFromMatches } from './minhash.ts';
import type { DedupAssignment, DedupDocument, DedupIndex, DedupRole } from './types.ts';

export interface MemoryDedupIndexOptions {
  readonly threshold?: number;
  readonly bands?: number;
  readonly rows?: number;
}

interface Placement {
  readonly clusterId: string;
  readonly role: DedupRole;
  readonly similarity: number;
}

interface ClusterStats {
  size: number;
  readonly sources: Map<string, number>;
}

/** Sources kept per cluster (the Redis index keeps them in one ≤ 64-byte listpack value). */
export const MAX_SOURCES = 30;

/**
 * Same algorithm, parameters and answers as the Redis index, kept in process memory
 * (for the CLI and for one-off runs). Not shared between processes.
 */
export function createMemoryDedupIndex(options: MemoryDedupIndexOptions = {}): DedupIndex {
  const params = resolveParams(options);
  const minMatches = minMatchesFor(params.threshold, params.numPerm);
  const docs = new Map<string, Placement>();
  const hashes = new Map<string, string>();
  const signatures = new Map<string, { readonly signature: Buffer; readonly clusterId: string }>();
  const buckets = new Map<string, string>();
  const clusters = new Map<string, ClusterStats>();

  function join(clusterId: string, source: string | null | undefined): void {
    const stats = clusters.get(clusterId);
    if (!stats) return;
    stats.size = Math.min(stats.size + 1, 16_777_215);
    if (source && stats.sources.size < MAX_SOURCES) stats.sources.set(source, (stats.sources.get(source) ?? 0) + 1);
  }

  function remember(id: string, clusterId: string, fp: Fingerprint, signature: Buffer): void {
    signatures.set(id, { signature, clusterId });
    fp.bands.forEach((bucketId, band) => {
      const key = `${band}:${bucketId}`;
      if (!buckets.has(key)) buckets.set(key, id);
    });
  }

  function place(id: string, fp: Fingerprint, source: string | null | undefined): Placement {
    const known = docs.get(id);
    if (known) return known;
    let result: Placement;
    const owner = hashes.get(fp.contentHash);
    if (owner !== undefined) {
      result = { clusterId: owner, role: 'duplicate', similarity: 1 };
      join(owner, source);
    } else {
      let bestId: string | undefined;
      let best = -1;
      const signature = fp.signature;
      if (signature) {
        const seen = new Set<string>();
        fp.bands.forEach((bucketId, band) => {
          const cand = buckets.get(`${band}:${bucketId}`);
          if (cand === undefined || seen.has(cand)) return;
          seen.add(cand);
          const other = signatures.get(cand)?.signature;
          if (!other || other.length !== signature.length) return;
          const m = countMatches(signature, other);
          if (m > best) {
            best = m;
            bestId = signatures.get(cand)?.clusterId;
          }
        });
      }
      if (bestId !== undefined && best >= minMatches) {
        result = { clusterId: bestId, role: 'near_duplicate', similarity: similarityFromMatches(best, params.numPerm) };
        hashes.set(fp.contentHash, bestId);
        join(bestId, source);
        if (signature) remember(id, bestId, fp, signature);
      } else {
        result = { clusterId: id, role: 'original', similarity: 1 };
        hashes.set(fp.contentHash, id);
        clusters.set(id, { size: 1, sources: new Map(source ? [[source, 1]] : []) });
        if (signature) remember(id, id, fp, signature);
      }
    }
    docs.set(id, result);
    return result;
  }

  function assignNow(doc: DedupDocument): DedupAssignment {
    const fp = fingerprint(doc.text, params);
    let placement = docs.get(doc.id);
    if (!placement) {
      if (doc.canonicalId && doc.canonicalId !== doc.id) {
        const canonical = place(doc.canonicalId, fp, doc.source);
        placement = { clusterId: canonical.clusterId, role: 'duplicate', similarity: 1 };
        docs.set(doc.id, placement);
        join(canonical.clusterId, doc.source);
      } else {
        placement = place(doc.id, fp, doc.source);
      }
    }
    const stats = clusters.get(placement.clusterId);
    return {
      ...placement,
      contentHash: fp.contentHash,
      size: stats?.size ?? 1,
      sources: stats ? [...stats.sources.keys()].sort() : [],
    };
  }

  return {
    assign: (doc) => Promise.resolve(assignNow(doc)),
  };
}
