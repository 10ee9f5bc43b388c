import { detectLanguage, normalizeForMatch, normalizeWhitespace } from '@khabar/text';
import { selectContent, type Teaser } from './content.ts';
import { decodeHtml } from './decode.ts';
import { parseMachineDate, parseTextDate, parseUrlDate, type ParsedDate } from './dates.ts';
import { walkPage, type Link, type PageFacts } from './dom-walk.ts';
import { ExtractionError } from './errors.ts';
import { parseBylines } from './bylines.ts';
import { cleanTitle, readJsonLd, resolveUrl, type LdArticle } from './metadata.ts';
import { inferPageZone, zonedToUtc, type ZoneEvidence } from './zones.ts';

/** Bumped whenever output for the same bytes may change (stored with each article). */
export const EXTRACTOR_VERSION = 'khabar-extract/1.1.0';

/** Structurally the same as `Article` from @khabar/contracts. */
export interface ExtractedArticle {
  title: string;
  text: string;
  paragraphs: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  dateSource: string | null;
  lang: string;
  dir: 'rtl' | 'ltr';
  canonicalUrl: string;
  siteName: string | null;
  description: string | null;
  authors: string[];
  tags: string[];
  teasers: Teaser[];
  related: Link[];
  readMore: Link[];
  attribution: string[];
  leadImage: string | null;
  warnings: string[];
}

export interface ExtractInput {
  readonly html: string;
  readonly url: string;
  readonly fetchedAt?: Date;
}

const RTL_LANGS: ReadonlySet<string> = new Set(['ar', 'fa', 'ur', 'he', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);
const SHORT_BODY = 300;
/** Beyond this, the tail of a page is never the article: cap the work. */
const MAX_HTML_CHARS = 5_000_000;

const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'publishdate', 'pubdate', 'publish-date',
  'publish_date', 'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date',
  'article.published', 'published_time', 'og:published_time', 'creation_date', 'cxenseparse:recs:publishtime',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified'];

function firstMeta(meta: ReadonlyMap<string, string>, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value !== undefined && value.trim() !== '') return { key, value };
  }
  return null;
}

/**
 * A zone-less date with a time of day takes the page's zone when the page gives evidence
 * (`text+zone:Africa/Cairo(locale)`); otherwise it stays UTC and says so (`text+assumed-utc`).
 */
function placeInZone(d: ParsedDate, source: string, zone: ZoneEvidence | null): { iso: string; source: string } {
  if (!d.assumedUtc) return { iso: d.iso, source };
  if (zone !== null && d.hasTime === true && d.wallMs !== undefined) {
    return { iso: new Date(zonedToUtc(d.wallMs, zone.zone)).toISOString(), source: `${source}+zone:${zone.zone}(${zone.from})` };
  }
  return { iso: d.iso, source: `${source}+assumed-utc` };
}

interface DateFinding {
  readonly publishedAt: string | null;
  readonly modifiedAt: string | null;
  readonly dateSource: string | null;
}

function findDates(facts: PageFacts, ld: LdArticle | null, url: string, topTexts: readonly string[], now: Date | null, zone: ZoneEvidence | null): DateFinding {
  const modifiedRaw = ld?.dateModified ?? firstMeta(facts.meta, MODIFIED_META)?.value ?? null;
  const modifiedParsed = modifiedRaw === null ? null : parseMachineDate(modifiedRaw);
  const modified = modifiedParsed === null ? null : placeInZone(modifiedParsed, 'modified', zone);
  const found = (d: ParsedDate | null, source: string): DateFinding | null => {
    if (d === null) return null;
    const placed = placeInZone(d, source, zone);
    return { publishedAt: placed.iso, modifiedAt: modified?.iso ?? null, dateSource: placed.source };
  };

  if (ld?.datePublished != null) {
    const r = found(parseMachineDate(ld.datePublished), 'json-ld');
    if (r !== null) return r;
  }
  const m = firstMeta(facts.meta, PUBLISHED_META);
  if (m !== null) {
    const r = found(parseMachineDate(m.value), `meta:${m.key}`);
    if (r !== null) return r;
  }
  const times = [...facts.times].sort((a, b) => Number(b.hint) - Number(a.hint));
  for (const t of times) {
    const r = found(parseMachineDate(t.datetime), 'time');
    if (r !== null) return r;
  }
  for (const text of topTexts) {
    if (text.length > 200) continue;
    const r = found(parseTextDate(text, now), 'text');
    if (r !== null) return r;
  }
  const u = found(parseUrlDate(url), 'url');
  if (u !== null) return u;
  return { publishedAt: null, modifiedAt: modified?.iso ?? null, dateSource: null };
}

/**
 * Pulls the article out of one HTML page. Pure: no network, no clock unless `fetchedAt` is given
 * (relative dates like "منذ ساعتين" need it). Throws `ExtractionError` only when the page holds no
 * usable text at all; everything else degrades into `warnings`.
 */
export function extractArticle(input: ExtractInput): ExtractedArticle {
  const warnings: string[] = [];
  let html = input.html;
  if (html.length > MAX_HTML_CHARS) {
    html = html.slice(0, MAX_HTML_CHARS);
    warnings.push('truncated_html');
  }
  let facts: PageFacts;
  try {
    facts = walkPage(html);
  } catch (cause) {
    throw new ExtractionError('KHABAR_E_EXTRACT_FAILED', 'HTML could not be parsed', input.url, { cause });
  }
  const ld = readJsonLd(facts.jsonLd);
  const meta = facts.meta;
  const resolve = (href: string): string | null => resolveUrl(href, input.url);

  const siteName = nonEmpty(meta.get('og:site_name')) ?? nonEmpty(meta.get('application-name')) ?? ld?.publisher ?? null;
  const h1 = facts.h1[0]?.text ?? null;
  const rawTitle = nonEmpty(meta.get('og:title')) ?? ld?.headline ?? nonEmpty(facts.title) ?? h1 ?? '';
  let title = cleanTitle(rawTitle, siteName, h1);
  if (title === '' && h1 !== null) title = h1;
  if (h1 === null) title = visibleHeadline(facts, title);

  const content = selectContent(facts, title, resolve, ld?.articleBody ?? null);
  let paragraphs = content.paragraphs;
  if (paragraphs.length === 0 && ld?.articleBody != null) {
    paragraphs = ld.articleBody.split(/\n\s*\n|\r\n\s*\r\n/).map((p) => normalizeWhitespace(p)).filter((p) => p !== '');
    if (paragraphs.length > 0) warnings.push('body_from_json_ld');
  }
  const text = paragraphs.join('\n\n');
  if (text === '') {
    const description = nonEmpty(meta.get('og:description')) ?? nonEmpty(meta.get('description'));
    if (title === '' && description === null) {
      throw new ExtractionError('KHABAR_E_EXTRACT_EMPTY', 'no article text on the page', input.url);
    }
    warnings.push('no_body');
  }

  // Dates in visible text sit near the headline: look at the blocks around it first.
  const h1Index = Math.max(content.headlineBlock, 0);
  const topTexts = facts.blocks.slice(Math.max(0, h1Index - 3), h1Index + 8).map((b) => b.text);
  const canonicalUrl = resolve(facts.canonical ?? '') ?? resolve(meta.get('og:url') ?? '') ?? input.url;
  const zone = inferPageZone([meta.get('og:locale'), ld?.inLanguage, facts.htmlLang, meta.get('content-language')], [canonicalUrl, input.url]);
  const dates = findDates(facts, ld, input.url, topTexts, input.fetchedAt ?? null, zone);
  if (dates.publishedAt === null) warnings.push('no_date');

  const langSample = text !== '' ? text : `${title} ${meta.get('description') ?? ''}`;
  let lang = detectLanguage(langSample);
  if (lang === 'und' && facts.htmlLang !== null) lang = facts.htmlLang.toLowerCase().split(/[-_]/)[0] ?? 'und';
  const dir: 'rtl' | 'ltr' = RTL_LANGS.has(lang) ? 'rtl' : lang === 'und' && facts.htmlDir?.toLowerCase() === 'rtl' ? 'rtl' : 'ltr';

  let tags = content.tags;
  if (tags.length === 0) tags = [...new Set(facts.relTags)];
  if (tags.length === 0 && ld !== null) tags = [...ld.keywords];
  if (tags.length === 0) {
    const kw = meta.get('keywords') ?? meta.get('news_keywords');
    if (kw !== undefined) tags = kw.split(/[,،;]/).map((k) => normalizeWhitespace(k)).filter((k) => k !== '' && k.length <= 60);
  }
  const bylines = parseBylines(facts.bylines, siteName);
  const notSite = (a: string): boolean => siteName === null || a.toLowerCase() !== siteName.toLowerCase();
  const ldAuthors = (ld?.authors ?? []).filter((a) => notSite(a) && a !== ld?.publisher);
  const authorList = ldAuthors.length > 0 ? ldAuthors
    : facts.authors.length > 0 ? [...facts.authors]
      : bylines.authors.length > 0 ? bylines.authors
        : parseBylines(meta.get('author') === undefined ? [] : [meta.get('author') as string], siteName).authors;
  const authors = [...new Set(authorList)];

  if (text.length > 0 && text.length < SHORT_BODY) warnings.push('short_body');
  if (content.indexLike) warnings.push('index_page');
  if (title === '') warnings.push('no_title');

  return {
    title,
    text,
    paragraphs,
    publishedAt: dates.publishedAt,
    modifiedAt: dates.modifiedAt,
    dateSource: dates.dateSource,
    lang,
    dir,
    canonicalUrl,
    siteName,
    description: nonEmpty(meta.get('og:description')) ?? nonEmpty(meta.get('description')) ?? ld?.description ?? null,
    authors,
    tags,
    teasers: content.teasers,
    related: content.related,
    readMore: content.readMore,
    attribution: [...new Set([...content.attribution, ...bylines.attribution])],
    leadImage: resolve(meta.get('og:image') ?? meta.get('twitter:image') ?? ld?.image ?? facts.firstImage ?? ''),
    warnings,
  };
}

/**
 * Pages without <h1> (legacy <font><b> layouts) often show a fuller headline than their <title>:
 * a bold or heading block near the top that starts with the title wins.
 */
function visibleHeadline(facts: PageFacts, title: string): string {
  const key = normalizeForMatch(title);
  if (key.length < 10) return title;
  for (const b of facts.blocks.slice(0, 40)) {
    if (b.text.length > title.length * 2.5 || b.text.length < title.length) continue;
    if (!(b.strongOnly || /^h[2-4]$/.test(b.tag))) continue;
    if (normalizeForMatch(b.text).startsWith(key)) return b.text;
  }
  return title;
}

function nonEmpty(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = normalizeWhitespace(s);
  return t === '' ? null : t;
}

export interface ExtractFromBytesInput {
  readonly bytes: Uint8Array;
  readonly url: string;
  readonly headerCharset?: string | null;
  readonly fetchedAt?: Date;
}

/** `decodeHtml` then `extractArticle`; the charset used is returned beside the article. */
export function extractFromBytes(input: ExtractFromBytesInput): { article: ExtractedArticle; charset: string } {
  const decoded = decodeHtml(input.bytes, input.headerCharset ?? null);
  const article = extractArticle(
    input.fetchedAt === undefined ? { html: decoded.html, url: input.url } : { html: decoded.html, url: input.url, fetchedAt: input.fetchedAt },
  );
  return { article, charset: decoded.charset };
}
