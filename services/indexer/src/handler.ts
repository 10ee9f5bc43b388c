import type { BulkIndexer } from '@khabar/search-index';
import { toDocument } from '@khabar/search-index';
import type { StageHandler } from '@khabar/worker-kit';
import type { ValidatorStore } from '@khabar/politeness';
import { updateOriginalCluster, type ClusterUpdateTarget } from './cluster-update.ts';

export interface IndexHandlerDeps {
  readonly bulk: BulkIndexer;
  /** Where to keep the original's cluster size and sources current when a copy arrives. */
  readonly clusters?: ClusterUpdateTarget;
  /**
   * Where the fetcher looks up what is already indexed (ETag, Last-Modified, body hash): written
   * only here, after Elasticsearch acknowledged the document, so "unchanged" means "indexed".
   */
  readonly validators?: ValidatorStore;
}

/**
 * Indexes the finished document under its document id (so reprocessing overwrites). The job
 * completes only after Elasticsearch acknowledged this very document; per-item failures come
 * back as retry-later (429/5xx) or permanent (mapping) errors.
 */
export function createIndexHandler(deps: IndexHandlerDeps): StageHandler<'index'> {
  return async (job, { log }) => {
    await deps.bulk.index(job.id, toDocument(job));
    if (deps.clusters && job.cluster.role !== 'original') {
      const outcome = await updateOriginalCluster(deps.clusters, job.cluster);
      log.debug({ outcome, clusterId: job.cluster.id }, 'original cluster updated');
    }
    await deps.validators?.set(job.id, { etag: job.fetch.etag, lastModified: job.fetch.lastModified, bodyHash: job.fetch.bodyHash ?? null, fetchedAt: job.fetch.fetchedAt });
    log.debug('indexed');
    return { kind: 'done', state: 'indexed' };
  };
}
