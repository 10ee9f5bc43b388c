import type { estypes } from '@elastic/elasticsearch';
import { decodeCursor, type Cursor } from './cursor.ts';
import type { EntityParams, SearchParams, TimelineInterval } from './params.ts';

export type QueryLang = 'ar' | 'en';

/**
 * The analyzed fields a full-text query runs against, boosts included. This is the one place
 * that knows the index's text fields: with the v2 template (language subfields) it becomes
 * `lang ? [`title.${lang}^3`, `text.${lang}`] : [...both languages]`.
 */
export function textFields(lang?: QueryLang): string[] {
  // `.ar`/`.en` are analysed by the analysis-khabar plugin (clitics, hamza forms, stems, digits);
  // without a language, the language-neutral fields and both analysed forms all count.
  return lang ? [`title.${lang}^3`, `text.${lang}`] : ['title^3', 'text', 'title.ar^3', 'text.ar', 'title.en^3', 'text.en'];
}

/** Fields highlighted in results; follows textFields (highlighting needs the queried field). */
export function highlightFields(lang?: QueryLang): { title: string; text: string } {
  const [title = 'title', text = 'text'] = textFields(lang).map((f) => f.replace(/\^.*$/, ''));
  return { title, text };
}

/** Past this many collapsed results, page by date filters instead (the index's max_result_window). */
export const MAX_OFFSET = 10_000;

const SOURCE_FIELDS = ['id', 'url', 'canonicalUrl', 'site', 'siteName', 'title', 'description', 'lang', 'dir', 'publishedAt', 'authors', 'tags', 'cluster', 'entities.id', 'entities.type', 'entities.name', 'entities.salience'];

export interface BuiltSearch {
  readonly request: estypes.SearchRequest;
  /** Sort/collapse mode: a cursor is only valid for the mode it was issued in. */
  readonly mode: string;
  /** Bucket size of the timeline facet. */
  readonly interval: TimelineInterval;
}

export class CursorError extends Error {
  constructor() {
    super('not a cursor of this query; start again without it');
    this.name = 'CursorError';
  }
}

/** The filters of a search (everything but the full-text query), as bool filter clauses. */
export function buildFilters(params: Omit<Partial<SearchParams>, 'size' | 'expand' | 'facets'>): estypes.QueryDslQueryContainer[] {
  const filters: estypes.QueryDslQueryContainer[] = [];
  if (params.lang) filters.push({ term: { lang: params.lang } });
  if (params.site?.length) filters.push({ terms: { site: params.site } });
  if (params.from || params.to) filters.push({ range: { publishedAt: { ...(params.from ? { gte: dateBound(params.from) } : {}), ...(params.to ? { lte: dateBound(params.to) } : {}) } } });
  for (const id of params.entity ?? []) filters.push({ nested: { path: 'entities', query: { term: { 'entities.id': id } } } });
  if (params.type?.length) filters.push({ nested: { path: 'entities', query: { terms: { 'entities.type': params.type } } } });
  if (params.tag?.length) filters.push({ bool: { should: [{ terms: { tags: params.tag } }, { terms: { submissionTags: params.tag } }], minimum_should_match: 1 } });
  if (params.role?.length) filters.push({ terms: { 'cluster.role': params.role } });
  if (params.cluster) filters.push({ term: { 'cluster.id': params.cluster } });
  return filters;
}

/** A bare date covers its whole day: rounded down as a lower bound, up as an upper bound. */
function dateBound(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}||/d` : value;
}

/** The full-text part: simple_query_string (quotes, -, OR) over textFields(lang), all terms required. */
export function buildTextQuery(q: string, lang?: QueryLang): estypes.QueryDslQueryContainer {
  return {
    simple_query_string: { query: q, fields: textFields(lang), default_operator: 'and', flags: 'AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE|PREFIX' },
  };
}

/**
 * `GET /v1/search` and `khabar search` as one Elasticsearch request: fetches size+1 hits so the
 * response knows whether a next page exists. Throws CursorError for a cursor of another query mode.
 */
export function buildSearchRequest(params: SearchParams, index: string): BuiltSearch {
  const sort = params.sort ?? (params.q ? 'relevance' : 'date');
  const mode = `${sort}:${params.expand ? 'all' : 'stories'}`;
  const cursor: Cursor | undefined = params.cursor === undefined ? undefined : decodeCursor(params.cursor, mode);
  if (params.cursor !== undefined && !cursor) throw new CursorError();
  const byDate: estypes.SortCombinations = { publishedAt: { order: 'desc', missing: '_last', unmapped_type: 'date' } };
  const sortClause: estypes.SortCombinations[] = sort === 'relevance' ? [{ _score: { order: 'desc' } }, byDate, { id: { order: 'asc' } }] : [byDate, { id: { order: 'asc' } }];
  const hl = highlightFields(params.lang);
  const request: estypes.SearchRequest = {
    index,
    size: params.size + 1,
    track_total_hits: true,
    // The small boost for originals makes the original the representative of a collapsed story.
    query: { bool: { ...(params.q ? { must: [buildTextQuery(params.q, params.lang)], should: [{ term: { 'cluster.role': { value: 'original', boost: 0.1 } } }] } : {}), filter: buildFilters(params) } },
    sort: sortClause,
    _source: SOURCE_FIELDS,
    highlight: {
      encoder: 'html',
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
      fields: { [hl.title]: { number_of_fragments: 0 }, [hl.text]: { fragment_size: 180, number_of_fragments: 2, no_match_size: 180 } },
    },
  };
  if (!params.expand) {
    request.collapse = {
      field: 'cluster.id',
      inner_hits: { name: 'copies', size: 5, sort: [{ publishedAt: { order: 'asc', missing: '_last', unmapped_type: 'date' } }], _source: ['id', 'url', 'site', 'title', 'publishedAt', 'lang', 'dir', 'cluster.role'] },
    };
  }
  if (cursor && 'offset' in cursor) request.from = Math.min(cursor.offset, MAX_OFFSET - params.size - 1); // toSearchResult stops issuing cursors before this
  if (cursor && 'after' in cursor) request.search_after = [...cursor.after];
  const interval = params.interval ?? timelineInterval(params);
  if (params.facets) request.aggs = facetAggs(interval);
  return { request, mode, interval };
}

/**
 * Bucket size of the volume-over-time histogram when the caller does not choose one: from the
 * date filter's span (hours up to 3 days, days up to 4 months, weeks up to 3 years), else days.
 */
export function timelineInterval(range: { from?: string | undefined; to?: string | undefined }, now = Date.now()): TimelineInterval {
  if (!range.from) return 'day';
  const span = (range.to ? Date.parse(range.to) : now) - Date.parse(range.from);
  if (span <= 3 * 86_400_000) return 'hour';
  if (span <= 120 * 86_400_000) return 'day';
  if (span <= 3 * 365 * 86_400_000) return 'week';
  return 'month';
}

/** Facets: top entities by type, top sites, languages, cluster roles, stories, volume over time. */
export function facetAggs(interval: TimelineInterval = 'day'): Record<string, estypes.AggregationsAggregationContainer> {
  return {
    entities: {
      nested: { path: 'entities' },
      aggs: {
        types: {
          terms: { field: 'entities.type', size: 4 },
          aggs: {
            top: {
              terms: { field: 'entities.id', size: 10 },
              aggs: { name: { terms: { field: 'entities.name', size: 1 } }, articles: { reverse_nested: {} } },
            },
          },
        },
      },
    },
    sites: { terms: { field: 'site', size: 10 } },
    languages: { terms: { field: 'lang', size: 10 } },
    roles: { terms: { field: 'cluster.role', size: 3 } },
    stories: { cardinality: { field: 'cluster.id' } },
    timeline: { date_histogram: { field: 'publishedAt', calendar_interval: interval, min_doc_count: 0 } },
  };
}

/** `GET /v1/articles/:id`: by `_id` through the read alias (a `get` would fail once it spans indices). */
export function buildArticleRequest(id: string, index: string): estypes.SearchRequest {
  return { index, size: 1, query: { ids: { values: [id] } } };
}

/** `GET /v1/entities/:id`: latest articles, mentions over time, co-occurring entities, names, sites. */
export function buildEntityRequest(id: string, params: EntityParams, index: string): estypes.SearchRequest {
  return {
    index,
    size: 10,
    track_total_hits: true,
    query: { bool: { filter: [...buildFilters({ ...params, entity: [id] })] } },
    sort: [{ publishedAt: { order: 'desc', missing: '_last', unmapped_type: 'date' } }, { id: { order: 'asc' } }],
    _source: SOURCE_FIELDS,
    aggs: {
      timeline: { date_histogram: { field: 'publishedAt', calendar_interval: params.interval ?? timelineInterval(params), min_doc_count: 0 } },
      sites: { terms: { field: 'site', size: 10 } },
      languages: { terms: { field: 'lang', size: 10 } },
      self: {
        nested: { path: 'entities' },
        aggs: {
          only: {
            filter: { term: { 'entities.id': id } },
            aggs: { names: { terms: { field: 'entities.names', size: 10 } }, type: { terms: { field: 'entities.type', size: 1 } }, name: { terms: { field: 'entities.name', size: 1 } } },
          },
        },
      },
      cooccurring: {
        nested: { path: 'entities' },
        aggs: {
          others: {
            filter: { bool: { must_not: [{ term: { 'entities.id': id } }] } },
            aggs: {
              top: {
                terms: { field: 'entities.id', size: 15 },
                aggs: { name: { terms: { field: 'entities.name', size: 1 } }, type: { terms: { field: 'entities.type', size: 1 } }, articles: { reverse_nested: {} } },
              },
            },
          },
        },
      },
    },
  };
}
