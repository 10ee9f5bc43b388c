import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng as rng } from '../../../test/support/rng.ts';
import { articleSchema } from '@khabar/contracts';
import { ExtractionError, extractArticle, extractFromBytes } from '../src/index.ts';

/**
 * Seeded fuzzing: a few hundred random mutations of the fixture pages (cut, duplicated and
 * shuffled slices, stray and unclosed tags, deep nesting, broken entities, comments and CDATA left
 * open, corrupted bytes). Every case must give an article that satisfies the contract schema, or
 * our own `ExtractionError` — never a TypeError, RangeError or a hang.
 */
const FIXTURES = join(import.meta.dirname, 'fixtures');
const pages: string[] = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

const JUNK = [
  '<div>', '</div>', '<p>', '</p>', '<table><tr><td>', '</td></tr>', '<li>', '<br>', '<br/><br/>', '<h1>', '</h1>', '<!--', '-->',
  '<![CDATA[', ']]>', '<script>', '</script>', '<style>', '<svg><foreignObject>', '<math><mi>', '<template>', '<noscript>',
  '&#x', '&#99999999;', '&amp', '&nbsp;', '"', "'", '<', '>', '</', '<a href="javascript:', '<meta charset="windows-1256">',
  '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"9999-99-99","author":[null,{"name":{}}],"headline":[1]}</script>',
  '<time datetime="2024-02-30T25:61">', '\u0000', '\uFFFD', '\u202E', '\u200F', 'منذ 99999999999 ساعة', '31 فبراير 2024', 'May 99, 20245',
  '<p class="related">إقرأ أيضاً</p>', '<html lang="ar-">', '<base href="::::">', '<link rel="canonical" href="http://[::1">',
];

function mutate(html: string, r: () => number): string {
  let s = html;
  const ops = 1 + Math.floor(r() * 6);
  for (let i = 0; i < ops; i++) {
    const at = Math.floor(r() * (s.length + 1));
    const len = Math.floor(r() * Math.min(400, s.length + 1));
    switch (Math.floor(r() * 8)) {
      case 0: s = s.slice(0, at) + s.slice(at + len); break;
      case 1: s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + Math.floor(r() * 5)) + s.slice(at); break;
      case 2: s = s.slice(0, at) + (JUNK[Math.floor(r() * JUNK.length)] ?? '') + s.slice(at); break;
      case 3: s = s.slice(0, at); break;
      case 4: {
        const depth = 200 + Math.floor(r() * 3000);
        const tag = ['div', 'span', 'b', 'p', 'table', 'ul'][Math.floor(r() * 6)] ?? 'div';
        s = s.slice(0, at) + `<${tag}>`.repeat(depth) + s.slice(at);
        break;
      }
      case 5: {
        const b = Math.floor(r() * s.length);
        s = s.slice(0, at) + s.slice(b, b + len) + s.slice(at);
        break;
      }
      case 6: s = s.replace(/<\/?(p|div|h1|article|body)\b[^>]*>/g, (m) => (r() < 0.3 ? '' : m)); break;
      default: s = s.slice(0, at) + String.fromCharCode(...Array.from({ length: len % 40 }, () => Math.floor(r() * 0x700))) + s.slice(at);
    }
  }
  return s;
}

function check(run: () => unknown): 'ok' | string {
  try {
    const out = run();
    const article = (out as { article?: unknown }).article ?? out;
    const parsed = articleSchema.safeParse(article);
    if (!parsed.success) throw new Error(`schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
    return 'ok';
  } catch (e) {
    if (e instanceof ExtractionError) return e.code;
    throw e;
  }
}

describe('fuzzed HTML', () => {
  it('has pages to mutate', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  it('300 seeded mutations of the fixtures give an article or an ExtractionError', () => {
    const r = rng(20261128);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const page = pages[i % pages.length] ?? '';
      const html = mutate(page, r);
      let outcome: string;
      try {
        outcome = i % 3 === 0
          ? check(() => extractFromBytes({ bytes: Buffer.from(html), url: 'https://example.com/news/1', fetchedAt: new Date('2026-11-28T12:00:00Z') }))
          : check(() => extractArticle({ html, url: i % 7 === 0 ? 'not a url' : 'https://example.com/news/1', fetchedAt: new Date('2026-11-28T12:00:00Z') }));
      } catch (e) {
        throw new Error(`case ${i} threw: ${e instanceof Error ? e.stack : String(e)}`, { cause: e });
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    for (const code of outcomes.keys()) expect(['ok', 'KHABAR_E_EXTRACT_EMPTY']).toContain(code);
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(250);
  });

  it('corrupted bytes in every fixture decode and extract', () => {
    const r = rng(7);
    for (const page of pages) {
      const bytes = Buffer.from(page);
      for (let k = 0; k < 20; k++) {
        const b = Buffer.from(bytes);
        for (let j = 0; j < 50; j++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256);
        expect(check(() => extractFromBytes({ bytes: b, url: 'https://example.com/x' }))).toMatch(/^(ok|KHABAR_E_EXTRACT_EMPTY)$/);
      }
    }
  });
});
