import { describe, expect, it } from 'vitest';
import { tagger } from './tagger-helpers.ts';

const spans = (text: string, lang: 'ar' | 'en'): string[] => tagger().tag(text, lang).mentions.map((m) => `${m.type} ${m.text} ${m.entityId ?? ''}`.trim());

describe('places and people the KB and gazetteer lacked (session 22)', () => {
  it('links Iran\'s provinces as Arabic news names them', () => {
    expect(spans('وقال محافظ خراسان الجنوبية إن المحصول تراجع.', 'ar')).toContain('LOC خراسان الجنوبية loc:Q171551');
    expect(spans('وشهدت محافظة أذربيجان الغربية أمطاراً غزيرة.', 'ar')).toContain('LOC أذربيجان الغربية loc:Q134411');
  });

  it('links Siwa, Karrada and Alexander the Great', () => {
    expect(spans('وزار الوفد سيوة أمس، ويقع معبد آمون في واحة سيوة غرب مصر.', 'ar')).toEqual(expect.arrayContaining(['LOC سيوة loc:siwa', 'LOC واحة سيوة loc:siwa']));
    expect(spans('ويقال إن الإسكندر الأكبر زار المعبد في القرن الرابع قبل الميلاد.', 'ar')).toContain('PER الإسكندر الأكبر per:alexander-the-great');
    expect(spans('وانفجرت عبوة ناسفة في حي الكرادة وسط بغداد.', 'ar')).toContain('LOC الكرادة loc:karrada');
  });

  it('keeps «المالكية», also the Maliki school, to where the model reads a place', () => {
    expect(spans('وتعد المالكية أحد المذاهب الفقهية الأربعة.', 'ar').filter((s) => s.includes('Q4702792'))).toEqual([]);
  });
});
