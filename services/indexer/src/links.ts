import { linksFrom, type ArticleLinks, type IndexJob, type LinkStore } from '@khabar/contracts';
import { KhabarError, PermanentError, RetryLaterError } from '@khabar/errors';
import { readAliasView } from '@khabar/search-index';
import type { SearchClient } from './locate.ts';

/** Where the indexer finds an article's link lists when the payload says `linksStored`. */
export interface LinkSources {
  readonly store: Pick<LinkStore, 'get' | 'delete'>;
  readonly client: SearchClient;
  /** Read alias (`<base>`): every generation a document may already be in. */
  readonly readAlias: string;
  /** Write alias (`<base>-write`). */
  readonly writeAlias: string;
}

/**
 * The link lists of the document as it is indexed now (real-time: a write acknowledged a moment
 * ago counts), or null when no generation holds it.
 */
async function indexedLinks(sources: LinkSources, id: string): Promise<ArticleLinks | null> {
  const view = await readAliasView(sources.client, sources.readAlias, sources.writeAlias);
  const indices = [...new Set([...(view.writeIndex === undefined ? [] : [view.writeIndex]), ...view.readIndices])];
  if (indices.length === 0) return null;
  const answer = await sources.client.mget<Partial<ArticleLinks>>({ docs: indices.map((index) => ({ _index: index, _id: id })), _source_includes: ['teasers', 'related', 'readMore'], realtime: true });
  for (const doc of answer.docs) {
    if ('error' in doc || !doc.found) continue;
    return linksFrom(doc._source ?? {});
  }
  return null;
}

/**
 * The job with its link lists back in the article. From the side record the parser wrote; when
 * it is gone, this parse was indexed before and the record deleted (a replayed dedup/tag/index
 * job, or a retry after a crash between the delete and the job's completion): the lists are
 * taken from the indexed document, which came from the same page. Neither: the record expired
 * or Redis lost it, and the job fails for good (re-parse the page: `khabar reparse`).
 */
export async function withLinks(job: IndexJob, sources: LinkSources | undefined): Promise<IndexJob> {
  if (!job.linksStored) return job;
  if (!sources) throw new PermanentError('KHABAR_E_INTERNAL', `job ${job.id} keeps its links in a side record but this indexer has no link store`);
  let links: ArticleLinks | null;
  try {
    links = (await sources.store.get(job.id, job.parsedAt)) ?? (await indexedLinks(sources, job.id));
  } catch (error) {
    if (error instanceof KhabarError) throw error;
    throw new RetryLaterError('KHABAR_E_INDEX_UNAVAILABLE', `reading the link lists of ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!links) {
    throw new PermanentError('KHABAR_E_LINKS_MISSING', `the link lists of ${job.id} (parsed ${job.parsedAt}) are neither in their side record nor in the index; re-parse the page`, { context: { id: job.id, parsedAt: job.parsedAt } });
  }
  return { ...job, article: { ...job.article, ...links } };
}

/** After the document is in the index: its side record is no longer needed (replays fall back to the index). */
export async function dropLinks(job: IndexJob, sources: LinkSources | undefined): Promise<void> {
  if (job.linksStored && sources) await sources.store.delete(job.id, job.parsedAt);
}
