import { normalizeForMatch, normalizeWhitespace } from '@khabar/text';

/** The facts we take from JSON-LD (schema.org Article / NewsArticle / BlogPosting / ...). */
export interface LdArticle {
  readonly headline: string | null;
  readonly articleBody: string | null;
  readonly datePublished: string | null;
  readonly dateModified: string | null;
  readonly authors: readonly string[];
  readonly keywords: readonly string[];
  readonly publisher: string | null;
  readonly image: string | null;
  readonly description: string | null;
  /** BCP 47 tag ("ar-EG"): its region is zone evidence. */
  readonly inLanguage: string | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|LiveBlogPosting|WebPage|ScholarlyArticle|Report|BackgroundNewsArticle)$/;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return normalizeWhitespace(v) || null;
  if (Array.isArray(v)) return str(v[0]);
  if (isObject(v)) return str(v['name'] ?? v['url'] ?? v['@value']);
  return null;
}

function names(v: Json | undefined, people = false): string[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of list) {
    // An Organization as author (the site, a news agency) is a credit, not a byline.
    if (people && isObject(item) && typeOf(item).some((t) => /^(Organization|NewsMediaOrganization|Corporation)$/.test(t))) continue;
    const s = typeof item === 'string' ? normalizeWhitespace(item) : isObject(item) ? str(item['name']) : null;
    if (s !== null && s !== '') out.push(s);
  }
  return out;
}

function typeOf(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
}

/** Picks the most article-like object from every JSON-LD script; broken JSON is skipped. */
export function readJsonLd(scripts: readonly string[]): LdArticle | null {
  const found: Array<Record<string, Json>> = [];
  for (const raw of scripts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue;
    }
    const queue: unknown[] = [parsed];
    let budget = 200;
    while (queue.length > 0 && budget-- > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (isObject(item)) {
        if (typeOf(item).some((t) => ARTICLE_TYPES.test(t))) found.push(item);
        if (item['@graph'] !== undefined) queue.push(item['@graph']);
        if (isObject(item['mainEntity'])) queue.push(item['mainEntity']);
      }
    }
  }
  if (found.length === 0) return null;
  // Prefer real articles over WebPage, and ones with a body.
  found.sort((a, b) => rank(b) - rank(a));
  const o = found[0] as Record<string, Json>;
  const kw = o['keywords'];
  const keywords = typeof kw === 'string' ? kw.split(/[,،;]/).map((k) => normalizeWhitespace(k)).filter((k) => k !== '') : names(kw);
  const image = o['image'];
  return {
    headline: str(o['headline']) ?? str(o['name']),
    articleBody: typeof o['articleBody'] === 'string' ? o['articleBody'] : null,
    datePublished: str(o['datePublished']) ?? str(o['dateCreated']),
    dateModified: str(o['dateModified']),
    authors: names(o['author'], true),
    keywords,
    publisher: isObject(o['publisher']) ? str(o['publisher']['name']) : str(o['publisher']),
    image: isObject(image) ? str(image['url']) : str(image),
    description: str(o['description']),
    inLanguage: str(o['inLanguage']),
  };
}

function rank(o: Record<string, Json>): number {
  let r = 0;
  if (typeOf(o).some((t) => t !== 'WebPage')) r += 2;
  if (typeof o['articleBody'] === 'string') r += 1;
  if (o['datePublished'] !== undefined) r += 1;
  return r;
}

const SEPARATORS = /\s+[|\-–—:·•»«]\s+|\s+::\s+/;

/**
 * Removes a site-name prefix/suffix (" | RT Arabic", "BBC News - ...") from a page title.
 * A part is dropped when it matches the site name or is short next to the rest.
 */
export function cleanTitle(raw: string, siteName: string | null, h1: string | null): string {
  const title = normalizeWhitespace(raw);
  if (h1 !== null && h1.length >= 10) {
    const nh = normalizeForMatch(h1);
    if (nh !== '' && normalizeForMatch(title).includes(nh)) return normalizeWhitespace(h1);
  }
  const parts = title.split(SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) return title;
  const site = siteName === null ? '' : normalizeForMatch(siteName);
  const kept = parts.filter((p) => {
    const np = normalizeForMatch(p);
    return !(site !== '' && (np === site || site.includes(np) || np.includes(site)));
  });
  const candidates = kept.length > 0 ? kept : parts;
  if (candidates.length === 1) return candidates[0] as string;
  // Keep the longest part when the others look like names (few words).
  const longest = candidates.reduce((a, b) => (b.length > a.length ? b : a));
  const others = candidates.filter((p) => p !== longest);
  if (others.every((p) => p.split(/\s+/).length <= 4)) return longest;
  return candidates.join(' - ');
}

export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (href === null || href === undefined) return null;
  const h = href.trim();
  if (h === '' || /^(javascript|mailto|data):/i.test(h)) return null;
  try {
    return new URL(h, base).href;
  } catch {
    return null;
  }
}
