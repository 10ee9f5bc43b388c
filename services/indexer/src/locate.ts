import type { createSearchClient } from '@khabar/search-index';

export type SearchClient = ReturnType<typeof createSearchClient>;

export interface ClusterUpdateTarget {
  readonly client: SearchClient;
  /** Read alias (`<base>`): finds a document in whichever generation holds it. */
  readonly readAlias: string;
  /** Write alias (`<base>-write`): real-time lookup of a just-indexed document. */
  readonly writeAlias: string;
}

/** A document's cluster fields as stored, with the version a conditional update needs. */
export interface LocatedDocument {
  readonly index: string;
  readonly seqNo: number;
  readonly primaryTerm: number;
  readonly cluster: {
    readonly id: string | undefined;
    readonly role: string | undefined;
    readonly similarity: number | undefined;
    readonly contentHash: string | undefined;
    readonly size: number;
    readonly sources: readonly string[];
  };
}

export function statusOf(error: unknown): number | undefined {
  const meta = (error as { meta?: { statusCode?: unknown } } | null)?.meta;
  return typeof meta?.statusCode === 'number' ? meta.statusCode : undefined;
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

interface StoredCluster {
  id?: string;
  role?: string;
  similarity?: number;
  contentHash?: string;
  size?: number;
  sources?: string[];
}

/** Real-time get (sees writes not yet refreshed): the cluster fields and version, or null. */
async function getCurrent(target: ClusterUpdateTarget, index: string, id: string): Promise<LocatedDocument | null> {
  try {
    const got = await target.client.get<{ cluster?: StoredCluster }>({ index, id, _source_includes: ['cluster'] });
    if (!got.found || got._seq_no === undefined || got._primary_term === undefined) return null;
    const c = got._source?.cluster;
    return {
      index: got._index,
      seqNo: got._seq_no,
      primaryTerm: got._primary_term,
      cluster: { id: c?.id, role: c?.role, similarity: c?.similarity, contentHash: c?.contentHash, size: c?.size ?? 1, sources: c?.sources ?? [] },
    };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/**
 * A document's current version: a real-time get on the write index (where recent documents
 * are), else a search of the read alias to find which older generation holds it, then a
 * real-time get there (search results may lag behind the last update).
 */
export async function locate(target: ClusterUpdateTarget, id: string): Promise<LocatedDocument | null> {
  const writeIndex = await writeIndexOf(target);
  const recent = writeIndex === undefined ? null : await getCurrent(target, writeIndex, id);
  if (recent) return recent;
  const found = await target.client.search({ index: target.readAlias, query: { ids: { values: [id] } }, _source: false, size: 1 });
  const hit = found.hits.hits[0];
  return hit ? getCurrent(target, hit._index, id) : null;
}
