/**
 * Signals for templates the extractor had not seen (issue 4, third round): the visible date against
 * stale or mislabelled JSON-LD, share buttons and dateline-style bylines in meta lines, two authors
 * joined by «و», site-wide `<meta keywords>`, and credit lines.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/index.ts';
import { articleKeywords } from '../src/site-keywords.ts';

const AR = [
  'ارتفعت أسعار الخضراوات في سوق الجملة خلال الأسبوع الجاري بنسبة تجاوزت عشرين في المئة، وسط تراجع الكميات الواردة من المحافظات.',
  'وقال أحد التجار إن موجة البرد الأخيرة أضرت بمحاصيل الطماطم والفلفل، ما دفع الأسعار إلى الصعود في معظم الأسواق الشعبية.',
  'وتوقعت شعبة الخضر والفاكهة أن تعود الأسعار إلى مستوياتها الطبيعية مع بداية الشهر المقبل وزيادة المعروض من العروة الجديدة.',
];
const EN = [
  'The county grain cooperative will build a rail spur to its main elevator this summer, letting farmers ship corn by unit train.',
  'Board members said the spur would cut trucking costs by about a third and take hundreds of loaded trucks off county roads.',
  'Work is set to begin in June, once the railroad signs off on the final design and the state releases its share of the money.',
];
const p = (t: string): string => `<p>${t}</p>`;
const NOW = new Date('2026-11-28T12:00:00Z');
const run = (html: string, url = 'https://example.net/news/a') => extractArticle({ html, url, fetchedAt: NOW });
const ld = (o: object): string => `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...o })}</script>`;

describe('visible date against structured data', () => {
  it('lets the headline date win over a stale site-wide JSON-LD block', () => {
    const html = `<html lang="ar"><head>${ld({ headline: 'سوق الأخبار', datePublished: '2019-07-01T00:00:00+02:00' })}</head><body>
      <article><h1>ارتفاع أسعار الخضراوات في سوق الجملة</h1><div class="meta">٢٢ فبراير ٢٠٢٥ - ٠٩:٤٥ م</div>${AR.map(p).join('')}</article>
      <footer><div class="widget"><p>موقع إخباري مستقل. جميع الأوقات بتوقيت القاهرة (GMT+2).</p></div></footer></body></html>`;
    const a = run(html);
    expect(a.publishedAt).toBe('2025-02-22T19:45:00.000Z');
    expect(a.dateSource).toContain('over:json-ld');
  });

  it('lets a zoned visible time win over a wall-clock time written as UTC', () => {
    const html = `<html lang="ar"><head>${ld({ headline: 'إطلاق قمر صناعي لرصد السواحل', datePublished: '2025-02-11T18:40:00Z' })}</head><body>
      <article><h1>إطلاق قمر صناعي لرصد السواحل</h1><div class="date">11 فبراير 2025 - 18:40 بتوقيت مكة المكرمة</div>${AR.map(p).join('')}</article></body></html>`;
    expect(run(html).publishedAt).toBe('2025-02-11T15:40:00.000Z');
  });

  it('keeps JSON-LD that agrees with the visible date, and two agreeing machine dates over a mislabelled visible one', () => {
    const agree = `<html lang="ar"><head>${ld({ headline: 'إطلاق قمر صناعي لرصد السواحل', datePublished: '2025-02-11T15:40:00Z' })}</head><body>
      <article><h1>إطلاق قمر صناعي لرصد السواحل</h1><div class="date">11 فبراير 2025 - 18:40 بتوقيت مكة المكرمة</div>${AR.map(p).join('')}</article></body></html>`;
    expect(run(agree).dateSource).toBe('json-ld');
    // A day-only visible date keeps a machine time on the same UTC day; one that falls on the day
    // before in UTC (00:40 in Mecca written as 21:40Z) gives way to the day the reader sees.
    const sameDay = `<html lang="ar"><head>${ld({ headline: 'x', datePublished: '2025-02-12T09:40:00Z' })}</head><body>
      <article><h1>إطلاق قمر صناعي لرصد السواحل</h1><div class="date">12 فبراير 2025</div>${AR.map(p).join('')}</article></body></html>`;
    expect(run(sameDay).publishedAt).toBe('2025-02-12T09:40:00.000Z');
    const dayOnly = `<html lang="ar"><head>${ld({ headline: 'x', datePublished: '2025-02-11T21:40:00Z' })}</head><body>
      <article><h1>إطلاق قمر صناعي لرصد السواحل</h1><div class="date">12 فبراير 2025</div>${AR.map(p).join('')}</article></body></html>`;
    expect(run(dayOnly).publishedAt).toBe('2025-02-12T00:00:00.000Z');
    expect(run(dayOnly).dateSource).toContain('day-over:json-ld');
    const corroborated = `<html lang="ar"><head><meta property="article:published_time" content="2022-12-15T11:32:00+03:00"></head><body>
      <article><h1>الكرملين يعلق على المحادثات</h1><div class="date"><time datetime="2022-12-15T08:32:00Z">15.12.2022 | 11:32 GMT</time></div>
      ${AR.map(p).join('')}</article></body></html>`;
    expect(run(corroborated).publishedAt).toBe('2022-12-15T08:32:00.000Z');
  });
});

describe('meta-line bylines', () => {
  it('never takes share-button text for a name, and splits «name - date» meta lines', () => {
    const html = `<html lang="fr"><body><div class="article" dir="rtl" lang="ar"><h1>افتتاح خط جوي جديد نحو العواصم الإفريقية</h1>
      <div class="infos"><span class="auteur">سليمة بن علي</span> - <span>الأحد 6 أفريل 2025 - 18:20</span></div>
      <div class="partage"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">LinkedIn</a></div>
      <div class="texte">${AR.map(p).join('')}</div></div></body></html>`;
    expect(run(html).authors).toEqual(['سليمة بن علي']);
    const noName = html.replace('<span class="auteur">سليمة بن علي</span> - ', '');
    expect(run(noName).authors).toEqual([]);
  });

  it('keeps both authors of «A و B» in a CSS-module byline', () => {
    const html = `<html lang="ar"><head><meta name="author" content="ليلى حداد"></head><body><main><h1 class="Header_title__x1y2">تحليل: الطاقة الشمسية في الخليج</h1>
      <div class="Header_meta__k3j4"><div class="Byline_names__g7h1"><a href="/author/1">ليلى حداد</a> و <a href="/author/2">سامر يوسف</a></div>
      <time dateTime="2025-02-11T06:00:00.000Z">١١ شباط ٢٠٢٥</time></div><div class="Body_text__a9b8">${AR.map(p).join('')}</div></main></body></html>`;
    expect(run(html).authors).toEqual(['ليلى حداد', 'سامر يوسف']);
  });

  it('reads a «place - name» dateline byline on the line beside the date, but not «place - site»', () => {
    const page = (line: string): string => `<html><head><title>صحيفة النهار :: مزارعو الشمال يشكون تراجع الإنتاج</title></head><body><table><tr><td>
      <font size="5"><b>مزارعو الشمال يشكون تراجع الإنتاج</b></font><br><font size="2">${line}</font><br><font size="1">الثلاثاء 3 كانون الأول 2024</font><br><br>
      ${AR.join('<br><br>')}</td></tr></table></body></html>`;
    expect(run(page('إربد - خالد العمري')).authors).toEqual(['خالد العمري']);
    expect(run(page('عمان - النهار')).authors).toEqual([]);
    expect(run(page('عمان - صحيفة النهار')).authors).toEqual([]);
  });
});

describe('site-wide keywords', () => {
  it('drops a <meta keywords> list that names the site or its sections', () => {
    expect(articleKeywords('الأردن, أخبار, عمان', [null])).toEqual([]);
    expect(articleKeywords('عمان, النهار', ['صحيفة النهار'])).toEqual([]);
    expect(articleKeywords('الطاقة الشمسية، الخليج', ['صحيفة النهار'])).toEqual(['الطاقة الشمسية', 'الخليج']);
  });

  it('reads the site part of <title> as the site name', () => {
    const html = `<html><head><title>صحيفة النهار :: مزارعو الشمال يشكون تراجع الإنتاج</title><meta name="keywords" content="الأردن, عمان, النهار"></head>
      <body><table><tr><td><font size="5"><b>مزارعو الشمال يشكون تراجع الإنتاج</b></font><br><br>${AR.join('<br><br>')}</td></tr></table></body></html>`;
    expect(run(html).tags).toEqual([]);
    expect(run(html.replace('الأردن, عمان, النهار', 'الزيتون, إربد')).tags).toEqual(['الزيتون', 'إربد']);
  });
});

describe('credit lines', () => {
  it('keeps the parenthesised agency of «المصدر: …(بترا)» and names a bare contributor', () => {
    const ar = `<html lang="ar"><body><article><h1>استبدال شبكات المياه القديمة</h1>${AR.map(p).join('')}<p>المصدر: وكالة الأنباء الأردنية (بترا)</p></article></body></html>`;
    expect(run(ar).attribution).toEqual(['وكالة الأنباء الأردنية (بترا)']);
    const wrapped = ar.replace('<p>المصدر: وكالة الأنباء الأردنية (بترا)</p>', '<p>(المصدر: بترا)</p>');
    expect(run(wrapped).attribution).toEqual(['بترا']);
    const en = `<html lang="en"><body><article><h1>Co-op to build rail spur</h1>${EN.map(p).join('')}<p>Prairie Public Radio contributed to this report.</p></article></body></html>`;
    const a = run(en);
    expect(a.attribution).toEqual(['Prairie Public Radio']);
    expect(a.text).not.toContain('contributed');
    const role = en.replace('Prairie Public Radio contributed', 'Business Writer Ana Ruiz contributed');
    expect(run(role).attribution).toEqual(['Business Writer Ana Ruiz contributed to this report.']);
  });
});

describe('furniture inside the body', () => {
  it('drops dotted live-blog stamps, abbreviated-month datelines, newsletter titles and headings over left-out boxes', () => {
    // Page-builder layout: the lead paragraph comes before the meta line.
    const html = `<html lang="en"><body><article><h1>Storm closes bridges across the county</h1>
      <div class="body"><div class="summary"><h2>Key points</h2><ul><li>Red warning until 3pm</li><li>Trains cancelled</li></ul></div>
      <div class="entry"><div class="entry-head">11.05 GMT Rob Whitfield</div>${p(EN[0] as string)}</div>
      <div class="meta">Published 11:30 a.m. CT Jan. 9, 2025 | Updated 4:12 p.m. CT Jan. 9, 2025</div>
      <div class="entry"><div class="entry-head">10.20 GMT Hannah Cole</div></div>
      <div class="box"><div class="box-title">The County Daily</div><div class="box-text">Sign up for The County Daily and get headlines in your inbox every morning.</div></div>
      <h2>What happens next</h2>${p(EN[1] as string)}${p(EN[2] as string)}</div></article></body></html>`;
    expect(run(html).paragraphs).toEqual([EN[0], 'What happens next', EN[1], EN[2]]);
  });

  it('keeps a number with a dot that is not a clock', () => {
    const html = `<html lang="en"><body><article><h1>Co-op to build rail spur</h1>${EN.map(p).join('')}<p>3.50 million bushels</p></article></body></html>`;
    expect(run(html).paragraphs).toContain('3.50 million bushels');
  });
});
