import type { BulkIndexer } from '@khabar/search-index';
import { toDocument } from '@khabar/search-index';
import type { StageHandler } from '@khabar/worker-kit';

export interface IndexHandlerDeps {
  readonly bulk: BulkIndexer;
}

/**
 * Indexes the finished document under its document id (so reprocessing overwrites). The job
 * completes only after Elasticsearch acknowledged this very document; per-item failures come
 * back as retry-later (429/5xx) or permanent (mapping) errors.
 */
export function createIndexHandler(deps: IndexHandlerDeps): StageHandler<'index'> {
  return async (job, { log }) => {
    await deps.bulk.index(job.id, toDocument(job));
    log.debug('indexed');
    return { kind: 'done', state: 'indexed' };
  };
}
