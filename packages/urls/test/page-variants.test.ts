import { describe, expect, it } from 'vitest';
import { documentIdFor, isSamePage, isSameSite, registrableDomain, regularPageUrl, resolveCanonicalUrl } from '../src/index.ts';

describe('regularPageUrl', () => {
  it('maps AMP and mobile renderings to the regular page', () => {
    expect(regularPageUrl('https://amp.example.com/news/a')).toBe('https://example.com/news/a');
    expect(regularPageUrl('https://m.example.co.uk/news/a?amp=1')).toBe('https://example.co.uk/news/a');
    expect(regularPageUrl('https://mobile.example.com/news/a')).toBe('https://example.com/news/a');
    expect(regularPageUrl('https://www.example.com/amp/news/a')).toBe('https://www.example.com/news/a');
    expect(regularPageUrl('https://www.example.com/2024/05/slug/amp/')).toBe('https://www.example.com/2024/05/slug/');
    expect(regularPageUrl('https://www.example.com/news/a/amp')).toBe('https://www.example.com/news/a');
    expect(regularPageUrl('https://example.com/news/a.amp.html')).toBe('https://example.com/news/a.html');
    expect(regularPageUrl('https://example.com/a?outputType=amp&id=3&utm_source=x')).toBe('https://example.com/a?id=3');
  });
  it('leaves regular pages, registrable domains and look-alike paths alone', () => {
    expect(regularPageUrl('https://m.com/x')).toBe('https://m.com/x');
    expect(regularPageUrl('https://example.com/amp')).toBe('https://example.com/amp');
    expect(regularPageUrl('https://example.com/ampere/x')).toBe('https://example.com/ampere/x');
    expect(regularPageUrl('https://example.com/a?ampm=pm')).toBe('https://example.com/a?ampm=pm');
  });
});

describe('resolveCanonicalUrl', () => {
  it('honours a declared canonical (rel=canonical / og:url) on the same registrable domain, relative ones too', () => {
    expect(resolveCanonicalUrl('https://amp.example.com/a', 'https://www.example.com/a?utm_source=x#top')).toBe('https://www.example.com/a');
    expect(resolveCanonicalUrl('https://news.example.co.uk/a?id=1', '/story/1')).toBe('https://news.example.co.uk/story/1');
  });
  it('ignores canonicals on other sites, non-http schemes and garbage, falling back to the regular page', () => {
    expect(resolveCanonicalUrl('https://example.com/a', 'https://evil.example.org/a')).toBe('https://example.com/a');
    expect(resolveCanonicalUrl('https://m.example.com/a', 'javascript:alert(1)')).toBe('https://example.com/a');
    expect(resolveCanonicalUrl('https://example.com/a', 'http://[::1')).toBe('https://example.com/a');
    expect(resolveCanonicalUrl('https://example.com/a', null)).toBe('https://example.com/a');
  });
  it('gives two URLs of one page one document id', () => {
    const amp = resolveCanonicalUrl('https://example.com/news/a/amp', 'https://example.com/news/a');
    const page = resolveCanonicalUrl('https://example.com/news/a?utm_medium=rss', 'https://example.com/news/a');
    expect(documentIdFor(amp)).toBe(documentIdFor(page));
  });
});

describe('site helpers', () => {
  it('compares registrable domains with the public suffix list', () => {
    expect(registrableDomain('https://news.bbc.co.uk/x')).toBe('bbc.co.uk');
    expect(isSameSite('https://a.example.com/', 'https://example.com/b')).toBe(true);
    expect(isSameSite('https://example.co.uk/', 'https://other.co.uk/')).toBe(false);
    expect(isSameSite('http://127.0.0.1/', 'http://127.0.0.1/')).toBe(false);
  });
  it('treats scheme and www. differences as the same page, other paths as other pages', () => {
    expect(isSamePage('http://example.com/a', 'https://www.example.com/a')).toBe(true);
    expect(isSamePage('https://example.com/a', 'https://example.com/b')).toBe(false);
    expect(isSamePage('https://m.example.com/a', 'https://example.com/a')).toBe(false);
  });
});
