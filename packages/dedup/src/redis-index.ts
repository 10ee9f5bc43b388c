import type { Redis } from 'ioredis';
import { RetryLaterError } from '@khabar/errors';
import { ASSIGN_LUA } from './assign-script.ts';
import { fingerprint, resolveParams, type DedupParams } from './fingerprint.ts';
import { dedupKeys } from './keys.ts';
import { minMatchesFor, similarityFromMatches } from './minhash.ts';
import type { DedupAssignment, DedupDocument, DedupIndex, DedupRole } from './types.ts';

export interface RedisDedupIndexOptions {
  readonly redis: Redis;
  /** Key prefix with a hash tag, e.g. "{khabar}"; all keys start with "<prefix>:dedup:". */
  readonly prefix: string;
  /** Minimum estimated Jaccard similarity for a near duplicate (default 0.3). */
  readonly threshold?: number;
  /** Number of LSH bands, 1–32 (default 16); more bands find weaker copies but cost memory. */
  readonly bands?: number;
}

const COMMAND = 'khabarDedupAssign';

type AssignReply = [clusterId: string, role: string, matches: string, contentHash: string];

interface WithAssignCommand {
  khabarDedupAssign(numKeys: number, ...args: (string | Buffer | number)[]): Promise<AssignReply>;
}

const ROLES: Readonly<Record<string, DedupRole>> = { o: 'original', d: 'duplicate', n: 'near_duplicate' };

export function toAssignment(reply: AssignReply, params: DedupParams): DedupAssignment {
  const [clusterId, code, matches, contentHash] = reply;
  const role = ROLES[code];
  if (!role) throw new RetryLaterError('KHABAR_E_DEDUP_STORE', `unexpected role "${code}" in the duplicate index`);
  const similarity = role === 'near_duplicate' ? similarityFromMatches(Number(matches), params.numPerm) : 1;
  return { clusterId, role, similarity, contentHash };
}

/**
 * Duplicate index in Redis. Each assign is one Lua call touching a fixed number of keys
 * (3 + bands declared, plus at most 2 × bands candidate lookups), so its cost does not grow with the corpus.
 * Redis failures surface as RetryLaterError KHABAR_E_DEDUP_STORE; retrying is safe because
 * assign is idempotent per document id.
 */
export function createDedupIndex(options: RedisDedupIndexOptions): DedupIndex {
  const params = resolveParams(options);
  const keys = dedupKeys(options.prefix);
  const minMatches = minMatchesFor(params.threshold, params.numPerm);
  const redis = options.redis;
  if (typeof (redis as unknown as Partial<WithAssignCommand>)[COMMAND] !== 'function') {
    redis.defineCommand(COMMAND, { lua: ASSIGN_LUA });
  }
  const command = redis as unknown as WithAssignCommand;

  return {
    async assign(doc: DedupDocument): Promise<DedupAssignment> {
      const fp = fingerprint(doc.text, params);
      const bucketKeys: string[] = [];
      const bucketFields: string[] = [];
      fp.bands.forEach((bucketId, band) => {
        const [key, field] = keys.bucket(band, bucketId);
        bucketKeys.push(key);
        bucketFields.push(field);
      });
      let reply: AssignReply;
      try {
        reply = await command.khabarDedupAssign(
          3 + bucketKeys.length,
          keys.doc(doc.id),
          keys.hash(fp.contentHash),
          keys.seq,
          ...bucketKeys,
          keys.base,
          doc.id,
          fp.contentHash,
          fp.signature ?? '',
          minMatches,
          doc.publishedAt ?? '',
          ...bucketFields,
        );
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new RetryLaterError('KHABAR_E_DEDUP_STORE', `duplicate index update failed: ${message}`, {
          cause: err,
          context: { docId: doc.id },
        });
      }
      return toAssignment(reply, params);
    },
  };
}
