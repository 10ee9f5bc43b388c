import type { Cluster } from '@khabar/contracts';
import { KhabarError, RetryLaterError } from '@khabar/errors';
import { locate, statusOf, type ClusterUpdateTarget } from './locate.ts';

export type { ClusterUpdateTarget } from './locate.ts';

/** A cluster's size and member sites. */
export interface ClusterStatsValue {
  readonly size: number;
  readonly sources: readonly string[];
}

/**
 * Where the authoritative cluster statistics live: the dedup index in Redis, which counts every
 * member atomically when it is assigned (`RedisDedupIndex.clusterStats` from @khabar/dedup has
 * this shape). null when it no longer knows the cluster (fingerprints expired).
 */
export interface ClusterStatsSource {
  clusterStats(ref: { readonly clusterId: string; readonly contentHash: string }): Promise<ClusterStatsValue | null>;
}

export type ClusterUpdateOutcome = 'updated' | 'not-needed' | 'original-missing' | 'stale';

/** What a member's job says about its cluster (the `Cluster` contract; contentHash finds the truth). */
export interface ClusterRef {
  readonly id: string;
  readonly role: Cluster['role'];
  readonly size: number;
  readonly sources: readonly string[];
  readonly contentHash?: string;
}

const MAX_ATTEMPTS = 8;

/**
 * Whether `next` should replace `shown`: statistics only grow (a cluster gains members and
 * sites), so a larger size, or the same size with more sites, is newer; anything else is the
 * same or older and is never written (a late copy must not shrink the original's figures).
 */
export function isNewerClusterStats(next: ClusterStatsValue, shown: ClusterStatsValue): boolean {
  if (next.size !== shown.size) return next.size > shown.size;
  const have = new Set(shown.sources);
  return shown.sources.every((s) => next.sources.includes(s)) && next.sources.some((s) => !have.has(s));
}

/**
 * Brings the original's `cluster.size` / `cluster.sources` up to date after a member of the
 * cluster (the original itself or a copy) was acknowledged by Elasticsearch.
 *
 * The truth is read from `stats` (the dedup index in Redis, counted atomically at assign time);
 * without it, or when it no longer knows the cluster, the job's own figures are used. The write
 * is a partial update conditional on the sequence number just read (if_seq_no/if_primary_term,
 * no scripting needed), retried on conflict with fresh reads of both sides, and skipped unless
 * the figures are newer (see isNewerClusterStats).
 *
 * Why this converges in every interleaving: each change to the truth (a copy assigned) is followed
 * by that copy's own sync after its document is indexed, and each full write of the original (its
 * first indexing, or a replay carrying figures read earlier) by the original's own sync; a sync
 * reads the truth after the event it follows and writes it onto the version of the original it
 * read, or retries. So whichever of those comes last leaves the truth on the original.
 * When the original is not indexed (yet), a copy's sync does nothing ('original-missing'): the
 * original's own sync catches up when it arrives.
 * Elasticsearch or Redis failures become RetryLaterError KHABAR_E_INDEX_UNAVAILABLE: the index job
 * retries, which is safe (the document write and this update are both idempotent).
 */
export async function updateOriginalCluster(target: ClusterUpdateTarget, cluster: ClusterRef, stats?: ClusterStatsSource, standIn?: StandInLookup): Promise<ClusterUpdateOutcome> {
  try {
    return await updateOnce(target, cluster, stats, standIn);
  } catch (error) {
    if (error instanceof KhabarError) throw error;
    throw new RetryLaterError('KHABAR_E_INDEX_UNAVAILABLE', `cluster update of ${cluster.id} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      context: { clusterId: cluster.id },
    });
  }
}

/**
 * An original's figures brought up to the dedup index's before its document is written, so the
 * write carries them and the sync after it (updateOriginalCluster) finds nothing newer: no second,
 * partial write of the original (a real-time get plus a re-index of the whole document in
 * Elasticsearch) for a copy assigned while the original was on its way. Copies keep their
 * job's figures (only the original's are kept current). Redis failures retry the job.
 */
export async function withCurrentFigures<C extends ClusterRef>(cluster: C, stats: ClusterStatsSource | undefined): Promise<C> {
  if (cluster.role !== 'original' || !stats || !cluster.contentHash) return cluster;
  let truth: ClusterStatsValue;
  try {
    truth = await truthOf(cluster, stats);
  } catch (error) {
    if (error instanceof KhabarError) throw error;
    throw new RetryLaterError('KHABAR_E_DEDUP_STORE', `cluster figures of ${cluster.id} could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error, context: { clusterId: cluster.id } });
  }
  return isNewerClusterStats(truth, cluster) ? { ...cluster, size: truth.size, sources: [...truth.sources] } : cluster;
}

/** Id of the document standing in for a cluster's missing original (orphan-clusters.ts), or null. */
export type StandInLookup = (clusterId: string) => Promise<string | null>;

/** The cluster's current figures: the dedup index's, else the job's own. */
export async function truthOf(cluster: ClusterRef, stats: ClusterStatsSource | undefined): Promise<ClusterStatsValue> {
  const known = stats && cluster.contentHash ? await stats.clusterStats({ clusterId: cluster.id, contentHash: cluster.contentHash }) : null;
  return known ?? { size: cluster.size, sources: cluster.sources };
}

async function updateOnce(target: ClusterUpdateTarget, cluster: ClusterRef, stats: ClusterStatsSource | undefined, standIn: StandInLookup | undefined): Promise<ClusterUpdateOutcome> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const truth = await truthOf(cluster, stats);
    // The original was just written with its job's figures: only newer ones need a second write.
    if (cluster.role === 'original' && !isNewerClusterStats(truth, cluster)) return 'not-needed';
    let holderId = cluster.id;
    let holder = await locate(target, holderId);
    if (!holder && standIn) {
      const other = await standIn(cluster.id);
      if (other) {
        holderId = other;
        holder = await locate(target, other);
      }
    }
    if (!holder) return 'original-missing';
    if (!isNewerClusterStats(truth, holder.cluster)) return 'stale';
    try {
      await target.client.update({
        index: holder.index,
        id: holderId,
        doc: { cluster: { size: truth.size, sources: [...truth.sources] } },
        if_seq_no: holder.seqNo,
        if_primary_term: holder.primaryTerm,
      });
      return 'updated';
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return 'original-missing';
      if (status !== 409 || attempt === MAX_ATTEMPTS) throw error;
    }
  }
  return 'stale';
}
