import { createRng, intBetween, pick, type Rng } from './prng.ts';
import type { TextPools } from './text-pools.ts';

/**
 * The benchmark corpus: an endless, deterministic sequence of news pages spread over many
 * loopback hosts. Page i's markup is rebuilt from (seed, i) on every request; nothing is stored.
 * 60 % of hosts are Arabic, 40 % English; every tenth page (from page 20 on) is a syndicated
 * near-copy of an earlier page of the same language on another host.
 */
export interface CorpusOptions {
  readonly hosts: number;
  readonly seed: number;
}

export interface PageSpec {
  readonly index: number;
  readonly host: string;
  readonly lang: 'ar' | 'en';
  readonly template: Template;
  readonly path: string;
  /** Index of the page this one copies, or null for an original. */
  readonly copyOf: number | null;
  readonly targetBytes: number;
}

type Template = 'wire' | 'rt' | 'portal';
const TEMPLATES: readonly Template[] = ['wire', 'rt', 'portal'];

export function hostAddress(h: number): string {
  return `127.0.${1 + Math.floor(h / 254)}.${1 + (h % 254)}`;
}

export function hostLang(h: number): 'ar' | 'en' {
  return h % 5 < 3 ? 'ar' : 'en';
}

function isCopy(i: number): boolean {
  return i >= 20 && i % 10 === 7;
}

export function pageSpec(options: CorpusOptions, index: number): PageSpec {
  const h = index % options.hosts;
  const lang = hostLang(h);
  let copyOf: number | null = null;
  if (isCopy(index)) {
    for (let j = index - 1; j >= 0; j -= 1) {
      const hj = j % options.hosts;
      if (!isCopy(j) && hostLang(hj) === lang && hj !== h) {
        copyOf = j;
        break;
      }
    }
  }
  const rng = createRng(options.seed * 1_000_003 + index);
  const targetBytes = intBetween(rng, 30_000, 150_000);
  const template = TEMPLATES[h % TEMPLATES.length] ?? 'wire';
  const month = String(1 + (index % 12)).padStart(2, '0');
  return { index, host: hostAddress(h), lang, template, path: `/news/2025/${month}/story-${index}.html`, copyOf, targetBytes };
}

/** The page index in a corpus path, or undefined for anything else. */
export function indexFromPath(path: string): number | undefined {
  const m = /^\/news\/\d{4}\/\d{2}\/story-(\d+)\.html$/u.exec(path);
  return m?.[1] ? Number(m[1]) : undefined;
}

interface Story {
  readonly title: string;
  readonly paragraphs: string[];
  readonly publishedAt: string;
  readonly author: string;
}

/** A pool sentence with about half its words swapped for random words of the same language, so
 * pages share almost no 3-word shingles (only syndicated copies should look like duplicates). */
function sentence(rng: Rng, pool: readonly string[], vocab: readonly string[]): string {
  return pick(rng, pool)
    .split(' ')
    .map((w) => (rng() < 0.5 ? pick(rng, vocab) : w))
    .join(' ')
    .replace(/\d+/gu, () => String(intBetween(rng, 2, 2025)));
}

const vocabCache = new WeakMap<readonly string[], readonly string[]>();
function vocabOf(pool: readonly string[]): readonly string[] {
  let vocab = vocabCache.get(pool);
  if (!vocab) {
    vocab = [...new Set(pool.flatMap((s) => s.split(' ')).filter((w) => /^[\p{L}]{2,}$/u.test(w)))];
    vocabCache.set(pool, vocab);
  }
  return vocab;
}

function story(options: CorpusOptions, pools: TextPools, index: number, lang: 'ar' | 'en'): Story {
  const rng = createRng(options.seed * 7_919 + index * 31 + 17);
  const pool = lang === 'ar' ? pools.ar : pools.en;
  const vocab = vocabOf(pool);
  const titleWords = sentence(rng, pool, vocab).split(' ').slice(0, intBetween(rng, 6, 11));
  const paragraphs: string[] = [];
  const count = intBetween(rng, 6, 18);
  for (let p = 0; p < count; p += 1) {
    const n = intBetween(rng, 1, 3);
    const parts: string[] = [];
    for (let s = 0; s < n; s += 1) parts.push(sentence(rng, pool, vocab));
    paragraphs.push(parts.join(' '));
  }
  const day = new Date(Date.UTC(2025, index % 12, 1 + (index % 28), intBetween(rng, 0, 23), intBetween(rng, 0, 59)));
  const authors = lang === 'ar' ? ['أحمد رشيد', 'نادية كريم', 'سامر الحلبي', 'ليلى منصور'] : ['Ahmed Rashid', 'Nadia Karim', 'Susan Fenton', 'Priya Menon'];
  return { title: `${titleWords.join(' ').replace(/[.،,:]+$/u, '')} ${index}`, paragraphs, publishedAt: day.toISOString(), author: pick(rng, authors) };
}

/** A syndicated copy: same story, one paragraph dropped, a credit line added, new headline suffix. */
function syndicate(original: Story, index: number, lang: 'ar' | 'en'): Story {
  const paragraphs = original.paragraphs.filter((_, i) => i !== original.paragraphs.length - 2);
  paragraphs.push(lang === 'ar' ? 'المصدر: وكالات' : 'Reporting by agencies; editing by the desk.');
  return { ...original, title: `${original.title.replace(/ \d+$/u, '')} ${index}`, paragraphs };
}

const escapeHtml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function boilerplate(rng: Rng, pools: TextPools, lang: 'ar' | 'en', bytes: number): { related: string; script: string } {
  const titles = lang === 'ar' ? pools.arTitles : pools.enTitles;
  const pool = lang === 'ar' ? pools.ar : pools.en;
  const items: string[] = [];
  let size = 0;
  const relatedBudget = bytes * 0.4;
  while (size < relatedBudget) {
    const li = `<li class="related__item"><a href="/news/related/${intBetween(rng, 1, 99_999)}.html">${escapeHtml(pick(rng, titles))}</a><span class="related__teaser">${escapeHtml(pick(rng, pool).slice(0, 90))}</span></li>\n`;
    items.push(li);
    size += Buffer.byteLength(li);
  }
  const state: string[] = [];
  let scriptSize = 0;
  while (scriptSize < bytes - size) {
    const entry = JSON.stringify({ id: intBetween(rng, 1, 1e9), slot: `ad-${intBetween(rng, 1, 40)}`, sizes: [[300, 250], [728, 90]], targeting: { s: pick(rng, ['world', 'economy', 'sport']), k: Math.floor(rng() * 1e12).toString(36) } });
    state.push(entry);
    scriptSize += entry.length + 1;
  }
  return { related: items.join(''), script: `window.__AD_STATE__ = [${state.join(',')}];` };
}

function nav(lang: 'ar' | 'en'): string {
  const sections = lang === 'ar' ? ['الرئيسية', 'أخبار العالم العربي', 'روسيا', 'العالم', 'اقتصاد', 'رياضة', 'علوم وتكنولوجيا', 'فيديو'] : ['Home', 'World', 'Business', 'Markets', 'Sustainability', 'Legal', 'Technology', 'Sports'];
  return `<nav class="nav-main"><ul>${sections.map((s, i) => `<li><a href="/section-${i}/">${s}</a></li>`).join('')}</ul></nav>`;
}

export function renderPage(options: CorpusOptions, pools: TextPools, spec: PageSpec): string {
  const original = spec.copyOf === null ? story(options, pools, spec.index, spec.lang) : syndicate(story(options, pools, spec.copyOf, spec.lang), spec.index, spec.lang);
  const rng = createRng(options.seed * 104_729 + spec.index);
  const dir = spec.lang === 'ar' ? 'rtl' : 'ltr';
  const site = spec.lang === 'ar' ? `موقع الأخبار ${spec.host}` : `News Site ${spec.host}`;
  const title = escapeHtml(original.title);
  const paras = original.paragraphs.map((p) => escapeHtml(p));
  const articleBytes = paras.reduce((n, p) => n + Buffer.byteLength(p) + 40, 2_000);
  const filler = boilerplate(rng, pools, spec.lang, Math.max(0, spec.targetBytes - articleBytes - 3_000));
  const head = `<!DOCTYPE html>
<html lang="${spec.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>${title} - ${site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:site_name" content="${site}">
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="${original.publishedAt}">
<meta name="author" content="${escapeHtml(original.author)}">
<link rel="canonical" href="http://${spec.host}${spec.path}">
<link rel="stylesheet" href="/static/main.css">
<script>${filler.script}</script>
</head>`;
  const aside = `<aside class="related"><h2>${spec.lang === 'ar' ? 'اقرأ أيضاً' : 'Read more'}</h2><ul>\n${filler.related}</ul></aside>`;
  const footer = `<footer class="site-footer"><p>© 2025 ${site}. ${spec.lang === 'ar' ? 'جميع الحقوق محفوظة' : 'All rights reserved.'}</p></footer>`;
  let body: string;
  switch (spec.template) {
    case 'wire':
      body = `<main id="main-content" class="article-page"><article class="article__container">
<header class="article-header"><h1 data-testid="Heading">${title}</h1>
<div class="article-header__byline">${spec.lang === 'ar' ? 'بقلم' : 'By'} <a rel="author" href="/authors/x/">${escapeHtml(original.author)}</a></div>
<div class="article-header__dateline"><time datetime="${original.publishedAt}">${original.publishedAt.slice(0, 10)}</time></div></header>
<div class="article-body__content" data-testid="ArticleBody">
${paras.map((p, i) => `<p data-testid="paragraph-${i}" class="text__paragraph">${p}</p>`).join('\n')}
</div></article>${aside}</main>`;
      break;
    case 'rt':
      body = `<main class="layout"><article class="article" itemscope itemtype="https://schema.org/NewsArticle">
<h1 class="article__heading" itemprop="headline">${title}</h1>
<div class="article__date"><time itemprop="datePublished" datetime="${original.publishedAt}">${original.publishedAt.slice(0, 16).replace('T', ' ')}</time></div>
<div class="article__text" itemprop="articleBody">
${paras.map((p) => `<p>${p}</p>`).join('\n')}
</div></article>${aside}</main>`;
      break;
    case 'portal':
      body = `<div id="wrapper"><div class="content"><div class="post">
<h1 class="post-title">${title}</h1><span class="post-date" data-time="${original.publishedAt}">${original.publishedAt.slice(0, 10)}</span>
<div id="post-body" class="entry-content">
${paras.map((p, i) => `<p>${p}</p>${i === 2 ? '<div class="ad-slot" id="mid-article-ad"></div>' : ''}`).join('\n')}
</div></div></div><div class="sidebar">${aside}</div></div>`;
      break;
  }
  return `${head}\n<body>\n<header class="header">${nav(spec.lang)}</header>\n${body}\n${footer}\n</body>\n</html>\n`;
}
