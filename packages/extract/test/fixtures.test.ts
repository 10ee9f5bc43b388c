import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleSchema, type Article } from '@khabar/contracts';
import { extractFromBytes } from '../src/index.ts';

/** What a fixture's `.expected.json` may pin down; absent fields are not checked. */
interface Expected {
  url: string;
  fetchedAt?: string;
  headerCharset?: string;
  charset?: string;
  title?: string;
  publishedAt?: string | null;
  dateSource?: string | null;
  lang?: string;
  dir?: 'rtl' | 'ltr';
  siteName?: string | null;
  canonicalUrl?: string;
  paragraphCount?: number;
  minParagraphs?: number;
  firstParagraph?: string;
  lastParagraph?: string;
  mustContain?: string[];
  mustNotContain?: string[];
  tags?: string[];
  authors?: string[];
  attribution?: string[];
  teaserTitles?: string[];
  minTeasers?: number;
  readMoreTitles?: string[];
  relatedCount?: number;
  leadImage?: string | null;
  warnings?: string[];
}

const root = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ template: d.name, name: f.replace(/\.html$/, ''), dir: join(root, d.name) })),
  );

describe('extractor fixtures', () => {
  it('has at least 8 fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const c of cases) {
    it(`${c.template}/${c.name}`, () => {
      const expected = JSON.parse(readFileSync(join(c.dir, `${c.name}.expected.json`), 'utf8')) as Expected;
      const bytes = readFileSync(join(c.dir, `${c.name}.html`));
      const { article: a, charset } = extractFromBytes({
        bytes,
        url: expected.url,
        headerCharset: expected.headerCharset ?? null,
        ...(expected.fetchedAt === undefined ? {} : { fetchedAt: new Date(expected.fetchedAt) }),
      });
      if (expected.charset !== undefined) expect(charset).toBe(expected.charset);
      if (expected.title !== undefined) expect(a.title).toBe(expected.title);
      if (expected.publishedAt !== undefined) expect(a.publishedAt).toBe(expected.publishedAt);
      if (expected.dateSource !== undefined) expect(a.dateSource).toBe(expected.dateSource);
      if (expected.lang !== undefined) expect(a.lang).toBe(expected.lang);
      if (expected.dir !== undefined) expect(a.dir).toBe(expected.dir);
      if (expected.siteName !== undefined) expect(a.siteName).toBe(expected.siteName);
      if (expected.canonicalUrl !== undefined) expect(a.canonicalUrl).toBe(expected.canonicalUrl);
      if (expected.paragraphCount !== undefined) expect(a.paragraphs).toHaveLength(expected.paragraphCount);
      if (expected.minParagraphs !== undefined) expect(a.paragraphs.length).toBeGreaterThanOrEqual(expected.minParagraphs);
      if (expected.firstParagraph !== undefined) expect(a.paragraphs[0]).toBe(expected.firstParagraph);
      if (expected.lastParagraph !== undefined) expect(a.paragraphs.at(-1)).toBe(expected.lastParagraph);
      for (const s of expected.mustContain ?? []) expect(a.text).toContain(s);
      for (const s of expected.mustNotContain ?? []) expect(a.text).not.toContain(s);
      if (expected.tags !== undefined) expect(a.tags).toEqual(expected.tags);
      if (expected.authors !== undefined) expect(a.authors).toEqual(expected.authors);
      if (expected.attribution !== undefined) expect(a.attribution).toEqual(expected.attribution);
      if (expected.teaserTitles !== undefined) expect(a.teasers.map((t) => t.title)).toEqual(expected.teaserTitles);
      if (expected.minTeasers !== undefined) expect(a.teasers.length).toBeGreaterThanOrEqual(expected.minTeasers);
      if (expected.readMoreTitles !== undefined) expect(a.readMore.map((l) => l.title)).toEqual(expected.readMoreTitles);
      if (expected.relatedCount !== undefined) expect(a.related).toHaveLength(expected.relatedCount);
      if (expected.leadImage !== undefined) expect(a.leadImage).toBe(expected.leadImage);
      for (const w of expected.warnings ?? []) expect(a.warnings).toContain(w);
      expect(a.text).toBe(a.paragraphs.join('\n\n'));
      // Structurally an Article (compile time) and valid against the zod schema (run time).
      const asArticle: Article = a;
      expect(articleSchema.parse(asArticle)).toEqual(a);
    });
  }
});
