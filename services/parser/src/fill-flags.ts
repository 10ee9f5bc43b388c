/** The fields whose fill rate per site is watched: a layout change shows up as a drop in one of them. */
export const QUALITY_FIELDS = ['body', 'title', 'date', 'author', 'language', 'image'] as const;
export type QualityField = (typeof QUALITY_FIELDS)[number];

export interface ArticleLike {
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string | null;
  readonly authors: readonly string[];
  readonly lang: string;
  readonly leadImage: string | null;
}

/** Below this many characters the body counts as missing (teaser-only or a failed selection). */
export const MIN_BODY_CHARS = 300;

export type FillFlags = Readonly<Record<QualityField, boolean>>;

/** Which watched fields the extractor filled for one article. Pure. */
export function computeFillFlags(article: ArticleLike): FillFlags {
  return {
    body: article.text.length >= MIN_BODY_CHARS,
    title: article.title.trim() !== '',
    date: article.publishedAt !== null,
    author: article.authors.length > 0,
    language: article.lang !== 'und' && article.lang !== '',
    image: article.leadImage !== null,
  };
}

/** "www.Example.com" → "example.com"; null for unparseable URLs. */
export function siteOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.startsWith('www.') ? host.slice(4) : host;
  } catch {
    return null;
  }
}

export interface DomainLabelerOptions {
  /** Domains that get their own label; everything else is "other". */
  readonly maxDomains: number;
  /** A domain is admitted once it has sent this many articles (one-off sites stay "other"). */
  readonly minArticles: number;
  /** Candidates counted at most; the counts reset when full (bounded memory). */
  readonly maxCandidates?: number;
}

/**
 * Bounded label cardinality: the first `maxDomains` domains to reach `minArticles` keep their own
 * label for the life of the process (a label never moves, so counters stay consistent); the rest
 * are "other".
 */
export function createDomainLabeler(options: DomainLabelerOptions): (domain: string | null) => string {
  const admitted = new Set<string>();
  const candidates = new Map<string, number>();
  const maxCandidates = options.maxCandidates ?? 10_000;
  return (domain) => {
    if (domain === null || domain === '') return 'other';
    if (admitted.has(domain)) return domain;
    if (admitted.size >= options.maxDomains) return 'other';
    const seen = (candidates.get(domain) ?? 0) + 1;
    if (seen >= options.minArticles) {
      candidates.delete(domain);
      admitted.add(domain);
      return domain;
    }
    if (candidates.size >= maxCandidates) candidates.clear();
    candidates.set(domain, seen);
    return 'other';
  };
}
