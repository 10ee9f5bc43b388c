import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesOf, tagger } from './tagger-helpers.ts';


describe('an Arabic body goes on through the field it works in (session 29, blind36 and blind37)', () => {
  it('takes a fused «لل» field after an authority or society and its place name', () => {
    expect(namesOf('أعلنت هيئة الفجيرة للبيئة، اليوم الأربعاء، أن الحيوان شوهد.', 'ar', 'ORG')).toEqual(['هيئة الفجيرة للبيئة']);
    expect(namesOf('وقالت جمعية الإمارات للطبيعة إن الأعداد تراجعت.', 'ar', 'ORG')).toEqual(['جمعية الإمارات للطبيعة']);
    expect(namesOf('وقالت هيئة البحرين للثقافة والآثار إن الموقع سيفتح.', 'ar', 'ORG')).toEqual(['هيئة البحرين للثقافة والآثار']);
  });

  it("keeps the field's adjectives that are no nisba", () => {
    expect(namesOf('وقال معهد البحرين للؤلؤ والأحجار الكريمة إن الفحص انتهى.', 'ar', 'ORG')).toEqual(['معهد البحرين للؤلؤ والأحجار الكريمة']);
    expect(namesOf('وموّلت مؤسسة الحريري للتنمية البشرية المستدامة الترميم.', 'ar', 'ORG')).toEqual(['مؤسسة الحريري للتنمية البشرية المستدامة']);
  });

  it('leaves people, times and venues after a name outside it', () => {
    expect(namesOf('قدمت شركة أرامكو للمستثمرين عرضا جديدا.', 'ar', 'ORG')).toEqual(['أرامكو']);
    expect(namesOf('وشاركت جمعية سلا للمرة الأولى في المعرض.', 'ar', 'ORG')).toEqual(['جمعية سلا']);
    expect(namesOf('وعرضت القطع في مركز مليحة للآثار بالشارقة.', 'ar', 'ORG')).toEqual([]);
  });
});

describe('«المناخي» describes a ministry\'s complement (session 29, blind37)', () => {
  it('keeps the climate ministry whole with the field joined after it', () => {
    expect(namesOf('وقالت وزارة التغير المناخي والبيئة إن المشروع بدأ.', 'ar', 'ORG')).toEqual(['وزارة التغير المناخي والبيئة']);
  });
});

describe('a club the model reads as a person, in a match report (session 29, blind37)', () => {
  it('is the club the cue words of the article name', () => {
    const { text } = JSON.parse(readFileSync(new URL('fixtures/articles-blind37/en-greece-paok-aris-derby.json', import.meta.url), 'utf8')) as { text: string };
    const aris = tagger().tag(text, 'en').mentions.filter((m) => m.text === 'Aris');
    expect(aris.length).toBeGreaterThan(3);
    expect(new Set(aris.map((m) => `${m.type} ${m.entityId}`))).toEqual(new Set(['ORG org:aris-thessaloniki']));
  });

  it('stays a person outside a match report', () => {
    const text = 'Brazilian economist Maria Santos said inflation would fall next year. Santos, who has advised the owners of Flamengo and Palmeiras, said interest rates would follow.';
    const santos = tagger().tag(text, 'en').mentions.filter((m) => m.text === 'Santos');
    expect(santos.map((m) => [m.type, m.entityId])).toEqual([['PER', 'per:maria santos']]);
  });
});

describe('English bodies joined or listed (session 29, blind37)', () => {
  it('splits "<Head> of A and B <Head>" into two bodies', () => {
    expect(namesOf('Staff at the University of Dundee and Abertay University will strike on Monday.', 'en', 'ORG')).toEqual(['University of Dundee', 'Abertay University']);
  });

  it("keeps a department's list of fields whole", () => {
    expect(namesOf('The Department of Forestry, Fisheries and the Environment said on Monday that 42 rhinos were killed.', 'en', 'ORG')).toEqual([
      'Department of Forestry, Fisheries and the Environment',
    ]);
    expect(namesOf('The Ministry of Culture, Sport and Tourism said the festival would go ahead.', 'en', 'ORG')).toEqual(['Ministry of Culture, Sport and Tourism']);
  });

  it('leaves a list of bodies apart', () => {
    expect(namesOf('Officials from the Department of Health, Treasury and the Home Office met.', 'en', 'ORG')).toEqual(['Department of Health', 'Home Office']);
  });
});
