import type { estypes } from '@elastic/elasticsearch';
import type { ArticleDocument } from '@khabar/search-index';
import { encodeCursor } from './cursor.ts';
import { MAX_OFFSET } from './query.ts';
import type { SearchParams } from './params.ts';

export type SourceDoc = Partial<ArticleDocument>;

export interface EntityRef {
  readonly id: string;
  readonly type: string;
  readonly name: string;
}

export interface CopySummary {
  readonly id: string;
  readonly url: string;
  readonly site: string;
  readonly title: string;
  readonly publishedAt: string | null;
  readonly role: string;
}

export interface ResultItem {
  readonly id: string;
  readonly url: string;
  readonly site: string;
  readonly title: string;
  readonly description: string | null;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  readonly publishedAt: string | null;
  /** HTML-escaped fragments with matches in `<mark>`; safe to insert as HTML. */
  readonly highlight: { readonly title: string | null; readonly text: readonly string[] };
  readonly cluster: { readonly id: string; readonly role: string; readonly copies: number; readonly others: readonly CopySummary[] };
  readonly entities: readonly EntityRef[];
}

export interface Bucket {
  readonly value: string;
  readonly count: number;
}

export interface EntityBucket extends EntityRef {
  readonly count: number;
}

export interface TimeBucket {
  readonly date: string;
  readonly count: number;
}

export interface Facets {
  readonly entities: Readonly<Record<string, readonly EntityBucket[]>>;
  readonly sites: readonly Bucket[];
  readonly languages: readonly Bucket[];
  readonly roles: readonly Bucket[];
  readonly timeline: { readonly interval: string | null; readonly buckets: readonly TimeBucket[] };
}

export interface SearchResult {
  /** Matching articles (every copy); `stories` counts distinct duplicate clusters among them. */
  readonly total: number;
  readonly stories: number | null;
  readonly items: readonly ResultItem[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly cursor: string | null;
  readonly facets: Facets | null;
}

interface TermsAgg<B = object> {
  buckets: ({ key: string | number; key_as_string?: string; doc_count: number } & B)[];
}
type Named = { name?: TermsAgg; type?: TermsAgg; articles?: { doc_count: number } };
interface FacetAggs {
  entities?: { types?: TermsAgg<{ top?: TermsAgg<Named> }> };
  sites?: TermsAgg;
  languages?: TermsAgg;
  roles?: TermsAgg;
  stories?: { value: number };
  timeline?: TermsAgg;
}

export type SearchResponse = estypes.SearchResponse<SourceDoc>;

const total = (t: estypes.SearchTotalHits | number | undefined): number => (typeof t === 'number' ? t : (t?.value ?? 0));
const buckets = (agg: TermsAgg | undefined): Bucket[] => (agg?.buckets ?? []).map((b) => ({ value: String(b.key), count: b.doc_count }));
export const timeBuckets = (agg: TermsAgg | undefined): TimeBucket[] =>
  (agg?.buckets ?? []).map((b) => ({ date: b.key_as_string ?? new Date(Number(b.key)).toISOString(), count: b.doc_count }));

export function entityBuckets(agg: TermsAgg<Named> | undefined, fallbackType = ''): EntityBucket[] {
  return (agg?.buckets ?? []).map((b) => ({
    id: String(b.key),
    type: String(b.type?.buckets[0]?.key ?? fallbackType),
    name: String(b.name?.buckets[0]?.key ?? b.key),
    count: b.articles?.doc_count ?? b.doc_count,
  }));
}

export function toEntityRefs(doc: SourceDoc, max = 8): EntityRef[] {
  return [...(doc.entities ?? [])]
    .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0))
    .slice(0, max)
    .map((e) => ({ id: e.id, type: e.type, name: e.name }));
}

function toCopy(hit: estypes.SearchHit<SourceDoc>): CopySummary {
  const d = hit._source ?? {};
  return { id: hit._id ?? '', url: d.url ?? '', site: d.site ?? '', title: d.title ?? '', publishedAt: d.publishedAt ?? null, role: d.cluster?.role ?? '' };
}

function toItem(hit: estypes.SearchHit<SourceDoc>, expand: boolean): ResultItem {
  const d = hit._source ?? {};
  const copiesHits = hit.inner_hits?.['copies']?.hits;
  const copies = expand ? 1 : total(copiesHits?.total);
  const others = expand ? [] : (copiesHits?.hits ?? []).map((h) => toCopy(h as estypes.SearchHit<SourceDoc>)).filter((c) => c.id !== hit._id);
  const hl = hit.highlight ?? {};
  const titleHl = Object.entries(hl).find(([k]) => k === 'title' || k.startsWith('title.'))?.[1]?.[0] ?? null;
  const textHl = Object.entries(hl).find(([k]) => k === 'text' || k.startsWith('text.'))?.[1] ?? [];
  return {
    id: hit._id ?? d.id ?? '',
    url: d.url ?? '',
    site: d.site ?? '',
    title: d.title ?? '',
    description: d.description ?? null,
    lang: d.lang ?? '',
    dir: d.dir ?? 'ltr',
    publishedAt: d.publishedAt ?? null,
    highlight: { title: titleHl, text: textHl },
    cluster: { id: d.cluster?.id ?? hit._id ?? '', role: d.cluster?.role ?? 'original', copies, others },
    entities: toEntityRefs(d),
  };
}

/** The API's answer for one page of `buildSearchRequest(params)`. */
export function toSearchResult(response: SearchResponse, params: SearchParams, mode: string, offset = 0, interval: string | null = null): SearchResult {
  const hits = response.hits.hits;
  const page = hits.slice(0, params.size);
  const more = hits.length > params.size;
  const last = page[page.length - 1];
  let cursor: string | null = null;
  if (more && last && params.expand) cursor = encodeCursor({ mode, after: (last.sort ?? []) as (string | number | null)[] });
  // Collapsed pages stop at the index's result window; narrow the query (dates) to go further.
  if (more && !params.expand && offset + 2 * params.size + 1 <= MAX_OFFSET) cursor = encodeCursor({ mode, offset: offset + params.size });
  const aggs = response.aggregations as FacetAggs | undefined;
  const facets: Facets | null = aggs
    ? {
        entities: Object.fromEntries((aggs.entities?.types?.buckets ?? []).map((t) => [String(t.key), entityBuckets(t.top, String(t.key))])),
        sites: buckets(aggs.sites),
        languages: buckets(aggs.languages),
        roles: buckets(aggs.roles),
        timeline: { interval, buckets: timeBuckets(aggs.timeline) },
      }
    : null;
  return {
    total: total(response.hits.total),
    stories: aggs?.stories?.value ?? null,
    items: page.map((h) => toItem(h, params.expand)),
    cursor,
    facets,
  };
}

export interface EntityResult {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly names: readonly string[];
  /** Articles mentioning the entity. */
  readonly articles: number;
  readonly timeline: { readonly interval: string | null; readonly buckets: readonly TimeBucket[] };
  readonly cooccurring: readonly EntityBucket[];
  readonly sites: readonly Bucket[];
  readonly languages: readonly Bucket[];
  readonly latest: readonly ResultItem[];
}

interface EntityAggs {
  timeline?: TermsAgg;
  sites?: TermsAgg;
  languages?: TermsAgg;
  self?: { only?: { names?: TermsAgg; type?: TermsAgg; name?: TermsAgg } };
  cooccurring?: { others?: { top?: TermsAgg<Named> } };
}

/** The entity page's data, or undefined when no article mentions `id`. */
export function toEntityResult(id: string, response: SearchResponse, interval: string | null = null): EntityResult | undefined {
  const articles = total(response.hits.total);
  if (articles === 0) return undefined;
  const aggs = (response.aggregations ?? {}) as EntityAggs;
  const self = aggs.self?.only;
  return {
    id,
    type: String(self?.type?.buckets[0]?.key ?? ''),
    name: String(self?.name?.buckets[0]?.key ?? id),
    names: buckets(self?.names).map((b) => b.value),
    articles,
    timeline: { interval, buckets: timeBuckets(aggs.timeline) },
    cooccurring: entityBuckets(aggs.cooccurring?.others?.top),
    sites: buckets(aggs.sites),
    languages: buckets(aggs.languages),
    latest: response.hits.hits.map((h) => toItem(h, true)),
  };
}
