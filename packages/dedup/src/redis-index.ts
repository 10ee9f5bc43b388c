import type { Cluster, Redis } from 'ioredis';
import { RetryLaterError } from '@khabar/errors';
import { ASSIGN_LUA, STATS_LUA } from './assign-script.ts';
import { fingerprint, resolveParams, type DedupParams, type Fingerprint } from './fingerprint.ts';
import { dedupKeys } from './keys.ts';
import { compactLength, minMatchesFor, similarityFromMatches } from './minhash.ts';
import type { DedupAssignment, DedupDocument, DedupIndex, DedupRole } from './types.ts';

/**
 * Default retention of fingerprints: 7 days. Wire copies and syndicated reprints appear within
 * hours to a few days of the original; a week also covers weekly round-ups and late re-fetches,
 * and bounds memory at about (documents per day × 7 to 10.5 days × ~180 B).
 */
export const DEFAULT_RETENTION_DAYS = 7;

export interface RedisDedupIndexOptions {
  /** A server or a Redis Cluster (every key shares the prefix's hash tag, so one slot). */
  readonly redis: Redis | Cluster;
  /** Key prefix with a hash tag, e.g. "{khabar}"; all keys start with "<prefix>:dedup:". */
  readonly prefix: string;
  /** Minimum estimated Jaccard similarity for a near duplicate (default in DEFAULT_DEDUP_PARAMS). */
  readonly threshold?: number;
  /** Number of LSH bands (default in DEFAULT_DEDUP_PARAMS); more bands find weaker copies but cost memory. */
  readonly bands?: number;
  /**
   * How long a fingerprint keeps matching, in seconds (default DEFAULT_RETENTION_DAYS days): at
   * least this long and less than 1.5 times it (time is cut into generations of half of it,
   * which expire whole). At least 2.
   */
  readonly retentionSeconds?: number;
  /** Milliseconds since the epoch (default Date.now); decides the generation written and read. */
  readonly clock?: () => number;
}

const COMMAND = 'khabarDedupAssign3';
const STATS_COMMAND = 'khabarDedupStats3';

/** Records per `s:` block: 16 KiB strings fill one jemalloc size class exactly. */
export function recordsPerBlock(signatureBytes: number): number {
  return Math.floor(16_384 / (22 + signatureBytes));
}

type AssignReply = string[];

type ScriptArg = string | Buffer | number;

interface WithCommands {
  khabarDedupAssign3(numKeys: number, ...args: ScriptArg[]): Promise<AssignReply>;
  khabarDedupStats3(numKeys: number, ...args: ScriptArg[]): Promise<string[]>;
}

const ROLES: Readonly<Record<string, DedupRole>> = { o: 'original', d: 'duplicate', n: 'near_duplicate' };

export function toAssignment(reply: AssignReply, params: DedupParams, contentHash: string): DedupAssignment {
  const [clusterId, code, matches, size, ...sources] = reply;
  const role = ROLES[code ?? ''];
  if (!role || clusterId === undefined) throw new RetryLaterError('KHABAR_E_DEDUP_STORE', `unexpected reply from the duplicate index: role "${code}"`);
  const similarity = role === 'near_duplicate' ? similarityFromMatches(Number(matches), params.numPerm) : 1;
  return { clusterId, role, similarity, contentHash, size: Number(size ?? 1), sources: sources.sort() };
}

/** A cluster's members and their distinct sources (sorted), as the index counts them now. */
export interface ClusterStats {
  readonly size: number;
  readonly sources: readonly string[];
}

/**
 * Duplicate index in Redis. Each assign is one Lua call reading the levels of at most three
 * live generations (each a listpack of at most a few hundred entries per key), at most `bands`
 * candidate records per generation and a few cluster keys, so its cost does not grow with the
 * corpus. Redis failures surface as RetryLaterError KHABAR_E_DEDUP_STORE; retrying is safe
 * because assign is idempotent per document id (within the retention).
 */
export interface RedisDedupIndex extends DedupIndex {
  /** `assign` with the fingerprint already computed (benchmarks feed synthetic fingerprints). */
  assignFingerprint(doc: Omit<DedupDocument, 'text'>, fp: Fingerprint): Promise<DedupAssignment>;
  /**
   * The authoritative size and sources of cluster `clusterId`, reached through the content hash
   * of any of its members (the `cluster.contentHash` every document carries); null when that
   * text is no longer indexed (expired) or belongs to another cluster. Read-only.
   */
  clusterStats(ref: { readonly clusterId: string; readonly contentHash: string }): Promise<ClusterStats | null>;
}

export function createDedupIndex(options: RedisDedupIndexOptions): RedisDedupIndex {
  const params = resolveParams(options);
  const keys = dedupKeys(options.prefix);
  const minMatches = minMatchesFor(params.threshold, params.numPerm);
  const sigBytes = compactLength(params.numPerm);
  const block = recordsPerBlock(sigBytes);
  const retention = options.retentionSeconds ?? DEFAULT_RETENTION_DAYS * 86_400;
  if (!Number.isInteger(retention) || retention < 2) throw new RangeError(`retentionSeconds must be an integer ≥ 2, got ${retention}`);
  const period = Math.ceil(retention / 2);
  const clock = options.clock ?? Date.now;
  const redis = options.redis;
  const defined = redis as unknown as Partial<WithCommands>;
  if (typeof defined[COMMAND] !== 'function') redis.defineCommand(COMMAND, { lua: ASSIGN_LUA });
  if (typeof defined[STATS_COMMAND] !== 'function') redis.defineCommand(STATS_COMMAND, { lua: STATS_LUA });
  const command = redis as unknown as WithCommands;

  const prelude = (): ScriptArg[] => [keys.base, Math.floor(clock() / 1000), period, retention, sigBytes, block];

  async function call<T>(run: () => Promise<T>, what: string, docId: string): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new RetryLaterError('KHABAR_E_DEDUP_STORE', `${what} failed: ${message}`, { cause: err, context: { docId } });
    }
  }

  async function assignFingerprint(doc: Omit<DedupDocument, 'text'>, fp: Fingerprint): Promise<DedupAssignment> {
    const [shard, field] = keys.doc(doc.id);
    const canonical = doc.canonicalId && doc.canonicalId !== doc.id ? doc.canonicalId : null;
    const [canonShard, canonField] = canonical ? keys.doc(canonical) : [0, ''];
    const [head, hashField] = keys.contentHash(fp.contentHash);
    // texts without words have no bands: the script reads none
    const bands = fp.signature ? fp.bands.slice(0, params.bands).map((b) => Number.parseInt(b, 16)) : [];
    const reply = await call(
      () =>
        command.khabarDedupAssign3(
          1,
          keys.seq,
          ...prelude(),
          doc.id,
          keys.idBytes(doc.id),
          shard,
          field,
          canonical ?? '',
          canonical ? keys.idBytes(canonical) : '',
          canonShard,
          canonField,
          fp.signature ?? '',
          minMatches,
          doc.source ?? '',
          head,
          hashField,
          bands.length,
          ...bands,
        ),
      'duplicate index update',
      doc.id,
    );
    return toAssignment(reply, params, fp.contentHash);
  }

  async function clusterStats(ref: { readonly clusterId: string; readonly contentHash: string }): Promise<ClusterStats | null> {
    if (!/^[0-9a-f]{16,}$/.test(ref.contentHash)) return null;
    const [head, hashField] = keys.contentHash(ref.contentHash);
    const reply = await call(() => command.khabarDedupStats3(1, keys.seq, ...prelude(), ref.clusterId, head, hashField), 'cluster stats read', ref.clusterId);
    const [size, ...sources] = reply;
    if (size === undefined) return null;
    return { size: Number(size), sources: sources.sort() };
  }

  return {
    assign: (doc) => assignFingerprint(doc, fingerprint(doc.text, params)),
    assignFingerprint,
    clusterStats,
  };
}
