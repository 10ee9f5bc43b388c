import type { DedupJob } from '@khabar/contracts';
import type { DedupDocument, DedupIndex } from '@khabar/dedup';
import { RetryLaterError, KhabarError } from '@khabar/errors';
import { documentIdFor, isSamePage, resolveCanonicalUrl } from '@khabar/urls';
import type { StageHandler } from '@khabar/worker-kit';

export interface DedupHandlerDeps {
  readonly index: DedupIndex;
}

/** Hostname of a URL ('' when it does not parse): the cluster's `sources` list sites. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * What the index is asked about a job. When the page is another URL of a page with a different
 * canonical URL on the same site (AMP, mobile, rel=canonical/og:url to another path), the
 * canonical page's document id goes along: this document becomes that page's `duplicate`.
 * A canonical that differs only in scheme or `www.` (a plain redirect) is the same page.
 */
export function toDedupDocument(job: DedupJob): DedupDocument {
  const canonicalUrl = resolveCanonicalUrl(job.url, job.article.canonicalUrl);
  const other = !isSamePage(canonicalUrl, job.url);
  const canonicalId = other ? documentIdFor(canonicalUrl) : null;
  return {
    id: job.id,
    text: job.article.text,
    publishedAt: job.article.publishedAt,
    source: hostOf(canonicalUrl) || hostOf(job.url) || null,
    canonicalId: canonicalId === job.id ? null : canonicalId,
  };
}

/**
 * Assigns the document to a cluster: exact copies by content hash, near copies by fingerprint,
 * other URLs of one page by canonical URL. The index is idempotent per document id, so a retried
 * job gets the same answer. `cluster.size` / `sources` are the cluster's at this moment; the
 * indexer keeps them current on the original's document.
 */
export function createDedupHandler(deps: DedupHandlerDeps): StageHandler<'dedup'> {
  return async (job, { log }) => {
    let cluster;
    try {
      cluster = await deps.index.assign(toDedupDocument(job));
    } catch (err) {
      if (err instanceof KhabarError) throw err;
      throw new RetryLaterError('KHABAR_E_DEDUP_STORE', err instanceof Error ? err.message : String(err), { cause: err });
    }
    if (cluster.role !== 'original') log.info({ clusterId: cluster.clusterId, role: cluster.role, similarity: cluster.similarity, size: cluster.size }, 'duplicate found');
    return {
      kind: 'handoff',
      data: {
        ...job,
        cluster: {
          id: cluster.clusterId,
          role: cluster.role,
          similarity: cluster.similarity,
          contentHash: cluster.contentHash,
          size: cluster.size,
          sources: [...cluster.sources],
        },
      },
    };
  };
}
