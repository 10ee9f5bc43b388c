import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/index.ts';

const arMenu = '<nav><ul><li><a href="/1">الرئيسية</a></li><li><a href="/2">أخبار العالم</a></li><li><a href="/3">اقتصاد وأعمال</a></li><li><a href="/4">رياضة</a></li></ul></nav>';
const en = '<p>The central bank kept its key rate unchanged on Thursday, citing slowing inflation and a weaker outlook for growth next year.</p>'.repeat(3);
const ar = '<p>أبقى البنك المركزي على سعر الفائدة الرئيسي دون تغيير يوم الخميس، مشيرا إلى تباطؤ التضخم وضعف توقعات النمو في العام المقبل.</p>'.repeat(3);

describe('language and direction on mixed pages', () => {
  it('takes the language of the article, not of the site chrome or <html lang>', () => {
    const a = extractArticle({ html: `<html lang="ar" dir="rtl"><body>${arMenu}<article><h1>Rates held</h1>${en}</article></body></html>`, url: 'https://x.test/en' });
    expect(a.lang).toBe('en');
    expect(a.dir).toBe('ltr');
  });
  it('keeps Arabic for an Arabic article quoting English names', () => {
    const a = extractArticle({ html: `<html lang="en"><body><article><h1>الفائدة</h1>${ar}<p>وقال Jerome Powell في بيان إن Federal Reserve ستواصل مراقبة التضخم عن كثب خلال الأشهر المقبلة.</p></article></body></html>`, url: 'https://x.test/ar' });
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
  });
});
