import type { Client } from '@elastic/elasticsearch';

/** mget items per request at most (ids × generations); bigger lookups are split. */
const MAX_MGET_DOCS = 10_000;

/**
 * Which of `indices` already holds each of `ids`, by real-time multi-get: it sees every
 * acknowledged write, refreshed or not, so a document written a moment ago is found where it
 * lives. Ids found nowhere are absent from the answer. When an id is in several indices (only
 * possible through writes that bypassed Khabar) the first of `indices` wins.
 */
export async function locateDocuments(client: Client, ids: readonly string[], indices: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0 || indices.length === 0) return found;
  const docs = [...new Set(ids)].flatMap((id) => indices.map((index) => ({ _index: index, _id: id })));
  for (let start = 0; start < docs.length; start += MAX_MGET_DOCS) {
    const answer = await client.mget({ docs: docs.slice(start, start + MAX_MGET_DOCS), _source: false, realtime: true });
    for (const doc of answer.docs) {
      if ('error' in doc) {
        // A generation deleted since the alias was read holds nothing any more; anything else is a real failure.
        if (doc.error.type === 'index_not_found_exception') continue;
        throw new Error(`looking up ${doc._id} in ${doc._index} failed: ${doc.error.type}: ${doc.error.reason ?? ''}`);
      }
      if (doc.found && !found.has(doc._id)) found.set(doc._id, doc._index);
    }
  }
  return found;
}
