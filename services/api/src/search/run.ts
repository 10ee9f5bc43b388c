import type { Client } from '@elastic/elasticsearch';
import type { EntityParams, SearchParams } from './params.ts';
import { buildArticleRequest, buildEntityRequest, buildSearchRequest, timelineInterval } from './query.ts';
import { toEntityResult, toSearchResult, type EntityResult, type SearchResult, type SearchResponse, type SourceDoc } from './results.ts';

/** One page of results (the API and `khabar search` both call this). Throws CursorError on a foreign cursor. */
export async function runSearch(client: Client, index: string, params: SearchParams): Promise<SearchResult> {
  const { request, mode, interval } = buildSearchRequest(params, index);
  const response = (await client.search<SourceDoc>(request)) as SearchResponse;
  return toSearchResult(response, params, mode, request.from ?? 0, interval);
}

/** The stored document without its paragraph copy of the text, or undefined. */
export async function getArticle(client: Client, index: string, id: string): Promise<SourceDoc | undefined> {
  const response = await client.search<SourceDoc>(buildArticleRequest(id, index));
  const source = response.hits.hits[0]?._source;
  if (!source) return undefined;
  const { paragraphs: _paragraphs, ...rest } = source;
  return rest;
}

export async function getEntity(client: Client, index: string, id: string, params: EntityParams): Promise<EntityResult | undefined> {
  const response = (await client.search<SourceDoc>(buildEntityRequest(id, params, index))) as SearchResponse;
  return toEntityResult(id, response, params.interval ?? timelineInterval(params));
}
