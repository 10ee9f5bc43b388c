import type { Cluster } from '@khabar/contracts';
import { RetryLaterError } from '@khabar/errors';
import type { createSearchClient } from '@khabar/search-index';

type SearchClient = ReturnType<typeof createSearchClient>;

export interface ClusterUpdateTarget {
  readonly client: SearchClient;
  /** Read alias (`<base>`): finds the original in whichever generation holds it. */
  readonly readAlias: string;
  /** Write alias (`<base>-write`): real-time lookup of a just-indexed original. */
  readonly writeAlias: string;
}

export type ClusterUpdateOutcome = 'updated' | 'not-needed' | 'original-missing' | 'stale';

const MAX_ATTEMPTS = 5;

function statusOf(error: unknown): number | undefined {
  const meta = (error as { meta?: { statusCode?: unknown } } | null)?.meta;
  return typeof meta?.statusCode === 'number' ? meta.statusCode : undefined;
}

interface Located {
  readonly index: string;
  readonly size: number;
  readonly seqNo: number;
  readonly primaryTerm: number;
}

/** The concrete index behind the write alias (after a rollover the alias spans several). */
async function writeIndexOf(target: ClusterUpdateTarget): Promise<string | undefined> {
  let aliases: Record<string, { aliases: Record<string, { is_write_index?: boolean }> }>;
  try {
    aliases = await target.client.indices.getAlias({ name: target.writeAlias });
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
  const entries = Object.entries(aliases);
  if (entries.length === 1) return entries[0]?.[0];
  return entries.find(([, state]) => state.aliases[target.writeAlias]?.is_write_index === true)?.[0];
}

/** Real-time get (sees writes not yet refreshed): current size and sequence number, or null. */
async function getCurrent(target: ClusterUpdateTarget, index: string, id: string): Promise<Located | null> {
  try {
    const got = await target.client.get<{ cluster?: { size?: number } }>({ index, id, _source_includes: ['cluster.size'] });
    if (!got.found || got._seq_no === undefined || got._primary_term === undefined) return null;
    return { index: got._index, size: got._source?.cluster?.size ?? 1, seqNo: got._seq_no, primaryTerm: got._primary_term };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/**
 * The original's current version: a real-time get on the write index (where recent originals
 * are), else a search of the read alias to find which older generation holds it, then a
 * real-time get there (search results may lag behind the last update).
 */
async function locate(target: ClusterUpdateTarget, id: string): Promise<Located | null> {
  const writeIndex = await writeIndexOf(target);
  const recent = writeIndex === undefined ? null : await getCurrent(target, writeIndex, id);
  if (recent) return recent;
  const found = await target.client.search({ index: target.readAlias, query: { ids: { values: [id] } }, _source: false, size: 1 });
  const hit = found.hits.hits[0];
  return hit ? getCurrent(target, hit._index, id) : null;
}

/**
 * After a duplicate or near duplicate is indexed, writes the cluster's current size and sources
 * onto the original's document (a partial update; no scripting needed). Sizes only grow: the
 * update is conditional on the original's sequence number and skipped when the document already
 * shows an equal or larger size, so copies indexed out of order never shrink it.
 * When the original is not indexed (yet), nothing happens: its own index payload carries the size
 * known when it was deduplicated, and the next copy brings it up to date.
 * Other Elasticsearch failures become RetryLaterError KHABAR_E_INDEX_UNAVAILABLE: the index job
 * retries, which is safe (the document write and this update are both idempotent).
 */
export async function updateOriginalCluster(target: ClusterUpdateTarget, cluster: Pick<Cluster, 'id' | 'role' | 'size' | 'sources'>): Promise<ClusterUpdateOutcome> {
  try {
    return await updateOnce(target, cluster);
  } catch (error) {
    throw new RetryLaterError('KHABAR_E_INDEX_UNAVAILABLE', `cluster update of ${cluster.id} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      context: { clusterId: cluster.id },
    });
  }
}

async function updateOnce(target: ClusterUpdateTarget, cluster: Pick<Cluster, 'id' | 'role' | 'size' | 'sources'>): Promise<ClusterUpdateOutcome> {
  if (cluster.role === 'original') return 'not-needed';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const original = await locate(target, cluster.id);
    if (!original) return 'original-missing';
    if (original.size >= cluster.size) return 'stale';
    try {
      await target.client.update({
        index: original.index,
        id: cluster.id,
        doc: { cluster: { size: cluster.size, sources: [...cluster.sources] } },
        if_seq_no: original.seqNo,
        if_primary_term: original.primaryTerm,
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
