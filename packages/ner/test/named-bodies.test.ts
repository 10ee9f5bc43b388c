import { describe, expect, it } from 'vitest';
import { namedMentions } from './tagger-helpers.ts';

const rules = (text: string): string[] => namedMentions(text, 'ar', false);

describe('Arabic bodies named by a word and what they do', () => {
  it('reads a company after شركة/مجموعة, without the cue, up to its activity and adjectives', () => {
    expect(rules('ووقعت شركة الرمال الزرقاء للخدمات النفطية عقدا جديدا.')).toEqual(['ORG الرمال الزرقاء للخدمات النفطية org:الرمال الزرقاء للخدمات النفطيه']);
    expect(rules('وأعلنت مجموعة نوران للاستكشاف والإنتاج أرباحها.')).toEqual(['ORG نوران للاستكشاف والإنتاج org:نوران للاستكشاف والانتاج']);
    expect(rules('وقال محلل في شركة الوسيط لتداول الأوراق المالية إن الطلب قوي.')).toEqual(['ORG الوسيط لتداول الأوراق المالية org:الوسيط لتداول الاوراق الماليه']);
  });

  it('keeps a naming head (مركز, معهد, صندوق, جامعة) and the KB place inside the name', () => {
    expect(rules('وقال الباحث في مركز الجسر للدراسات السياسية والاستراتيجية إن الاتفاق هش.')).toEqual(['ORG مركز الجسر للدراسات السياسية والاستراتيجية org:مركز الجسر للدراسات السياسيه والاستراتيجيه']);
    expect(rules('وموّل صندوق قطر للتنمية المشروع.')).toEqual(['ORG صندوق قطر للتنمية org:qffd']);
    expect(rules('وقالت لمعهد الواحة للسياسات العامة إن النمو تباطأ.')).toEqual(['ORG معهد الواحة للسياسات العامة org:معهد الواحه للسياسات العامه']);
  });

  it('reads a quoted name only when the quote closes after it', () => {
    expect(rules('وقال مدير شركة «نجمة الشمال للشحن» إن السفن تأخرت.')).toEqual(['ORG نجمة الشمال للشحن org:نجمه الشمال للشحن']);
    expect(rules('وقال إن "المرفأ سيعود رئة للتجارة الإقليمية" بعد الإعمار.')).toEqual([]);
  });

  it('is not a name: an adjective or a purpose after the cue, a nationality, a plain purpose', () => {
    expect(rules('وتعد أرامكو أكبر شركة مصدرة للنفط في العالم.').filter((m) => m.startsWith('ORG') && !m.includes('aramco'))).toEqual([]);
    expect(rules('وأسست الحكومة شركة للتطوير العقاري.')).toEqual([]);
    expect(rules('وأسست الحكومة شركة هندية للأدوية.').filter((m) => m.startsWith('ORG'))).toEqual([]);
    expect(rules('وتعاقدت مع شركة كوسكو الصينية للشحن.').filter((m) => m.includes('للشحن'))).toEqual([]);
    expect(rules('وقدمت الوزارة خطة للتنمية في الريف.')).toEqual([]);
    // The nationality after the activity says where the company is from: it ends the name.
    expect(rules('واتفق الجهاز مع مجموعة جيانغسو هوادا للطاقة الجديدة الصينية.')).toContain('ORG جيانغسو هوادا للطاقة الجديدة org:جيانغسو هوادا للطاقه الجديده');
  });

  it('lets a KB organisation that is the whole name before the activity keep its link', () => {
    expect(rules('وتوقعت وكالة فيتش للتصنيف الائتماني تصحيحا في الأسعار.').some((m) => m.includes('org:fitch'))).toBe(true);
  });
});

describe('Arabic bodies named in quotes after a cue noun, and societies', () => {
  it('reads the quoted words after جمعية, حركة, قناة… as the name, without the cue', () => {
    expect(rules('وقالت جمعية «صرخة المودعين» إنها ستواصل تحركاتها.')).toEqual(['ORG صرخة المودعين org:صرخه المودعين']);
    expect(rules('وحصلت قائمة "الإعمار والتنمية" على أربعة مقاعد.')).toEqual(['ORG الإعمار والتنمية org:الاعمار والتنميه']);
  });

  it('links a quoted name that is a KB alias the model would otherwise have to confirm', () => {
    expect(rules('وقال لقناة «الجزيرة» إن المحادثات مستمرة.')).toEqual(['ORG الجزيرة org:al-jazeera']);
  });

  it('leaves quotes after other words, and quotes that run past four words, alone', () => {
    expect(rules('وقال إن «الاتفاق صامد» حتى الآن.')).toEqual([]);
    expect(rules('ووصفت الحركة «القرار بأنه خطوة إلى الوراء» في بيان.')).toEqual([]);
  });

  it('reads a society with its definite name and up to two adjectives', () => {
    expect(rules('وحصدت جمعية التجمع الوطني الديمقراطي ثلاثة مقاعد.')).toEqual(['ORG جمعية التجمع الوطني الديمقراطي org:جمعيه التجمع الوطني الديمقراطي']);
    // The KB's own name of such a society links to it.
    expect(rules('وحصدت جمعية الوفاق الوطني الإسلامية ثلاثة مقاعد.')).toEqual(['ORG جمعية الوفاق الوطني الإسلامية org:al-wefaq']);
    expect(rules('وفازت جمعية الأصالة الإسلامية بمقعدين.')).toEqual(['ORG جمعية الأصالة الإسلامية org:جمعيه الاصاله الاسلاميه']);
    expect(rules('وقالت جمعية محلية لمساعدة المهاجرين إن العدد ارتفع.')).toEqual([]);
  });
});

describe('Arabic bodies named after a ruler', () => {
  it('reads the head, the royal title, the name with its lineage and what the body does as one organisation', () => {
    expect(rules('وقال رئيس جامعة الملك سعود إن العام الدراسي بدأ.')).toEqual(['ORG جامعة الملك سعود org:جامعه الملك سعود']);
    expect(rules('وأعلنت مدينة الملك عبد العزيز للعلوم والتقنية عن برنامج جديد.')).toEqual(['ORG مدينة الملك عبد العزيز للعلوم والتقنية org:مدينه الملك عبد العزيز للعلوم والتقنيه']);
    expect(rules('وزار الوفد جامعة الملك عبد الله بن عبد العزيز أمس.')).toEqual(['ORG جامعة الملك عبد الله بن عبد العزيز org:جامعه الملك عبد الله بن عبد العزيز']);
  });

  it('needs the royal title with its article and a name after it', () => {
    expect(rules('وقالت الجامعة إن الملك سيزورها.')).toEqual([]);
    expect(rules('وقال رئيس جامعة ملك في المدينة.')).toEqual([]);
  });
});

describe('Arabic institutions a place completes', () => {
  it('reads universities, exchanges, banks and courts named by their city', () => {
    expect(rules('وقال أستاذ الاقتصاد في جامعة الكويت إن الموازنة متوازنة.')).toEqual(['ORG جامعة الكويت org:جامعه الكويت']);
    expect(rules('وارتفع مؤشر بورصة الخرطوم بنسبة 0.6 في المئة.')).toEqual(['ORG بورصة الخرطوم org:بورصه الخرطوم']);
    expect(rules('وتراجعت بورصة دمشق 0.6 في المئة.')).toEqual(['ORG بورصة دمشق org:damascus-securities-exchange']);
    expect(rules('وقضت محكمة دبي الابتدائية بإلزام الشركة.')).toEqual(['ORG محكمة دبي الابتدائية org:محكمه دبي الابتداييه']);
    expect(rules('وطعنت الشركة أمام محكمة استئناف دبي.')).toEqual(['ORG محكمة استئناف دبي org:محكمه استيناف دبي']);
    expect(rules('وقال أستاذ في جامعة الجزائر 3 إن التعديل متوقع.')).toEqual(['ORG جامعة الجزائر 3 org:جامعه الجزاير 3']);
  });

  it('leaves a municipality to its town and a place after other words alone', () => {
    expect(rules('وقال رئيس بلدية كفركلا إن الأضرار كبيرة.').some((m) => m.startsWith('ORG'))).toBe(false);
    expect(rules('وقال إن الكويت ستستضيف القمة.')).toEqual(['LOC الكويت loc:KWT']);
  });
});
