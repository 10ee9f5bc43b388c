import { describe, expect, it } from 'vitest';
import { ExtractionError, extractArticle, extractFromBytes } from '../src/index.ts';

const para = '<p>أعرب متحدث الكرملين دميتري بيسكوف عن قلق موسكو لاستمرار التوتر بين باكو ويريفان، وتفاقمه في بعض المناطق.</p>';

/** Either an article or our own error: anything else (RangeError, TypeError) fails the test. */
function extractOrCode(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (e instanceof ExtractionError) return e.code;
    throw e;
  }
}

describe('robustness', () => {
  it('survives 5000 levels of nesting and keeps the deep text', () => {
    const deep = '<p>وقال بيسكوف للصحفيين اليوم الخميس إن موسكو قلقة من استمرار التوتر واحتمال تصاعده في بعض المناطق.</p>';
    const html = `<html><body><h1>عنوان</h1>${'<div>'.repeat(5000)}${deep}${'</div>'.repeat(5000)}</body></html>`;
    const a = extractArticle({ html, url: 'https://example.com/deep' });
    expect(a.paragraphs).toEqual(['وقال بيسكوف للصحفيين اليوم الخميس إن موسكو قلقة من استمرار التوتر واحتمال تصاعده في بعض المناطق.']);
    const unclosed = `<html><body>${'<div><span><b>'.repeat(3000)}${para}`;
    expect(extractArticle({ html: unclosed, url: 'https://example.com/deep' }).text).toContain('بيسكوف');
  });

  it('handles a 10 MB page (the hard time cap lives in the parser service)', () => {
    const body = Array.from({ length: 60_000 }, (_, i) => `<div class="row"><p>${i} ${para}</p><a href="/x/${i}">رابط ${i}</a></div>`).join('');
    const html = `<html><head><title>كبير</title></head><body>${body}</body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const a = extractArticle({ html, url: 'https://example.com/huge' });
    expect(a.paragraphs.length).toBeGreaterThan(100);
    expect(a.warnings).toContain('truncated_html');
    // About 7 s of CPU for 10 MB; on a loaded 2-core runner the wall time can pass the default 30 s.
  }, 120_000);

  it('never throws anything but ExtractionError on random bytes', () => {
    let seed = 42;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const codes = new Set<string>();
    for (let round = 0; round < 20; round++) {
      const bytes = new Uint8Array(20_000).map(() => Math.floor(rand() * 256));
      codes.add(extractOrCode(() => extractFromBytes({ bytes, url: 'https://example.com/random' })));
    }
    for (const c of codes) expect(['ok', 'KHABAR_E_EXTRACT_EMPTY', 'KHABAR_E_EXTRACT_FAILED']).toContain(c);
  });

  it('throws KHABAR_E_EXTRACT_EMPTY for a page with no text at all', () => {
    expect(extractOrCode(() => extractArticle({ html: '<html><body><script>x()</script></body></html>', url: 'https://e.com/' }))).toBe('KHABAR_E_EXTRACT_EMPTY');
    expect(extractOrCode(() => extractArticle({ html: '', url: 'https://e.com/' }))).toBe('KHABAR_E_EXTRACT_EMPTY');
  });

  it('returns warnings, not errors, for a title-only page', () => {
    const a = extractArticle({ html: '<title>عنوان فقط</title>', url: 'https://e.com/' });
    expect(a.title).toBe('عنوان فقط');
    expect(a.warnings).toEqual(expect.arrayContaining(['no_body', 'no_date']));
  });

  it('survives broken markup, unclosed tags and bad JSON-LD', () => {
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle", broken</script></head><body><div><p>${para}<table><tr><td>${para}<li>${para}</body>`;
    const a = extractArticle({ html, url: 'not a url' });
    expect(a.text).toContain('بيسكوف');
    expect(a.canonicalUrl).toBe('not a url');
  });

  it('splits bare text with no markup on blank lines', () => {
    const a = extractArticle({ html: 'أعرب متحدث الكرملين عن قلق موسكو من التوتر بين باكو ويريفان.\n\nوقال بيسكوف للصحفيين اليوم الخميس إن موسكو قلقة.', url: 'https://e.com/' });
    expect(a.paragraphs).toEqual(['أعرب متحدث الكرملين عن قلق موسكو من التوتر بين باكو ويريفان.', 'وقال بيسكوف للصحفيين اليوم الخميس إن موسكو قلقة.']);
  });
});
