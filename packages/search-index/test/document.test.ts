import { describe, expect, it } from 'vitest';
import { toDocument } from '../src/index.ts';
import { articleTemplate } from '../src/template.ts';
import { buildIndexJob } from './build-index-job.ts';

describe('toDocument', () => {
  const now = new Date('2024-01-18T10:00:03Z');

  it('maps the payload to the indexed shape', () => {
    const job = buildIndexJob();
    const doc = toDocument(job, now);
    expect(doc).toMatchObject({
      id: job.id,
      url: 'https://www.example.com/news/2024/01/peskov.html',
      site: 'www.example.com',
      source: 'rss',
      submissionTags: ['world'],
      priority: 5,
      lang: 'ar',
      dir: 'rtl',
      publishedAt: '2024-01-18T10:05:00.000Z',
      modifiedAt: null,
      fetchedAt: '2024-01-18T10:00:01.000Z',
      indexedAt: '2024-01-18T10:00:03.000Z',
      cluster: { id: job.id, role: 'original', similarity: 1, contentHash: 'c0ffee' },
      persons: ['دميتري بيسكوف'],
      organizations: ['الكرملين'],
      locations: ['باكو', 'يريفان'],
      misc: [],
      parserVersion: 'test-1',
    });
    expect(doc.entities[0]).toEqual({ id: 'PER:دميتري بيسكوف', type: 'PER', linked: false, name: 'دميتري بيسكوف', names: ['دميتري بيسكوف', 'بيسكوف'], count: 2, salience: 0.9 });
  });

  it('takes the site from the canonical URL and drops unparseable dates', () => {
    const base = buildIndexJob();
    const job = { ...base, article: { ...base.article, canonicalUrl: 'https://News.Example.org/a', publishedAt: 'الخميس 18 يناير' } };
    const doc = toDocument(job, now);
    expect(doc.site).toBe('news.example.org');
    expect(doc.publishedAt).toBeNull();
  });

  it('only emits fields the strict mapping declares', () => {
    const properties = (articleTemplate().template?.mappings?.properties ?? {}) as Record<string, unknown>;
    const doc = toDocument(buildIndexJob(), now);
    expect(Object.keys(doc).filter((k) => !(k in properties))).toEqual([]);
  });
});
