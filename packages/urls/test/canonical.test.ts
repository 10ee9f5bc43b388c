import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, checkSubmittedUrl, documentIdFor, isDocumentId } from '../src/index.ts';

describe('canonicalizeUrl', () => {
  it('folds host case, default port, fragment and tracking parameters, and sorts the query', () => {
    expect(canonicalizeUrl('HTTPS://Arabic.RT.com:443/world/1410-peskov/?utm_source=tw&b=2&fbclid=x&a=1#comments')).toBe(
      'https://arabic.rt.com/world/1410-peskov/?a=1&b=2',
    );
  });
  it('keeps path case and meaningful parameters, drops an empty query', () => {
    expect(canonicalizeUrl('http://example.com/News/Story?utm_campaign=x')).toBe('http://example.com/News/Story');
    expect(canonicalizeUrl('http://example.com:8080/a?id=7')).toBe('http://example.com:8080/a?id=7');
  });
  it('handles Arabic paths and IDN hosts stably', () => {
    const a = canonicalizeUrl('https://www.aljazeera.net/news/2024/5/17/بيسكوف');
    expect(a).toBe(canonicalizeUrl(a));
    expect(canonicalizeUrl('https://مثال.إختبار/x')).toMatch(/^https:\/\/xn--/);
  });
  it('gives the same document id to spellings of one page, and different ids to different pages', () => {
    const id = documentIdFor(canonicalizeUrl('https://example.com/a?utm_medium=email'));
    expect(id).toBe(documentIdFor(canonicalizeUrl('https://EXAMPLE.com/a#top')));
    expect(id).not.toBe(documentIdFor(canonicalizeUrl('https://example.com/b')));
    expect(isDocumentId(id)).toBe(true);
  });
});

describe('checkSubmittedUrl', () => {
  it.each([
    ['ftp://example.com/x', 'scheme_not_allowed'],
    ['javascript:alert(1)', 'scheme_not_allowed'],
    ['https://user:pw@example.com/', 'credentials_not_allowed'],
    ['not a url', 'not_a_url'],
    [`https://example.com/${'a'.repeat(3000)}`, 'too_long'],
  ])('refuses %s', (url, problem) => {
    const r = checkSubmittedUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe(problem);
  });
  it('accepts http and https', () => {
    expect(checkSubmittedUrl('https://arabic.rt.com/world/1').ok).toBe(true);
    expect(checkSubmittedUrl('http://127.0.0.1:8081/a').ok).toBe(true);
  });
});
