import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFixturePages, loadSiteManifests } from '../src/index.ts';
import { normaliseWhitespace, visibleBlocks } from './visible-text.ts';

const pages = loadFixturePages();
const heldout = loadFixturePages({ split: 'heldout' });
const all = loadFixturePages({ split: 'all' });
const heldout2 = loadFixturePages({ split: 'heldout2' });
const heldout3 = loadFixturePages({ split: 'heldout3' });
const heldout4 = loadFixturePages({ split: 'heldout4' });
const heldout5 = loadFixturePages({ split: 'heldout5' });
const heldout6 = loadFixturePages({ split: 'heldout6' });
const heldout7 = loadFixturePages({ split: 'heldout7' });
const ids = new Set(all.map((p) => p.id));
const FIELDS = ['attribution', 'authors', 'duplicateOf', 'entities', 'lang', 'mustNotContain', 'paragraphs', 'path', 'publishedAt', 'tags', 'title'];
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

  it('gives every page (dev and every held-out split) a unique path under its site prefix', () => {
    const manifests = [
      ...loadSiteManifests({ split: 'all' }),
      ...loadSiteManifests({ split: 'heldout2' }),
      ...loadSiteManifests({ split: 'heldout3' }),
      ...loadSiteManifests({ split: 'heldout4' }),
      ...loadSiteManifests({ split: 'heldout5' }),
      ...loadSiteManifests({ split: 'heldout6' }),
      ...loadSiteManifests({ split: 'heldout7' }),
    ];
    const every = [...all, ...heldout2, ...heldout3, ...heldout4, ...heldout5, ...heldout6, ...heldout7];
    const prefixes = new Map(manifests.map((s) => [s.site, s.prefix]));
    expect(new Set(manifests.map((s) => s.site)).size).toBe(manifests.length);
    expect(new Set(manifests.map((s) => s.prefix)).size).toBe(manifests.length);
    expect(new Set(every.map((p) => p.path)).size).toBe(every.length);
    for (const p of every) expect(p.path.startsWith(prefixes.get(p.site) ?? '\0'), p.id).toBe(true);
  });
});

describe('held-out corpus', () => {
  it('keeps the splits apart: dev is the default, all = dev + held-out', () => {
    expect(pages.every((p) => p.split === 'dev')).toBe(true);
    expect(heldout.every((p) => p.split === 'heldout')).toBe(true);
    expect(all.map((p) => p.id)).toEqual([...pages, ...heldout].map((p) => p.id));
    const devSites = new Set(pages.map((p) => p.site));
    for (const p of heldout) expect(devSites.has(p.site), p.id).toBe(false);
  });

  it('has at least 28 pages over at least 8 new templates, 60% Arabic', () => {
    const devTemplates = new Set(loadSiteManifests().map((s) => s.template));
    const templates = new Set(loadSiteManifests({ split: 'heldout' }).map((s) => s.template));
    for (const t of templates) expect(devTemplates.has(t), t).toBe(false);
    expect(templates.size).toBeGreaterThanOrEqual(8);
    expect(heldout.length).toBeGreaterThanOrEqual(28);
    expect(heldout.filter((p) => p.lang === 'ar').length / heldout.length).toBeGreaterThanOrEqual(0.6);
  });

  it('makes with dev a corpus of at least 40 pages, 12 templates, half Arabic, every legacy charset', () => {
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(loadSiteManifests({ split: 'all' }).map((s) => s.template)).size).toBeGreaterThanOrEqual(12);
    expect(all.filter((p) => p.lang === 'ar').length * 2).toBeGreaterThanOrEqual(all.length);
    expect(heldout.filter((p) => p.encoding === 'windows-1256').length).toBeGreaterThanOrEqual(1);
    expect(heldout.filter((p) => p.encoding === 'iso-8859-6').length).toBeGreaterThanOrEqual(1);
  });

  it('explains in notes how every held-out date was read', () => {
    for (const p of heldout) {
      if (p.expected.notes === undefined) continue;
      expect(typeof p.expected.notes, p.id).toBe('string');
      expect(p.expected.notes.length, p.id).toBeGreaterThan(20);
    }
    expect(heldout.filter((p) => p.expected.notes !== undefined).length).toBeGreaterThanOrEqual(3);
  });
});

describe('second held-out corpus (heldout2)', () => {
  it('is loaded only by name: not part of all', () => {
    expect(heldout2.every((p) => p.split === 'heldout2')).toBe(true);
    expect(all.some((p) => p.split === 'heldout2')).toBe(false);
  });

  it('has at least 24 pages over at least 8 templates new to both other splits, 60% Arabic, a windows-1256 page', () => {
    const older = new Set(loadSiteManifests({ split: 'all' }).map((s) => s.template));
    const templates = new Set(loadSiteManifests({ split: 'heldout2' }).map((s) => s.template));
    for (const t of templates) expect(older.has(t), t).toBe(false);
    expect(templates.size).toBeGreaterThanOrEqual(8);
    expect(heldout2.length).toBeGreaterThanOrEqual(24);
    expect(heldout2.filter((p) => p.lang === 'ar').length / heldout2.length).toBeGreaterThanOrEqual(0.6);
    expect(heldout2.filter((p) => p.encoding === 'windows-1256').length).toBeGreaterThanOrEqual(1);
  });
});

describe('third held-out corpus (heldout3)', () => {
  it('is loaded only by name: not part of all', () => {
    expect(heldout3.every((p) => p.split === 'heldout3')).toBe(true);
    expect(all.some((p) => p.split === 'heldout3')).toBe(false);
  });

  it('has at least 18 pages over at least 6 templates new to every other split, 60% Arabic, a windows-1256 page', () => {
    const older = new Set([...loadSiteManifests({ split: 'all' }), ...loadSiteManifests({ split: 'heldout2' })].map((s) => s.template));
    const templates = new Set(loadSiteManifests({ split: 'heldout3' }).map((s) => s.template));
    for (const t of templates) expect(older.has(t), t).toBe(false);
    expect(templates.size).toBeGreaterThanOrEqual(6);
    expect(heldout3.length).toBeGreaterThanOrEqual(18);
    expect(heldout3.filter((p) => p.lang === 'ar').length / heldout3.length).toBeGreaterThanOrEqual(0.6);
    expect(heldout3.filter((p) => p.encoding === 'windows-1256').length).toBeGreaterThanOrEqual(1);
  });
});

// heldout4 … heldout7 were written one after another, each blind to every split before it.
const LATER_SPLITS = ['heldout4', 'heldout5', 'heldout6', 'heldout7'] as const;
const EARLIER: ReadonlyArray<'all' | 'heldout2' | 'heldout3' | (typeof LATER_SPLITS)[number]> = ['all', 'heldout2', 'heldout3'];
const laterPages = { heldout4, heldout5, heldout6, heldout7 };

describe.each(LATER_SPLITS.map((split, i) => [split, [...EARLIER, ...LATER_SPLITS.slice(0, i)]] as const))('held-out corpus %s', (split, before) => {
  const mine = laterPages[split];

  it('is loaded only by name: not part of all, not in any other split', () => {
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p) => p.split === split)).toBe(true);
    expect(all.some((p) => p.split === split)).toBe(false);
    const others = new Set(before.flatMap((s) => loadFixturePages({ split: s })).map((p) => p.site));
    for (const p of mine) expect(others.has(p.site), p.id).toBe(false);
  });

  it('has at least 20 pages over at least 7 templates new to every earlier split, 60% Arabic, a windows-1256 page', () => {
    const older = new Set(before.flatMap((s) => loadSiteManifests({ split: s })).map((m) => m.template));
    const templates = new Set(loadSiteManifests({ split }).map((m) => m.template));
    for (const t of templates) expect(older.has(t), t).toBe(false);
    expect(templates.size).toBeGreaterThanOrEqual(7);
    expect(mine.length).toBeGreaterThanOrEqual(20);
    expect(mine.filter((p) => p.lang === 'ar').length / mine.length).toBeGreaterThanOrEqual(0.6);
    expect(mine.filter((p) => p.encoding === 'windows-1256').length).toBeGreaterThanOrEqual(1);
  });
});

describe.each([...all, ...heldout2, ...heldout3, ...heldout4, ...heldout5, ...heldout6, ...heldout7].map((p) => [p.id, p] as const))('%s', (_id, page) => {
  const html = readFileSync(page.file, 'utf8');
  const blocks = visibleBlocks(html);
  const text = blocks.join('\n');
  const e = page.expected;

  it('has every expected field with the right type', () => {
    // `notes` is optional, and only the held-out split uses it.
    const optional = page.split === 'heldout' ? ['notes'] : [];
    expect(Object.keys(e).filter((k) => !optional.includes(k)).sort()).toEqual(FIELDS);
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
    // A news brief may have only two paragraphs; the dev pages all have three or more.
    expect(e.paragraphs.length).toBeGreaterThanOrEqual(page.split === 'dev' ? 3 : 2);
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
