import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFixturePages, loadSiteManifests } from '../src/index.ts';
import { normaliseWhitespace, visibleBlocks } from './visible-text.ts';

const pages = loadFixturePages();
const ids = new Set(pages.map((p) => p.id));
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('fixture corpus', () => {
  it('has at least 5 site templates, 14 pages and 60% Arabic', () => {
    const templates = new Set(loadSiteManifests().map((s) => s.template));
    expect(templates.size).toBeGreaterThanOrEqual(5);
    expect(pages.length).toBeGreaterThanOrEqual(14);
    const arabic = pages.filter((p) => p.lang === 'ar').length;
    expect(arabic / pages.length).toBeGreaterThanOrEqual(0.6);
  });

  it('has syndicated copies: 2 Arabic and 1 English, each on a different site than its original', () => {
    const copies = pages.filter((p) => p.expected.duplicateOf !== null);
    for (const copy of copies) {
      const original = pages.find((p) => p.id === copy.expected.duplicateOf);
      expect(original, copy.id).toBeDefined();
      expect(original?.site).not.toBe(copy.site);
      expect(original?.expected.duplicateOf).toBeNull();
      expect(original?.lang).toBe(copy.lang);
    }
    expect(copies.filter((p) => p.lang === 'ar').length).toBeGreaterThanOrEqual(2);
    expect(copies.filter((p) => p.lang === 'en').length).toBeGreaterThanOrEqual(1);
  });

  it('gives every page a unique path under its site prefix', () => {
    const prefixes = new Map(loadSiteManifests().map((s) => [s.site, s.prefix]));
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
    for (const p of pages) expect(p.path.startsWith(prefixes.get(p.site) ?? '\0'), p.id).toBe(true);
  });
});

describe.each(pages.map((p) => [p.id, p] as const))('%s', (_id, page) => {
  const html = readFileSync(page.file, 'utf8');
  const blocks = visibleBlocks(html);
  const text = blocks.join('\n');
  const e = page.expected;

  it('has every expected field with the right type', () => {
    expect(Object.keys(e).sort()).toEqual(
      ['attribution', 'authors', 'duplicateOf', 'entities', 'lang', 'mustNotContain', 'paragraphs', 'path', 'publishedAt', 'tags', 'title'],
    );
    expect(e.path.startsWith('/')).toBe(true);
    expect(['ar', 'en']).toContain(e.lang);
    expect(e.title.length).toBeGreaterThan(10);
    if (e.publishedAt !== null) {
      expect(e.publishedAt).toMatch(ISO_UTC);
      expect(Number.isNaN(Date.parse(e.publishedAt))).toBe(false);
    }
    for (const list of [e.authors, e.paragraphs, e.tags, e.attribution, e.mustNotContain, e.entities.PER, e.entities.ORG, e.entities.LOC]) {
      expect(Array.isArray(list)).toBe(true);
      for (const item of list) expect(typeof item === 'string' && item === normaliseWhitespace(item) && item.length > 0).toBe(true);
    }
    expect(Object.keys(e.entities).sort()).toEqual(['LOC', 'ORG', 'PER']);
    expect(e.paragraphs.length).toBeGreaterThanOrEqual(3);
    expect(e.mustNotContain.length).toBeGreaterThanOrEqual(5);
    if (e.duplicateOf !== null) expect(ids.has(e.duplicateOf)).toBe(true);
  });

  it('shows the title as a whole visible block', () => {
    expect(blocks).toContain(e.title);
  });

  it('shows each expected paragraph as a whole visible block, in order', () => {
    let from = 0;
    for (const paragraph of e.paragraphs) {
      const at = blocks.indexOf(paragraph, from);
      expect(at, `paragraph not found after block ${from}: ${paragraph}`).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });

  it('has mustNotContain strings that really are on the page and not in the gold body', () => {
    const body = e.paragraphs.join('\n');
    for (const s of e.mustNotContain) {
      expect(blocks.some((b) => b.includes(s)), `boilerplate not on page: ${s}`).toBe(true);
      expect(body.includes(s), `boilerplate inside gold body: ${s}`).toBe(false);
    }
  });

  it('has authors, tags and attribution that are visible on the page', () => {
    for (const s of [...e.authors, ...e.tags, ...e.attribution]) expect(text.includes(s), s).toBe(true);
  });

  it('has entities whose surface forms occur in the title or body', () => {
    const body = [e.title, ...e.paragraphs].join('\n');
    const all = [...e.entities.PER, ...e.entities.ORG, ...e.entities.LOC];
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const s of all) expect(body.includes(s), s).toBe(true);
  });
});
