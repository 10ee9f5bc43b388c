import type { DedupIndex } from '@khabar/dedup';
import { RetryLaterError, KhabarError } from '@khabar/errors';
import type { StageHandler } from '@khabar/worker-kit';

export interface DedupHandlerDeps {
  readonly index: DedupIndex;
}

/**
 * Assigns the document to a cluster: exact copies by content hash, near copies by fingerprint.
 * The index is idempotent per document id, so a retried job gets the same answer.
 */
export function createDedupHandler(deps: DedupHandlerDeps): StageHandler<'dedup'> {
  return async (job, { log }) => {
    let cluster;
    try {
      cluster = await deps.index.assign({ id: job.id, text: job.article.text, publishedAt: job.article.publishedAt });
    } catch (err) {
      if (err instanceof KhabarError) throw err;
      throw new RetryLaterError('KHABAR_E_DEDUP_STORE', err instanceof Error ? err.message : String(err), { cause: err });
    }
    if (cluster.role !== 'original') log.info({ clusterId: cluster.clusterId, role: cluster.role, similarity: cluster.similarity }, 'duplicate found');
    return {
      kind: 'handoff',
      data: { ...job, cluster: { id: cluster.clusterId, role: cluster.role, similarity: cluster.similarity, contentHash: cluster.contentHash } },
    };
  };
}
