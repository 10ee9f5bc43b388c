import { fingerprint, resolveParams } from './fingerprint.ts';
import { countMatches, minMatchesFor, similarityFromMatches } from './minhash.ts';
import type { DedupAssignment, DedupDocument, DedupIndex } from './types.ts';

export interface MemoryDedupIndexOptions {
  readonly threshold?: number;
  readonly bands?: number;
}

interface Original {
  readonly signature: Buffer | null;
}

/**
 * Same algorithm, parameters and answers as the Redis index, kept in process memory
 * (for the CLI and for one-off runs). Not shared between processes.
 */
export function createMemoryDedupIndex(options: MemoryDedupIndexOptions = {}): DedupIndex {
  const params = resolveParams(options);
  const minMatches = minMatchesFor(params.threshold, params.numPerm);
  const docs = new Map<string, DedupAssignment>();
  const hashes = new Map<string, string>();
  const originals = new Map<string, Original>();
  const buckets = new Map<string, string>();

  function assignNow(doc: DedupDocument): DedupAssignment {
    const known = docs.get(doc.id);
    if (known) return known;
    const fp = fingerprint(doc.text, params);
    let result: DedupAssignment;
    const owner = hashes.get(fp.contentHash);
    if (owner !== undefined) {
      result = { clusterId: docs.get(owner)?.clusterId ?? owner, role: 'duplicate', similarity: 1, contentHash: fp.contentHash };
    } else {
      hashes.set(fp.contentHash, doc.id);
      let bestId: string | undefined;
      let best = -1;
      if (fp.signature) {
        const seen = new Set<string>();
        fp.bands.forEach((bucketId, band) => {
          const cand = buckets.get(`${band}:${bucketId}`);
          if (cand === undefined || seen.has(cand)) return;
          seen.add(cand);
          const other = originals.get(cand)?.signature;
          if (!other || !fp.signature || other.length !== fp.signature.length) return;
          const m = countMatches(fp.signature, other);
          if (m > best) {
            best = m;
            bestId = cand;
          }
        });
      }
      if (bestId !== undefined && best >= minMatches) {
        result = { clusterId: bestId, role: 'near_duplicate', similarity: similarityFromMatches(best, params.numPerm), contentHash: fp.contentHash };
      } else {
        result = { clusterId: doc.id, role: 'original', similarity: 1, contentHash: fp.contentHash };
        originals.set(doc.id, { signature: fp.signature });
        if (fp.signature) {
          fp.bands.forEach((bucketId, band) => {
            const key = `${band}:${bucketId}`;
            if (!buckets.has(key)) buckets.set(key, doc.id);
          });
        }
      }
    }
    docs.set(doc.id, result);
    return result;
  }

  return {
    assign: (doc) => Promise.resolve(assignNow(doc)),
  };
}
