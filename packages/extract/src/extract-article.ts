import { detectLanguage, normalizeForMatch, normalizeWhitespace } from '@khabar/text';
import { selectContent, type Teaser } from './content.ts';
import { decodeHtml } from './decode.ts';
import { walkPage, type Link, type PageFacts } from './dom-walk.ts';
import { ExtractionError } from './errors.ts';
import { parseBylines, scanHeadlineBylines } from './bylines.ts';
import { datelineCandidates, findDates } from './find-dates.ts';
import { cleanTitle, readJsonLd, resolveUrl } from './metadata.ts';
import { inferPageZone } from './zones.ts';
import { articleKeywords } from './site-keywords.ts';

/** Bumped whenever output for the same bytes may change (stored with each article). */
export const EXTRACTOR_VERSION = 'khabar-extract/1.4.1';

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
  const h1 = pickHeadline(facts, nonEmpty(meta.get('og:title')) ?? ld?.headline ?? nonEmpty(facts.title) ?? '', siteName);
  const rawTitle = nonEmpty(meta.get('og:title')) ?? ld?.headline ?? nonEmpty(facts.title) ?? h1 ?? '';
  let title = cleanTitle(rawTitle, siteName, h1);
  if (title === '' && h1 !== null) title = h1;
  // A <title>/og:title shortened for search results ("Wildfire forces evacuations") under a fuller
  // visible headline: the reader sees the headline.
  if (h1 !== null && title.length >= 10 && h1.length > title.length && normalizeForMatch(h1).includes(normalizeForMatch(title))) title = normalizeWhitespace(h1);
  if (h1 === null) title = visibleHeadline(facts, title);

  const content = selectContent(facts, title, resolve, ld?.articleBody ?? null);
  let paragraphs = content.paragraphs;
  if (ld?.articleBody != null && (paragraphs.length === 0 || missesLdBody(paragraphs, ld.articleBody))) {
    const fromLd = ld.articleBody.split(/\n\s*\n|\r\n\s*\r\n/).map((p) => normalizeWhitespace(p)).filter((p) => p !== '');
    if (fromLd.length > 0) {
      paragraphs = fromLd;
      warnings.push('body_from_json_ld');
    }
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
  const topTexts = datelineCandidates(facts, h1Index);
  const canonicalUrl = resolve(facts.canonical ?? '') ?? resolve(meta.get('og:url') ?? '') ?? input.url;
  // Page furniture (header, footer, widgets, unmarked footers after the story) may say where the
  // site is; the article text may not (its dateline names the story's place).
  const bodyText = new Set(paragraphs);
  const furniture = facts.blocks.filter((b) => b.text.length <= 300 && !bodyText.has(b.text)).map((b) => b.text);
  const zone = inferPageZone([meta.get('og:locale'), ld?.inLanguage, facts.htmlLang, meta.get('content-language')], [canonicalUrl, input.url], furniture);
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
    if (kw !== undefined) tags = articleKeywords(kw, [siteName, titleSitePart(facts.title, title)]);
  }
  const bylines = parseBylines([...facts.bylines, ...content.bylines], siteName);
  // «القاهرة - وادي نيوز» names the site: with no og:site_name, the <title>'s site part says so.
  const siteLabel = siteName ?? titleSitePart(facts.title, title);
  const scanned = scanHeadlineBylines(facts.blocks, content.headlineBlock, new Set(paragraphs), siteLabel, input.fetchedAt ?? null);
  // WordPress SEO plugins name the site's own account as the JSON-LD author.
  const notSite = (a: string): boolean => siteLabel === null || a.toLowerCase() !== siteLabel.toLowerCase();
  // JSON-LD names get the same cleaning as visible bylines ("By Jane Roe", "Jane Roe, Staff Writer").
  const ldAuthors = parseBylines((ld?.authors ?? []).filter((a) => notSite(a) && a !== ld?.publisher), siteName).authors;
  const relAuthors = parseBylines(facts.authors, siteName).authors;
  const visible = relAuthors.length > 0 ? relAuthors : bylines.authors.length > 0 ? bylines.authors : scanned.authors;
  const authorList = ldAuthors.length > 0 ? asShown(ldAuthors, visible)
    : visible.length > 0 ? visible
      : parseBylines(AUTHOR_META.map((k) => meta.get(k)).filter((v): v is string => v !== undefined).slice(0, 1), siteName).authors;
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
    attribution: [...new Set([...content.attribution, ...bylines.attribution, ...scanned.attribution])],
    leadImage: resolve(meta.get('og:image') ?? meta.get('twitter:image') ?? ld?.image ?? facts.firstImage ?? ''),
    warnings,
  };
}


/**
 * The page's HTML does not hold the story that JSON-LD `articleBody` carries (a script-rendered
 * page whose shell has only an "about us" blurb): the picked text is shorter than the JSON-LD body
 * and holds fewer than half of its paragraphs.
 */
function missesLdBody(paragraphs: readonly string[], articleBody: string): boolean {
  const picked = paragraphs.join(' ');
  if (articleBody.length < 200 || picked.length >= articleBody.length) return false;
  const ldParas = articleBody.split(/\n\s*\n|\r\n\s*\r\n/).map((p) => normalizeForMatch(p).slice(0, 60)).filter((p) => p.length >= 20);
  if (ldParas.length === 0) return false;
  const text = normalizeForMatch(picked);
  return ldParas.filter((p) => text.includes(p)).length * 2 < ldParas.length;
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

/**
 * The <h1> that is the story's headline: the first one the page title contains (or that contains
 * it), else the first that is not the site's name (themes that put the logo in an <h1>).
 */
function pickHeadline(facts: PageFacts, rawTitle: string, siteName: string | null): string | null {
  const key = normalizeForMatch(rawTitle);
  const site = siteName === null ? '' : normalizeForMatch(siteName);
  const all = facts.h1.slice(0, 10).map((h) => ({ text: h.text, key: normalizeForMatch(h.text) }));
  const matching = all.find((h) => h.key.length >= 10 && key.length >= 10 && (key.includes(h.key) || h.key.includes(key)) && h.key !== site);
  return (matching ?? all.find((h) => h.key !== site && !key.endsWith(h.key) && !key.startsWith(h.key)) ?? all[0])?.text ?? null;
}

/** «صحيفة الديوان :: عنوان الخبر» → «صحيفة الديوان»: what the `<title>` adds to the headline. */
function titleSitePart(rawTitle: string, title: string): string | null {
  if (title === '') return null;
  const raw = normalizeWhitespace(rawTitle);
  const at = raw.indexOf(title);
  if (at < 0) return null;
  const rest = normalizeWhitespace(`${raw.slice(0, at)} ${raw.slice(at + title.length)}`).replace(/^[\s|:：\-–—·•]+|[\s|:：\-–—·•]+$/gu, '');
  return rest === '' ? null : rest;
}

/** Author metas, first present wins ("byl" is the "By A and B" line some CMSs emit). */
const AUTHOR_META = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'];

/** JSON-LD names, spelled as the page shows them when the visible byline names the same people ("DANIEL WHITMORE"). */
function asShown(ld: readonly string[], visible: readonly string[]): string[] {
  const key = (s: string): string => s.toLocaleLowerCase().replace(/\s+/g, ' ');
  const shown = new Map(visible.map((v) => [key(v), v]));
  return ld.map((a) => shown.get(key(a)) ?? a);
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
