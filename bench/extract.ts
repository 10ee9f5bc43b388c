/**
 * pnpm bench:extract — scores Khabar's extractor and Mozilla Readability (jsdom) side by side on
 * the gold corpus (packages/fixture-site/sites: hand-written expected.json beside each page):
 * shingle precision/recall/F1 (the public benchmark's metric), boilerplate leaks, title, date and
 * language accuracy, per language; then CPU throughput of both on the same pages.
 * The last line printed is one JSON object with every figure.
 */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml, extractArticle } from '@khabar/extract';
import { loadFixturePages, readPageBytes, type FixturePage } from '@khabar/fixture-site';
import { f1OfAverages, scorePage, type PageScore } from './lib/shingles.ts';

interface Output {
  readonly title: string;
  readonly text: string;
  readonly publishedAt: string | null;
  readonly lang: string | null;
}

type Extractor = (html: string, url: string) => Output;

const khabar: Extractor = (html, url) => {
  const a = extractArticle({ html, url, fetchedAt: new Date('2026-11-28T12:00:00Z') });
  return { title: a.title, text: a.text, publishedAt: a.publishedAt, lang: a.lang };
};

const quiet = new VirtualConsole();
const readability: Extractor = (html, url) => {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  const r = new Readability(dom.window.document).parse();
  dom.window.close();
  const published = r?.publishedTime ? new Date(r.publishedTime) : null;
  return {
    title: r?.title ?? '',
    text: r?.textContent ?? '',
    publishedAt: published && !Number.isNaN(published.getTime()) ? published.toISOString() : null,
    lang: r?.lang ? r.lang.slice(0, 2).toLowerCase() : null,
  };
};

const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();

interface Tally {
  scores: PageScore[];
  leakPages: number;
  leaks: number;
  titles: number;
  dates: number;
  datedPages: number;
  langs: number;
  pages: number;
}

function emptyTally(): Tally {
  return { scores: [], leakPages: 0, leaks: 0, titles: 0, dates: 0, datedPages: 0, langs: 0, pages: 0 };
}

function judge(tally: Tally, page: FixturePage, out: Output): void {
  const exp = page.expected;
  const body = norm(out.text);
  tally.pages += 1;
  tally.scores.push(scorePage(body, norm(exp.paragraphs.join('\n\n'))));
  const leaked = exp.mustNotContain.filter((s) => body.includes(norm(s)));
  tally.leaks += leaked.length;
  if (leaked.length) tally.leakPages += 1;
  if (norm(out.title) === norm(exp.title)) tally.titles += 1;
  if (exp.publishedAt) {
    tally.datedPages += 1;
    if (out.publishedAt && new Date(out.publishedAt).getTime() === new Date(exp.publishedAt).getTime()) tally.dates += 1;
  }
  if (out.lang === exp.lang) tally.langs += 1;
}

function summary(t: Tally) {
  const { precision, recall, f1 } = f1OfAverages(t.scores);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    pages: t.pages,
    precision: r(precision),
    recall: r(recall),
    f1: r(f1),
    leakPages: t.leakPages,
    leaks: t.leaks,
    titleAccuracy: r(t.titles / Math.max(t.pages, 1)),
    dateAccuracy: r(t.dates / Math.max(t.datedPages, 1)),
    langAccuracy: r(t.langs / Math.max(t.pages, 1)),
  };
}

function throughput(extract: Extractor, inputs: ReadonlyArray<{ html: string; url: string }>, minCpuMs: number): number {
  let pages = 0;
  const start = process.cpuUsage();
  let used = 0;
  while (used < minCpuMs * 1000) {
    for (const i of inputs) extract(i.html, i.url);
    pages += inputs.length;
    const d = process.cpuUsage(start);
    used = d.user + d.system;
  }
  return Math.round((pages / (used / 1e6)) * 10) / 10;
}

const pages = loadFixturePages();
const inputs = pages.map((p) => ({ page: p, html: decodeHtml(readPageBytes(p), p.contentType.match(/charset=([^;]+)/i)?.[1] ?? null).html, url: `http://127.0.0.1:8081${p.path}` }));
const results: Record<string, Record<string, ReturnType<typeof summary>>> = {};
for (const [name, fn] of [['khabar', khabar], ['readability', readability]] as const) {
  const byLang: Record<string, Tally> = { all: emptyTally(), ar: emptyTally(), en: emptyTally() };
  for (const { page, html, url } of inputs) {
    let out: Output;
    try {
      out = fn(html, url);
    } catch {
      out = { title: '', text: '', publishedAt: null, lang: null };
    }
    judge(byLang['all']!, page, out);
    judge((byLang[page.lang] ??= emptyTally()), page, out);
  }
  results[name] = Object.fromEntries(Object.entries(byLang).map(([k, v]) => [k, summary(v)]));
}

const avgKb = Math.round(inputs.reduce((a, i) => a + Buffer.byteLength(i.html), 0) / inputs.length / 102.4) / 10;
const minCpuMs = Number(process.env['BENCH_MIN_CPU_MS'] ?? 3000);
const speed = { khabarPagesPerCpuSec: throughput(khabar, inputs, minCpuMs), readabilityPagesPerCpuSec: throughput(readability, inputs, minCpuMs), avgPageKb: avgKb };

const line = (name: string, lang: string) => {
  const s = results[name]?.[lang];
  return s ? `${name.padEnd(12)} ${lang.padEnd(4)} pages ${String(s.pages).padStart(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  leaks ${s.leaks} (${s.leakPages} pages)  title ${s.titleAccuracy.toFixed(2)}  date ${s.dateAccuracy.toFixed(2)}  lang ${s.langAccuracy.toFixed(2)}` : '';
};
console.log(`gold corpus: ${pages.length} pages, ${new Set(pages.map((p) => p.site)).size} site templates, average ${avgKb} KB`);
for (const lang of ['all', 'ar', 'en']) for (const name of ['khabar', 'readability']) console.log(line(name, lang));
console.log(`throughput (pages per CPU second, one core): khabar ${speed.khabarPagesPerCpuSec}, readability+jsdom ${speed.readabilityPagesPerCpuSec}`);
console.log(JSON.stringify({ bench: 'extract', ...speed, results }));
