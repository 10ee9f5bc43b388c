import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { computeFillFlags, createDomainLabeler, siteOf } from '../src/fill-flags.ts';
import { createQualityMetrics } from '../src/quality-metrics.ts';

const full = { title: 'عنوان', text: 'ن'.repeat(400), publishedAt: '2026-11-28T10:00:00.000Z', authors: ['سامر'], lang: 'ar', leadImage: 'https://x.test/a.jpg' };
const broken = { title: 'عنوان', text: 'قصير', publishedAt: null, authors: [], lang: 'und', leadImage: null };

describe('fill flags', () => {
  it('flags each watched field', () => {
    expect(computeFillFlags(full)).toEqual({ body: true, title: true, date: true, author: true, language: true, image: true });
    expect(computeFillFlags(broken)).toEqual({ body: false, title: true, date: false, author: false, language: false, image: false });
  });
  it('names the site without www', () => {
    expect(siteOf('https://WWW.Youm7.com/story/1')).toBe('youm7.com');
    expect(siteOf('not a url')).toBeNull();
  });
  it('bounds label cardinality', () => {
    const label = createDomainLabeler({ maxDomains: 2, minArticles: 2 });
    expect(label('a.com')).toBe('other');
    expect(label('a.com')).toBe('a.com');
    expect(label('b.com')).toBe('other');
    expect(label('b.com')).toBe('b.com');
    expect([label('c.com'), label('c.com'), label('c.com')]).toEqual(['other', 'other', 'other']);
    expect(label('a.com')).toBe('a.com');
    expect(label(null)).toBe('other');
  });
});

describe('quality metrics', () => {
  it('counts articles and filled fields per site, so a layout change shows as a drop', async () => {
    const registry = new Registry();
    const quality = createQualityMetrics(registry, { maxDomains: 10, minArticles: 1 });
    quality.record('https://www.site.test/a', full);
    quality.record('https://www.site.test/b', broken);
    const articles = await registry.getSingleMetric('khabar_parser_articles_total')?.get();
    expect(articles?.values).toEqual([{ labels: { domain: 'site.test' }, value: 2 }]);
    const filled = await registry.getSingleMetric('khabar_parser_field_filled_total')?.get();
    const byField = Object.fromEntries((filled?.values ?? []).map((v) => [v.labels['field'], v.value]));
    expect(byField).toEqual({ body: 1, title: 2, date: 1, author: 1, language: 1, image: 1 });
  });
});
