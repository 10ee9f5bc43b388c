import type { BulkIndexer } from '@khabar/search-index';
import { toDocument } from '@khabar/search-index';
import type { StageHandler } from '@khabar/worker-kit';
import type { ValidatorStore } from '@khabar/politeness';
import { updateOriginalCluster, withCurrentFigures, type ClusterStatsSource, type ClusterUpdateTarget } from './cluster-update.ts';
import type { OrphanClusters } from './orphan-clusters.ts';
import { dropLinks, withLinks, type LinkSources } from './links.ts';

export interface IndexHandlerDeps {
  readonly bulk: BulkIndexer;
  /** Where to keep the original's cluster size and sources current when a member is indexed. */
  readonly clusters?: ClusterUpdateTarget;
  /**
   * The authoritative cluster statistics (the dedup index in Redis). Without it the original
   * shows the largest figures any member's job carried, which can stay behind when copies are
   * indexed before their original.
   */
  readonly clusterStats?: ClusterStatsSource;
  /** Stand-ins for originals that never reach the index (orphan-clusters.ts); needs `clusters`. */
  readonly orphans?: OrphanClusters;
  /**
   * Where the fetcher looks up what is already indexed (ETag, Last-Modified, body hash): written
   * only here, after Elasticsearch acknowledged the document, so "unchanged" means "indexed".
   */
  readonly validators?: ValidatorStore;
  /** Side records of link lists (jobs with `linksStored`), and where to find them once indexed. */
  readonly links?: LinkSources;
}

/**
 * Indexes the finished document under its document id (so reprocessing overwrites). The job
 * completes only after Elasticsearch acknowledged this very document; per-item failures come
 * back as retry-later (429/5xx) or permanent (mapping) errors. Then the cluster's original is
 * brought up to date (cluster-update.ts), whichever member this is; a copy whose original is
 * missing is noted, and stand-ins whose grace period ended are promoted (one per job).
 */
export function createIndexHandler(deps: IndexHandlerDeps): StageHandler<'index'> {
  const { orphans } = deps;
  return async (input, { log }) => {
    const joined = await withLinks(input, deps.links);
    const job = deps.clusters ? { ...joined, cluster: await withCurrentFigures(joined.cluster, deps.clusterStats) } : joined;
    await deps.bulk.index(job.id, toDocument(job));
    if (deps.clusters) {
      const { cluster } = job;
      if (orphans && cluster.role === 'original' && (await orphans.originalArrived(cluster.id)) === 'demoted') log.info({ clusterId: cluster.id }, 'original arrived: stand-in demoted');
      if (orphans && cluster.role !== 'original' && (await orphans.copyIndexed(cluster.id, job.id)) === 'kept') log.info({ clusterId: cluster.id }, 'stand-in re-indexed, still standing in');
      const outcome = await updateOriginalCluster(deps.clusters, cluster, deps.clusterStats, orphans ? (id) => orphans.standInOf(id) : undefined);
      log.debug({ outcome, clusterId: cluster.id }, 'original cluster updated');
      if (orphans && outcome === 'original-missing' && cluster.role !== 'original') await orphans.noteMissing(cluster.id, job.id);
      for (const promoted of (await orphans?.promoteDue(1)) ?? []) log.info(promoted, 'orphan cluster checked');
    }
    await deps.validators?.set(job.id, { etag: job.fetch.etag, lastModified: job.fetch.lastModified, bodyHash: job.fetch.bodyHash ?? null, fetchedAt: job.fetch.fetchedAt });
    // Last: until here a retry still finds the record (afterwards it reads the indexed document).
    await dropLinks(input, deps.links).catch((err: unknown) => log.warn({ err }, 'link side record not deleted (it expires)'));
    log.debug('indexed');
    return { kind: 'done', state: 'indexed' };
  };
}
