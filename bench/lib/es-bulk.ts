import type { Client } from '@elastic/elasticsearch';
import type { IndexJob } from '@khabar/contracts';
import { ensureIndex, indexNames, toDocument } from '@khabar/search-index';

/** Ceiling (b): the pipeline's final documents bulk-indexed straight into a fresh index. */
export interface EsBulkResult {
  readonly docs: number;
  readonly docsPerSec: number;
  readonly rejected: number;
  readonly batchSize: number;
}

/** Reads every document of `sourceIndex` (the e2e run's output). */
export async function readAllDocuments(client: Client, sourceIndex: string): Promise<Array<{ id: string; source: unknown }>> {
  const out: Array<{ id: string; source: unknown }> = [];
  let after: Array<string | number> | undefined;
  for (;;) {
    const res = await client.search({ index: sourceIndex, size: 1000, sort: [{ _doc: { order: 'asc' } }], ...(after ? { search_after: after } : {}) });
    const hits = res.hits.hits;
    for (const h of hits) if (h._id) out.push({ id: h._id, source: h._source });
    const last = hits.at(-1);
    if (!last || hits.length < 1000) return out;
    after = last.sort as Array<string | number>;
  }
}

/** Bulk-indexes `docs` into a new index with the production template: 500 per request, 2 in flight (the indexer's defaults). */
export async function runEsBulk(client: Client, base: string, docs: ReadonlyArray<{ id: string; source: unknown }>, batchSize = 500): Promise<EsBulkResult> {
  await ensureIndex(client, base);
  const { writeAlias } = indexNames(base);
  const batches: Array<typeof docs> = [];
  for (let i = 0; i < docs.length; i += batchSize) batches.push(docs.slice(i, i + batchSize));
  let rejected = 0;
  let next = 0;
  const start = performance.now();
  const lane = async () => {
    for (;;) {
      const batch = batches[next];
      next += 1;
      if (!batch) return;
      const operations = batch.flatMap((d) => [{ index: { _index: writeAlias, _id: d.id } }, d.source as object]);
      const res = await client.bulk({ operations, refresh: false });
      for (const item of res.items) if (item.index?.status === 429) rejected += 1;
    }
  };
  await Promise.all([lane(), lane()]);
  await client.indices.refresh({ index: writeAlias });
  const ms = performance.now() - start;
  return { docs: docs.length, docsPerSec: (docs.length * 1000) / ms, rejected, batchSize };
}

/** In-process results as the documents the indexer would write (ids made unique per page). */
export function documentsOf(payloads: ReadonlyArray<{ readonly id: string; readonly url: string; readonly article: unknown; readonly cluster: unknown; readonly entities: unknown }>): Array<{ id: string; source: unknown }> {
  const now = new Date().toISOString();
  return payloads.map((p, i) => {
    const c = p.cluster as { clusterId?: string; role: string; similarity: number; contentHash?: string; size?: number; sources?: string[] };
    const id = i.toString(16).padStart(32, '0');
    const job = {
      v: 1, id, url: p.url, submittedUrl: p.url, submittedAt: now, submission: {},
      fetch: { finalUrl: p.url, status: 200, contentType: 'text/html', headerCharset: 'utf-8', bytes: 0, fetchedAt: now, redirects: 0, archiveKey: '', etag: null, lastModified: null, metaCharset: null, detectedCharset: null, bodyHash: null },
      article: p.article, parsedAt: now, parserVersion: 'warm-up', linksStored: false,
      cluster: { id: c.clusterId ?? id, role: c.role, similarity: c.similarity, contentHash: c.contentHash ?? '', size: c.size ?? 1, sources: c.sources ?? [] },
      entities: p.entities,
    } as unknown as IndexJob;
    return { id, source: toDocument(job) };
  });
}

/**
 * Warms a freshly started Elasticsearch up (JIT compilation of its analysis, indexing and merge
 * code) by bulk-indexing realistic documents into a throwaway index, so the pipeline's
 * Elasticsearch CPU is measured warm, as ceiling (b) is and as a long-running cluster runs.
 */
export async function warmUpElasticsearch(client: Client, base: string, docs: ReadonlyArray<{ id: string; source: unknown }>): Promise<EsBulkResult> {
  try {
    return await runEsBulk(client, base, docs);
  } finally {
    const names = indexNames(base);
    await client.indices.delete({ index: names.pattern }).catch(() => undefined);
    await client.indices.deleteIndexTemplate({ name: names.template }).catch(() => undefined);
  }
}
