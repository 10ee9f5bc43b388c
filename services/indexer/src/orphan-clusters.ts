import { KhabarError, RetryLaterError } from '@khabar/errors';
import type { RedisConnection } from '@khabar/worker-kit';
import { isNewerClusterStats, truthOf, type ClusterStatsSource } from './cluster-update.ts';
import { locate, statusOf, type ClusterUpdateTarget, type LocatedDocument } from './locate.ts';

/**
 * Clusters whose original never reaches the index.
 *
 * A cluster's id is its first member's document id. That document can be missing for good: it
 * failed permanently after dedup (tagger, indexer), or it is the canonical page of an AMP/mobile
 * URL that was never fetched. Copies keep that `cluster.id` (it is the story's key: already
 * indexed copies carry it, search collapses on it, links use it), but after a grace period the
 * first copy indexed while the original was missing stands in for it: its `cluster.role` becomes
 * `original` and it carries the cluster's size and sources. If the original arrives after all
 * (a retried job), the stand-in gets its own role back and the original takes over, so a cluster
 * shows exactly one `original` once things settle. A stand-in is recognisable: role `original`
 * with a `cluster.id` other than its own id.
 *
 * Redis keys (under the queue prefix, so in its hash slot):
 *   <p>:clusters:due                 zset    cluster id -> when its grace period ends (ms)
 *   <p>:clusters:candidate:<cluster> string  first copy indexed while the original was missing
 *   <p>:clusters:standin:<cluster>   string  JSON {id, role} of the promoted copy (its own role)
 * The per-cluster keys expire after `ttlSeconds` (default 30 days: longer than failed jobs are
 * kept for a retry, 14 days, so a late original still finds its stand-in).
 */
export interface OrphanClustersOptions {
  readonly redis: RedisConnection;
  readonly prefix: string;
  readonly target: ClusterUpdateTarget;
  readonly stats?: ClusterStatsSource;
  /** How long copies wait for their original before one stands in for it. */
  readonly graceMs: number;
  readonly ttlSeconds?: number;
  /** Milliseconds since the epoch (default Date.now). */
  readonly now?: () => number;
}

export interface StandIn {
  readonly id: string;
  /** The copy's own role, given back if the original arrives. */
  readonly role: string;
}

export type PromotionOutcome = 'promoted' | 'original-present' | 'no-candidate' | 'already-promoted';

export interface OrphanClusters {
  /** A copy found no original: remember it as the cluster's candidate stand-in, start the grace period. */
  noteMissing(clusterId: string, copyId: string): Promise<void>;
  /** The stand-in's id, when the cluster has one (cluster updates go to it while the original is missing). */
  standInOf(clusterId: string): Promise<string | null>;
  /** Promotes stand-ins for up to `limit` clusters whose grace period is over. */
  promoteDue(limit?: number): Promise<{ readonly clusterId: string; readonly outcome: PromotionOutcome }[]>;
  /** The original was indexed: forget the cluster's orphan state and give a stand-in its role back. */
  originalArrived(clusterId: string): Promise<'demoted' | 'none'>;
  /**
   * A copy was indexed (again): if it is its cluster's stand-in, the write just put its own role
   * back, so it takes the stand-in role again (unless the original has arrived meanwhile).
   */
  copyIndexed(clusterId: string, copyId: string): Promise<'kept' | 'none'>;
}

const MAX_ATTEMPTS = 8;

const ES_ERRORS = new Set(['ResponseError', 'ConnectionError', 'TimeoutError', 'NoLivingConnectionsError', 'SerializationError', 'DeserializationError', 'RequestAbortedError']);

/** Failures retry the index job (every step is idempotent): Elasticsearch ones as index-unavailable, Redis ones as store errors. */
async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof KhabarError) throw error;
    const message = `${what} failed: ${error instanceof Error ? error.message : String(error)}`;
    const code = error instanceof Error && ES_ERRORS.has(error.name) ? 'KHABAR_E_INDEX_UNAVAILABLE' : 'KHABAR_E_DEDUP_STORE';
    throw new RetryLaterError(code, message, { cause: error });
  }
}

export function createOrphanClusters(options: OrphanClustersOptions): OrphanClusters {
  const { redis, target } = options;
  const now = options.now ?? Date.now;
  const ttl = options.ttlSeconds ?? 30 * 86_400;
  const base = `${options.prefix}:clusters:`;
  const due = `${base}due`;
  const candidateKey = (c: string): string => `${base}candidate:${c}`;
  const standInKey = (c: string): string => `${base}standin:${c}`;

  async function readStandIn(clusterId: string): Promise<StandIn | null> {
    const raw = await redis.get(standInKey(clusterId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StandIn>;
    return typeof parsed.id === 'string' ? { id: parsed.id, role: String(parsed.role ?? 'duplicate') } : null;
  }

  /** Sets the document's cluster role (and figures) on the version just read; retries on conflicts. */
  async function setRole(id: string, role: string, change: (doc: LocatedDocument) => Promise<Record<string, unknown>> | Record<string, unknown>): Promise<boolean> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const doc = await locate(target, id);
      if (!doc) return false;
      const fields = await change(doc);
      if (doc.cluster.role === role && Object.keys(fields).length === 0) return true;
      try {
        await target.client.update({ index: doc.index, id, doc: { cluster: { ...fields, role } }, if_seq_no: doc.seqNo, if_primary_term: doc.primaryTerm });
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        if (statusOf(error) !== 409 || attempt === MAX_ATTEMPTS) throw error;
      }
    }
    return false;
  }

  async function demote(standIn: StandIn): Promise<void> {
    await setRole(standIn.id, standIn.role, () => ({}));
  }

  /** Makes the candidate the stand-in; an original that arrives meanwhile wins (checked after the write). */
  async function standUp(clusterId: string, record: StandIn, contentHash: string | undefined): Promise<boolean> {
    await setRole(record.id, 'original', async (current) => {
      const truth = await truthOf({ id: clusterId, role: 'duplicate', size: current.cluster.size, sources: current.cluster.sources, ...(contentHash ? { contentHash } : {}) }, options.stats);
      return isNewerClusterStats(truth, current.cluster) ? { size: truth.size, sources: [...truth.sources] } : {};
    });
    // The original may have been indexed while we wrote (its own check ran before our write).
    if (await locate(target, clusterId)) {
      await demote(record);
      await redis.del(standInKey(clusterId));
      return false;
    }
    return true;
  }

  async function promote(clusterId: string): Promise<PromotionOutcome> {
    const candidate = await redis.get(candidateKey(clusterId));
    if (!candidate) return 'no-candidate';
    if (await locate(target, clusterId)) {
      await redis.del(candidateKey(clusterId));
      return 'original-present';
    }
    const doc = await locate(target, candidate);
    if (!doc) return 'no-candidate';
    // its own role (a copy's; 'original' only if an earlier stand-in record expired: call it a duplicate)
    const own = doc.cluster.role;
    const record: StandIn = { id: candidate, role: own && own !== 'original' ? own : 'duplicate' };
    // Claim first, then check again: an original indexed from here on finds the claim and demotes.
    const claimed = await redis.set(standInKey(clusterId), JSON.stringify(record), 'EX', ttl, 'NX');
    if (claimed !== 'OK') return 'already-promoted';
    if (await locate(target, clusterId)) {
      await redis.del(standInKey(clusterId));
      return 'original-present';
    }
    return (await standUp(clusterId, record, doc.cluster.contentHash)) ? 'promoted' : 'original-present';
  }

  return {
    noteMissing: (clusterId, copyId) =>
      guarded('orphan cluster note', async () => {
        await redis.set(candidateKey(clusterId), copyId, 'EX', ttl, 'NX');
        await redis.zadd(due, 'NX', now() + options.graceMs, clusterId);
      }),
    standInOf: (clusterId) => guarded('stand-in lookup', async () => (await readStandIn(clusterId))?.id ?? null),
    promoteDue: (limit = 1) => guarded('stand-in promotion', async () => {
      const ready = await redis.zrangebyscore(due, '-inf', now(), 'LIMIT', 0, limit);
      const out: { clusterId: string; outcome: PromotionOutcome }[] = [];
      for (const clusterId of ready) {
        // one indexer per cluster: whoever removes it from the schedule does it
        if ((await redis.zrem(due, clusterId)) !== 1) continue;
        out.push({ clusterId, outcome: await promote(clusterId) });
      }
      return out;
    }),
    originalArrived: (clusterId) =>
      guarded('stand-in demotion', async () => {
        await redis.zrem(due, clusterId);
        await redis.del(candidateKey(clusterId));
        const standIn = await readStandIn(clusterId);
        if (!standIn) return 'none' as const;
        await demote(standIn);
        await redis.del(standInKey(clusterId));
        return 'demoted' as const;
      }),
    copyIndexed: (clusterId, copyId) =>
      guarded('stand-in upkeep', async () => {
        const standIn = await readStandIn(clusterId);
        if (standIn?.id !== copyId || (await locate(target, clusterId))) return 'none' as const;
        const doc = await locate(target, copyId);
        return (await standUp(clusterId, standIn, doc?.cluster.contentHash)) ? ('kept' as const) : ('none' as const);
      }),
  };
}
