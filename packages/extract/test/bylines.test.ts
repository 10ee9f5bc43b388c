import { describe, expect, it } from 'vitest';
import { looksLikeName, parseBylines, textBylines } from '../src/bylines.ts';
import { extractArticle } from '../src/index.ts';

describe('parseBylines', () => {
  it('strips byline words, job titles and tails', () => {
    expect(parseBylines(['By Jack Harris, Weather Reporter'], null).authors).toEqual(['Jack Harris']);
    expect(parseBylines(['Liam Doherty for the Daily Flash'], null).authors).toEqual(['Liam Doherty']);
    expect(parseBylines(['Claire Dumont in Paris'], null).authors).toEqual(['Claire Dumont']);
    expect(parseBylines(['تصوير وتقرير: محمد عثمان'], null).authors).toEqual(['محمد عثمان']);
    expect(parseBylines(['By Rhys Pritchard and Hannah Lowe'], null).authors).toEqual(['Rhys Pritchard', 'Hannah Lowe']);
    expect(parseBylines(['By Mark Stafford, Staff Writer'], null).authors).toEqual(['Mark Stafford']);
    expect(parseBylines(['Reporting by Jane Roe'], null).authors).toEqual([]);
  });

  it('routes datelines: agency to credit, byline word or bare name to author, desks nowhere', () => {
    expect(parseBylines(['الرياض - وكالات'], null)).toEqual({ authors: [], attribution: ['وكالات'] });
    expect(parseBylines(['الكويت - كتب بدر الشمري'], null)).toEqual({ authors: ['بدر الشمري'], attribution: [] });
    expect(parseBylines(['بيروت - جاد نصر'], null)).toEqual({ authors: ['جاد نصر'], attribution: [] });
    expect(parseBylines(['رياضة - محرر الشؤون الرياضية'], null)).toEqual({ authors: [], attribution: [] });
    expect(parseBylines(['فريق التحرير'], null).authors).toEqual([]);
  });
});

describe('bylines seen on the third held-out set', () => {
  it('splits two names joined by a «و» glued to the second, but not a name that starts with «و»', () => {
    expect(parseBylines(['كتب: أحمد فؤاد وهبة رمضان'], null).authors).toEqual(['أحمد فؤاد', 'هبة رمضان']);
    expect(parseBylines(['كتب: محمد عبد الله وعلي حسن'], null).authors).toEqual(['محمد عبد الله', 'علي حسن']);
    expect(parseBylines(['بقلم: مراد وهبة'], null).authors).toEqual(['مراد وهبة']);
    expect(parseBylines(['بقلم: أحمد سعيد وليد'], null).authors).toEqual(['أحمد سعيد وليد']);
    expect(parseBylines(['كتب: عبد الرحمن وائل السيد'], null).authors).toEqual(['عبد الرحمن وائل السيد']);
    expect(parseBylines(['كتب: محمد أحمد وسام علي'], null).authors).toEqual(['محمد أحمد وسام علي']);
  });

  it('drops the date and time written after the name', () => {
    expect(parseBylines(['إعداد: خالد العنزي - 2025/03/09 - 23:20 (GMT+3)'], null).authors).toEqual(['خالد العنزي']);
    expect(textBylines(['إعداد: خالد العنزي - 2025/03/09 - 23:20 (GMT+3)'], null).authors).toEqual(['خالد العنزي']);
    expect(parseBylines(['إعداد: نادية بنعلي الثلاثاء 17 نونبر 2026 - 13:05'], null).authors).toEqual(['نادية بنعلي']);
  });

  it('keeps weekday-like name parts, and never takes a place before a desk for a name', () => {
    expect(parseBylines(['كتب: عبد الله محمد الجمعة'], null).authors).toEqual(['عبد الله محمد الجمعة']);
    expect(parseBylines(['By Jane Roe and Sun Li'], null).authors).toEqual(['Jane Roe', 'Sun Li']);
    expect(parseBylines(['تقرير: سيف الدين الجبوري - مراسل الرافدين في نينوى'], null).authors).toEqual(['سيف الدين الجبوري']);
    expect(parseBylines(['NEW YORK - Staff Reporter'], null).authors).toEqual([]);
    expect(parseBylines(['Byron Smith'], null).authors).toEqual(['Byron Smith']);
  });
});

describe('textBylines', () => {
  it('finds a byline inside a pipe-separated dateline', () => {
    expect(textBylines(['من الارشيف - الدوحة - كتب عبدالله الحكيمي | 2008/01/28'], null).authors).toEqual(['عبدالله الحكيمي']);
    expect(textBylines(['مسقط - وكالات | 16/4/2024 - 08:45'], null)).toEqual({ authors: [], attribution: ['وكالات'] });
    expect(textBylines(['June 11, 2024 by Maria Garcia'], null).authors).toEqual(['Maria Garcia']);
  });
});

describe('looksLikeName', () => {
  it('accepts short personal names and rejects desks, sections and phrases', () => {
    expect(looksLikeName('حيدر الساعدي', null)).toBe(true);
    expect(looksLikeName('Sam Pearce', null)).toBe(true);
    expect(looksLikeName('فريق التحرير', null)).toBe(false);
    expect(looksLikeName('المغرب العربي', null)).toBe(false);
    expect(looksLikeName('أخبار محلية', null)).toBe(false);
    expect(looksLikeName('World News', null)).toBe(false);
    expect(looksLikeName('رئيس الوزراء على تويتر', null)).toBe(false);
    expect(looksLikeName('4 دقائق قراءة', null)).toBe(false);
    expect(looksLikeName('the latest news', null)).toBe(false);
    expect(looksLikeName('مسقط - وكالات', null)).toBe(false);
    expect(looksLikeName('صدى الخليج', 'صدى الخليج')).toBe(false);
  });
});

describe('author metas', () => {
  it('falls back to meta byl / article:author names, never to a profile URL', () => {
    const body = '<p>' + 'The city council voted on Tuesday to approve a new budget that raises spending on schools. '.repeat(3) + '</p>';
    const page = (metas: string): string => `<html><head>${metas}</head><body><article><h1>Council approves new budget</h1>${body}</article></body></html>`;
    expect(extractArticle({ html: page('<meta name="byl" content="By Jeanna Smialek and Ben Casselman">'), url: 'https://e.com/a' }).authors).toEqual(['Jeanna Smialek', 'Ben Casselman']);
    expect(extractArticle({ html: page('<meta property="article:author" content="https://www.facebook.com/somepaper">'), url: 'https://e.com/a' }).authors).toEqual([]);
  });
});
