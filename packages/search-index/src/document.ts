import type { Entity, EntityType, IndexJob } from '@khabar/contracts';

export interface DocumentLink {
  readonly title: string;
  readonly url: string;
  readonly text?: string | null;
}

export interface DocumentEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly linked: boolean;
  readonly name: string;
  readonly names: readonly string[];
  readonly count: number;
  readonly salience: number;
}

/**
 * The document's story cluster. `size` and `sources` are the cluster's when this document was
 * deduplicated; on the original's document the indexer keeps them current as members are
 * indexed, in any order (services/indexer/src/cluster-update.ts). When the original never
 * reaches the index, a copy stands in for it: role `original`, with `id` still the story's
 * (the missing original's) id (services/indexer/src/orphan-clusters.ts).
 */
export interface DocumentCluster {
  readonly id: string;
  readonly role: string;
  readonly similarity: number;
  readonly contentHash: string;
  /** Members of the cluster (1 for a story seen once). */
  readonly size: number;
  /** Distinct sites of the cluster's members, sorted. */
  readonly sources: readonly string[];
}

/** The `_source` of an article in `<base>-*` (templates/articles.v2.json maps exactly these fields). */
export interface ArticleDocument {
  readonly id: string;
  readonly url: string;
  readonly canonicalUrl: string;
  readonly submittedUrl: string;
  readonly finalUrl: string;
  /** Hostname of the canonical URL (lower case, as the URL parser gives it). */
  readonly site: string;
  readonly siteName: string | null;
  readonly source: string | null;
  readonly title: string;
  readonly description: string | null;
  readonly text: string;
  readonly paragraphs: readonly string[];
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  /** ISO-8601 UTC, or null when absent or unparseable (so a bad date never fails indexing). */
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  readonly dateSource: string | null;
  readonly submittedAt: string | null;
  readonly fetchedAt: string | null;
  readonly parsedAt: string | null;
  readonly indexedAt: string;
  readonly authors: readonly string[];
  readonly tags: readonly string[];
  readonly submissionTags: readonly string[];
  readonly priority: number | null;
  readonly attribution: readonly string[];
  readonly leadImage: string | null;
  readonly teasers: readonly DocumentLink[];
  readonly related: readonly DocumentLink[];
  readonly readMore: readonly DocumentLink[];
  readonly cluster: DocumentCluster;
  readonly entities: readonly DocumentEntity[];
  /** Entity names by type, for facets and filters (MISC goes to `misc`). */
  readonly persons: readonly string[];
  readonly organizations: readonly string[];
  readonly locations: readonly string[];
  readonly misc: readonly string[];
  readonly parserVersion: string;
  readonly warnings: readonly string[];
}

const BY_TYPE = { PER: 'persons', ORG: 'organizations', LOC: 'locations', MISC: 'misc' } as const satisfies Record<EntityType, string>;

/**
 * Maps the index stage's payload to the document stored under `_id = job.id`. Pure apart from
 * `indexedAt` (pass `now` to pin it). Dates are normalised to ISO-8601 UTC.
 */
export function toDocument(job: IndexJob, now: Date = new Date()): ArticleDocument {
  const { article } = job;
  const byType: Record<(typeof BY_TYPE)[EntityType], string[]> = { persons: [], organizations: [], locations: [], misc: [] };
  for (const entity of job.entities.entities) {
    const list = byType[BY_TYPE[entity.type]];
    if (!list.includes(entity.name)) list.push(entity.name);
  }
  return {
    id: job.id,
    url: job.url,
    canonicalUrl: article.canonicalUrl,
    submittedUrl: job.submittedUrl,
    finalUrl: job.fetch.finalUrl,
    site: siteOf(article.canonicalUrl) ?? siteOf(job.url) ?? '',
    siteName: article.siteName,
    source: job.submission.source ?? null,
    title: article.title,
    description: article.description,
    text: article.text,
    paragraphs: article.paragraphs,
    lang: article.lang,
    dir: article.dir,
    publishedAt: isoDate(article.publishedAt),
    modifiedAt: isoDate(article.modifiedAt),
    dateSource: article.dateSource,
    submittedAt: isoDate(job.submittedAt),
    fetchedAt: isoDate(job.fetch.fetchedAt),
    parsedAt: isoDate(job.parsedAt),
    indexedAt: now.toISOString(),
    authors: article.authors,
    tags: article.tags,
    submissionTags: job.submission.tags ?? [],
    priority: job.submission.priority ?? null,
    attribution: article.attribution,
    leadImage: article.leadImage,
    teasers: article.teasers,
    related: article.related,
    readMore: article.readMore,
    cluster: {
      id: job.cluster.id,
      role: job.cluster.role,
      similarity: job.cluster.similarity,
      contentHash: job.cluster.contentHash,
      size: job.cluster.size,
      sources: job.cluster.sources,
    },
    entities: job.entities.entities.map(toDocumentEntity),
    ...byType,
    parserVersion: job.parserVersion,
    warnings: article.warnings,
  };
}

function toDocumentEntity(entity: Entity): DocumentEntity {
  return {
    id: entity.id,
    type: entity.type,
    linked: entity.linked,
    name: entity.name,
    names: entity.names,
    count: entity.count,
    salience: entity.salience,
  };
}

/** Hostname of a URL, undefined when it does not parse. */
export function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
