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

  it('links the Maghreb places whose upstream Arabic name news does not use, and Arab towns the gazetteer lacks', () => {
    expect(spans('وشهدت ولاية الحوض الشرقي في موريتانيا أمطارا غزيرة.', 'ar')).toContain('LOC الحوض الشرقي loc:Q12621');
    expect(spans('وارتفعت الحرارة في عين صالح والمنيعة جنوب الجزائر.', 'ar')).toEqual(expect.arrayContaining(['LOC عين صالح loc:Q76593022', 'LOC المنيعة loc:Q76520264']));
    expect(spans('وسيطرت القوات على مدينة الباب شمال حلب في سوريا.', 'ar')).toContain('LOC الباب loc:Q310892');
    expect(spans('وقال إن الباب مفتوح أمام الحوار.', 'ar')).toEqual([]);
    expect(spans('وأغلق معبر نصيب بعد اشتباكات قرب درعا.', 'ar')[0]).toMatch(/^LOC معبر نصيب loc:nasib-crossing$/u);
  });
});

describe('«ف» before a name without the article', () => {
  it('reads no place behind it: «فاطمة» is no ف + Atmeh, «فراس عيسى» no ف + Ras Isa', () => {
    expect(spans('قالت فاطمة الكوهجي إن الحملة بدأت في أطمة.', 'ar')).toEqual(['PER فاطمة الكوهجي per:فاطمه الكوهجي', 'LOC أطمة loc:atmeh']);
    expect(spans('وقال فراس عيسى إن السفن وصلت إلى رأس عيسى.', 'ar')).toEqual(['PER فراس عيسى per:فراس عيسي', 'LOC رأس عيسى loc:ras-isa']);
  });

  it('still reads a name behind «ف» with the article', () => {
    expect(spans('فالسودان يواجه أزمة غذائية حادة.', 'ar')).toContain('LOC السودان loc:SDN');
  });
});

describe('physical features and civil-society bodies the KB lacked (session 22)', () => {
  it('links rivers, biomes, unions and NGOs news names', () => {
    expect(spans('Ships were stranded on the Volga near Astrakhan as Russian officials blamed the drought.', 'en')[0]).toBe('LOC Volga loc:volga');
    expect(spans('The Nigeria Labour Congress said the strike would go ahead in Abuja.', 'en')[0]).toBe('ORG Nigeria Labour Congress org:nigeria-labour-congress');
    expect(spans('Deforestation in the Cerrado rose, Imazon and Observatório do Clima said in Brazil.', 'en').slice(0, 3)).toEqual([
      'LOC Cerrado loc:cerrado',
      'ORG Imazon org:imazon',
      'ORG Observatório do Clima org:observatorio-do-clima',
    ]);
  });
});

describe('Arab public bodies below the ministries (session 22)', () => {
  it('links a body by its full name, and a name several states share only beside its country', () => {
    expect(spans('وأعلن الجهاز المركزي للتعبئة العامة والإحصاء أن التضخم تراجع.', 'ar')[0]).toBe('ORG الجهاز المركزي للتعبئة العامة والإحصاء org:capmas');
    expect(spans('وقالت النيابة العامة المصرية إنها أحالت المتهمين إلى المحكمة.', 'ar')[0]).toBe('ORG النيابة العامة المصرية org:egypt-public-prosecution');
    expect(spans('وقالت النيابة العامة إنها فتحت تحقيقا في الحادث.', 'ar').some((s) => /org:[a-z]/u.test(s))).toBe(false);
  });
});

describe('companies the KB lacked (session 22)', () => {
  it('links a company by its name in either script', () => {
    expect(spans('وقالت شركة نايل سات إن القمر الجديد سيطلق العام المقبل.', 'ar')[0]).toMatch(/^ORG (شركة )?نايل سات org:nilesat$/u);
  });
});
