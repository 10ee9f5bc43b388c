import { describe, expect, it } from 'vitest';
import { parseTextDate } from '../src/dates.ts';
import { extractArticle } from '../src/index.ts';
import { inferPageZone, regionOf, tldCountry, zonedToUtc } from '../src/zones.ts';

const body = '<p>أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة المياه في المدن الكبرى، وقالت إن العمل سيبدأ خلال الأسابيع المقبلة في عدة محافظات.</p>'.repeat(4);
function page(head: string, dateline: string, lang = 'ar'): string {
  return `<html lang="${lang}"><head><title>خطة المياه</title>${head}</head><body><article><h1>خطة المياه</h1><div class="date">${dateline}</div>${body}</article></body></html>`;
}

describe('zone inference', () => {
  it('reads locale regions and country-code TLDs', () => {
    expect(regionOf('ar_EG')).toBe('eg');
    expect(regionOf('ar-SA')).toBe('sa');
    expect(regionOf('ar')).toBeNull();
    expect(tldCountry('https://www.youm7.com.eg/story/1')).toBe('eg');
    expect(tldCountry('https://example.com/a')).toBeNull();
    expect(inferPageZone(['ar', 'ar-LB'], ['https://x.ae/'])).toEqual({ zone: 'Asia/Beirut', from: 'locale' });
    expect(inferPageZone([undefined, 'ar'], ['https://sabq.sa/1'])).toEqual({ zone: 'Asia/Riyadh', from: 'tld' });
    expect(inferPageZone(['ar'], ['https://example.com/'])).toBeNull();
  });

  it('uses Intl for daylight saving', () => {
    // Cairo: UTC+2 in winter, UTC+3 from the last Friday of April 2024.
    expect(new Date(zonedToUtc(Date.UTC(2024, 0, 10, 12, 0), 'Africa/Cairo')).toISOString()).toBe('2024-01-10T10:00:00.000Z');
    expect(new Date(zonedToUtc(Date.UTC(2024, 6, 10, 12, 0), 'Africa/Cairo')).toISOString()).toBe('2024-07-10T09:00:00.000Z');
    expect(new Date(zonedToUtc(Date.UTC(2024, 6, 10, 12, 0), 'Asia/Riyadh')).toISOString()).toBe('2024-07-10T09:00:00.000Z');
  });

  it('applies the page zone to a zone-less visible date and says where it came from', () => {
    const a = extractArticle({ html: page('<meta property="og:locale" content="ar_EG">', '3 مارس 2025 - 11:30'), url: 'https://news.example.com/a' });
    expect(a.publishedAt).toBe('2025-03-03T09:30:00.000Z');
    expect(a.dateSource).toBe('text+zone:Africa/Cairo(locale)');
    const b = extractArticle({ html: page('', '3 مارس 2025 - 11:30'), url: 'https://www.alghad.jo/a' });
    expect(b.publishedAt).toBe('2025-03-03T08:30:00.000Z');
    expect(b.dateSource).toBe('text+zone:Asia/Amman(tld)');
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"خطة المياه","inLanguage":"ar-SA","datePublished":"2025-03-03T11:30:00"}</script>';
    const c = extractArticle({ html: page(ld, ''), url: 'https://news.example.com/a' });
    expect(c.publishedAt).toBe('2025-03-03T08:30:00.000Z');
    expect(c.dateSource).toBe('json-ld+zone:Asia/Riyadh(locale)');
  });

  it('keeps UTC and says so without evidence, and never shifts day-only dates', () => {
    const a = extractArticle({ html: page('', '3 مارس 2025 - 11:30'), url: 'https://news.example.com/a' });
    expect(a.publishedAt).toBe('2025-03-03T11:30:00.000Z');
    expect(a.dateSource).toBe('text+assumed-utc');
    const b = extractArticle({ html: page('<meta property="og:locale" content="ar_EG">', '3 مارس 2025'), url: 'https://news.example.com/a' });
    expect(b.publishedAt).toBe('2025-03-03T00:00:00.000Z');
    expect(b.dateSource).toBe('text+assumed-utc');
  });

  it('applies a zone named in the dateline, with DST', () => {
    expect(parseTextDate('17 مايو 2024 - 10:00 بتوقيت القاهرة', null)).toEqual({ iso: '2024-05-17T07:00:00.000Z', assumedUtc: false, hasTime: true, day: '2024-05-17' });
    expect(parseTextDate('17 يناير 2024 - 10:00 بتوقيت القاهرة', null)?.iso).toBe('2024-01-17T08:00:00.000Z');
    expect(parseTextDate('17 مايو 2024 - 10:00 بتوقيت مكة المكرمة', null)?.iso).toBe('2024-05-17T07:00:00.000Z');
    expect(parseTextDate('17 May 2024 10:00 Mecca time', null)?.iso).toBe('2024-05-17T07:00:00.000Z');
  });
});

describe('Hijri dates', () => {
  it('converts Hijri-only dates with Umm al-Qura', () => {
    expect(parseTextDate('الجمعة 10 شوال 1445 هـ', null)?.iso).toBe('2024-04-19T00:00:00.000Z');
    expect(parseTextDate('١ رمضان ١٤٤٥ هـ - 10:30', null)?.iso).toBe('2024-03-11T10:30:00.000Z');
    expect(parseTextDate('1 محرم 1446', null)?.iso).toBe('2024-07-07T00:00:00.000Z');
    expect(parseTextDate('17 ربيع الأول 1446 هـ', null)?.iso).toBe('2024-09-20T00:00:00.000Z');
    expect(parseTextDate('5 ذو الحجة 1445 هـ', null)?.iso).toBe('2024-06-11T00:00:00.000Z');
  });
  it('prefers the Gregorian date when both are shown', () => {
    expect(parseTextDate('الجمعة 10 شوال 1445 هـ الموافق 20 أبريل 2024 - 10:00', null)?.iso).toBe('2024-04-20T10:00:00.000Z');
  });
  it('rejects Hijri days that do not exist', () => {
    expect(parseTextDate('31 رجب 1445 هـ', null)).toBeNull();
  });
});
