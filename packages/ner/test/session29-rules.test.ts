import { describe, expect, it } from 'vitest';
import { tagger } from './tagger-helpers.ts';

const namesOf = (text: string, lang: 'ar' | 'en', type?: string): string[] =>
  tagger()
    .tag(text, lang)
    .mentions.filter((m) => type === undefined || m.type === type)
    .map((m) => m.text);

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
