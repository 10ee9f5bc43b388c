import type { Redis } from 'ioredis';
import { RetryLaterError } from '@khabar/errors';
import { ASSIGN_LUA } from './assign-script.ts';
import { fingerprint, resolveParams, type DedupParams, type Fingerprint } from './fingerprint.ts';
import { dedupKeys, LEVELS } from './keys.ts';
import { compactLength, minMatchesFor, similarityFromMatches } from './minhash.ts';
import type { DedupAssignment, DedupDocument, DedupIndex, DedupRole } from './types.ts';

export interface RedisDedupIndexOptions {
  readonly redis: Redis;
  /** Key prefix with a hash tag, e.g. "{khabar}"; all keys start with "<prefix>:dedup:". */
  readonly prefix: string;
  /** Minimum estimated Jaccard similarity for a near duplicate (default in DEFAULT_DEDUP_PARAMS). */
  readonly threshold?: number;
  /** Number of LSH bands (default in DEFAULT_DEDUP_PARAMS); more bands find weaker copies but cost memory. */
  readonly bands?: number;
}

const COMMAND = 'khabarDedupAssign2';

/** Records per `s:` block: 16 KiB strings fill one jemalloc size class exactly. */
export function recordsPerBlock(signatureBytes: number): number {
  return Math.floor(16_384 / (22 + signatureBytes));
}

type AssignReply = string[];

interface WithAssignCommand {
  khabarDedupAssign2(numKeys: number, ...args: (string | Buffer | number)[]): Promise<AssignReply>;
}

const ROLES: Readonly<Record<string, DedupRole>> = { o: 'original', d: 'duplicate', n: 'near_duplicate' };

export function toAssignment(reply: AssignReply, params: DedupParams, contentHash: string): DedupAssignment {
  const [clusterId, code, matches, size, ...sources] = reply;
  const role = ROLES[code ?? ''];
  if (!role || clusterId === undefined) throw new RetryLaterError('KHABAR_E_DEDUP_STORE', `unexpected reply from the duplicate index: role "${code}"`);
  const similarity = role === 'near_duplicate' ? similarityFromMatches(Number(matches), params.numPerm) : 1;
  return { clusterId, role, similarity, contentHash, size: Number(size ?? 1), sources: sources.sort() };
}

/**
 * Duplicate index in Redis. Each assign is one Lua call touching a fixed number of keys
 * (3 + levels × (1 + bands) declared, plus at most `bands` candidate records and a few cluster
 * keys), each a listpack of at most a few hundred entries, so its cost does not grow with the corpus. Redis failures surface as RetryLaterError KHABAR_E_DEDUP_STORE;
 * retrying is safe because assign is idempotent per document id.
 */
export interface RedisDedupIndex extends DedupIndex {
  /** `assign` with the fingerprint already computed (benchmarks feed synthetic fingerprints). */
  assignFingerprint(doc: Omit<DedupDocument, 'text'>, fp: Fingerprint): Promise<DedupAssignment>;
}

export function createDedupIndex(options: RedisDedupIndexOptions): RedisDedupIndex {
  const params = resolveParams(options);
  const keys = dedupKeys(options.prefix);
  const minMatches = minMatchesFor(params.threshold, params.numPerm);
  const sigBytes = compactLength(params.numPerm);
  const block = recordsPerBlock(sigBytes);
  const redis = options.redis;
  if (typeof (redis as unknown as Partial<WithAssignCommand>)[COMMAND] !== 'function') {
    redis.defineCommand(COMMAND, { lua: ASSIGN_LUA });
  }
  const command = redis as unknown as WithAssignCommand;

  async function assignFingerprint(doc: Omit<DedupDocument, 'text'>, fp: Fingerprint): Promise<DedupAssignment> {
      const levelKeys: string[] = [];
      const levelArgs: (string | Buffer | number)[] = [];
      LEVELS.forEach((level, l) => {
        const [hashKey, hashField] = keys.contentHash(fp.contentHash, l);
        levelKeys.push(hashKey);
        levelArgs.push(level.upTo, hashField);
        for (let band = 0; band < params.bands; band++) {
          const bucketId = fp.bands[band];
          // texts without words have no bands: placeholder keys the script never reads
          const [key, field] = bucketId === undefined ? [hashKey, ''] : keys.bucket(band, bucketId, l);
          levelKeys.push(key);
          levelArgs.push(field);
        }
      });
      const [docKey, docField] = keys.doc(doc.id);
      const canonical = doc.canonicalId && doc.canonicalId !== doc.id ? doc.canonicalId : null;
      const [canonKey, canonField] = canonical ? keys.doc(canonical) : [docKey, ''];
      let reply: AssignReply;
      try {
        reply = await command.khabarDedupAssign2(
          3 + levelKeys.length,
          docKey,
          canonKey,
          keys.seq,
          ...levelKeys,
          keys.base,
          docField,
          keys.idBytes(doc.id),
          doc.id,
          canonField,
          canonical ? keys.idBytes(canonical) : '',
          canonical ?? '',
          params.bands,
          fp.signature ?? '',
          minMatches,
          doc.source ?? '',
          sigBytes,
          block,
          LEVELS.length,
          ...levelArgs,
        );
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new RetryLaterError('KHABAR_E_DEDUP_STORE', `duplicate index update failed: ${message}`, {
          cause: err,
          context: { docId: doc.id },
        });
      }
      return toAssignment(reply, params, fp.contentHash);
  }

  return {
    assign: (doc) => assignFingerprint(doc, fingerprint(doc.text, params)),
    assignFingerprint,
  };
}
