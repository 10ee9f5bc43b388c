import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/index.ts';

const own = [
  'أعرب متحدث الكرملين دميتري بيسكوف عن قلق موسكو لاستمرار التوتر بين باكو ويريفان، وتفاقمه في بعض المناطق.',
  'وأكد أن روسيا تمثل ضامنا ثابتا للأمن، وأن الاتصالات بين باكو ويريفان مستمرة منذ أسابيع.',
];
const teaser = Array.from({ length: 6 }, (_, i) => `فقرة طويلة رقم ${i} من مقال ماسك عن الإنفاق الدفاعي لحلف الناتو، وهي أطول بكثير من نص الخبر الأصلي نفسه، وتتحدث عن الميزانية والديون.`);
const p = (t: string): string => `<p>${t}</p>`;

describe('content selection', () => {
  it('drops a class-marked read-also box even when it reuses the body class and is longer', () => {
    const html = `<html><body class="single has-comments"><article><h1>الكرملين قلق من التوتر</h1>
      <div class="article__text">${own.map(p).join('')}</div>
      <div class="read-also"><div class="article__text"><h2><a href="/t">ماسك والناتو</a></h2>${teaser.map(p).join('')}</div></div>
      </article></body></html>`;
    const a = extractArticle({ html, url: 'https://e.com/a' });
    expect(a.paragraphs).toEqual(own);
    expect(a.teasers).toEqual([{ title: 'ماسك والناتو', url: 'https://e.com/t', text: teaser.join('\n\n') }]);
  });

  it('keeps an inline "اقرأ أيضا" link line out of the text but keeps the paragraphs after it', () => {
    const html = `<html><body><h1>عنوان الخبر هنا للتجربة</h1><div>${p(own[0] as string)}<p><strong>اقرأ أيضا:</strong> <a href="/x">خبر آخر مرتبط</a></p>${p(own[1] as string)}</div></body></html>`;
    const a = extractArticle({ html, url: 'https://e.com/a' });
    expect(a.paragraphs).toEqual(own);
    expect(a.readMore).toEqual([{ title: 'خبر آخر مرتبط', url: 'https://e.com/x' }]);
  });

  it('does not treat Bootstrap hidden-xs as hidden', () => {
    const html = `<html><body><h1>عنوان الخبر هنا للتجربة</h1><div class="col hidden-xs-down">${own.map(p).join('')}</div></body></html>`;
    expect(extractArticle({ html, url: 'https://e.com/a' }).paragraphs).toEqual(own);
  });

  it('strips site names from titles and prefers the h1', () => {
    const html = `<html><head><title>BBC News - Kremlin worried by Baku tension</title><meta property="og:site_name" content="BBC News"></head><body><p>${'The Kremlin said it was worried, and said more. '.repeat(5)}</p></body></html>`;
    expect(extractArticle({ html, url: 'https://e.com/a' }).title).toBe('Kremlin worried by Baku tension');
  });

  it('uses JSON-LD articleBody when the page body is empty', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'عنوان', articleBody: `${own[0]}\n\n${own[1]}`, datePublished: '2024-05-17T10:00:00+02:00' });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"></div></body></html>`;
    const a = extractArticle({ html, url: 'https://e.com/2024/05/17/x' });
    expect(a.paragraphs).toEqual(own);
    expect(a.warnings).toContain('body_from_json_ld');
    expect(a.publishedAt).toBe('2024-05-17T08:00:00.000Z');
    expect(a.dateSource).toBe('json-ld');
  });

  it('falls back to the URL date and detects language from text, not <html lang>', () => {
    const html = `<html lang="en"><body><h1>Headline for the test page</h1><div>${own.map(p).join('')}</div></body></html>`;
    const a = extractArticle({ html, url: 'https://e.com/2024/05/17/x' });
    expect(a.publishedAt).toBe('2024-05-17T00:00:00.000Z');
    expect(a.dateSource).toBe('url+assumed-utc');
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
    expect(a.warnings).toContain('short_body');
  });

  it('reads tags from a bare label followed by a list of links', () => {
    const html = `<html><body><h1>عنوان الخبر هنا للتجربة</h1><div>${own.map(p).join('')}<h4>كلمات دلالية</h4><ul><li><a href="/t/1">الكرملين</a></li><li><a href="/t/2">باكو</a></li><li><a href="/t/3">دميتري بيسكوف</a></li></ul></div></body></html>`;
    const a = extractArticle({ html, url: 'https://e.com/a' });
    expect(a.tags).toEqual(['الكرملين', 'باكو', 'دميتري بيسكوف']);
    expect(a.paragraphs).toEqual(own);
  });

  it('keeps a read-more line inside a teaser article with the teaser, not the page', () => {
    const html = `<html><body><h1>الكرملين قلق من التوتر</h1><div class="article__text">${own.map(p).join('')}</div>
      <section class="read-also"><h3>إقرأ أيضاً:</h3><article><h4><a href="/t">ماسك والناتو</a></h4>
      ${p(teaser[0] as string)}<div class="read-more"><div>إقرأ المزيد</div><a href="/m">إيلون ماسك عن حادث الدهس</a></div>${p(teaser[1] as string)}
      </article></section></body></html>`;
    const a = extractArticle({ html, url: 'https://e.com/a' });
    expect(a.paragraphs).toEqual(own);
    expect(a.readMore).toEqual([]);
    expect(a.teasers).toEqual([{ title: 'ماسك والناتو', url: 'https://e.com/t', text: `${teaser[0]}\n\n${teaser[1]}` }]);
  });
});
