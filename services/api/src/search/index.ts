export { searchParamsSchema, parseSearchParams, entityParamsSchema, ENTITY_TYPES, CLUSTER_ROLES, SORTS, INTERVALS, type TimelineInterval, type SearchParams, type SearchParamsInput, type EntityParams } from './params.ts';
export { buildSearchRequest, buildFilters, buildTextQuery, buildArticleRequest, buildEntityRequest, facetAggs, timelineInterval, textFields, highlightFields, CursorError, MAX_OFFSET, type BuiltSearch, type QueryLang } from './query.ts';
export { encodeCursor, decodeCursor, type Cursor } from './cursor.ts';
export { toSearchResult, toEntityResult, type SearchResult, type ResultItem, type Facets, type EntityResult, type EntityRef, type Bucket, type EntityBucket, type TimeBucket, type CopySummary } from './results.ts';
export { runSearch, getArticle, getEntity } from './run.ts';
