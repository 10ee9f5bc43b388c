import { describe, expect, it } from 'vitest';
import { outsideCovered } from '../src/model-mentions.ts';
import { buildLexicon } from '../src/model/lexicon.ts';
import { findArabicInstitutions, hasOrgApposition, isGenericOrgHead } from '../src/org-rules.ts';
import { joinable } from '../src/matcher.ts';
import { tokenize } from '../src/tokenize.ts';
import { namedMentions, rulesTagger } from './tagger-helpers.ts';

const named = (text: string, lang: string, statistical = true): string[] => namedMentions(text, lang, statistical);

describe('role nouns before a name (English title rule)', () => {
  it('reads "opposition leader X Y" as a person and links the bare surname to it', () => {
    const text = 'Opposition leader Kofi Mensah urged calm. Speaking in Accra, Mensah said the vote was fair.';
    expect(named(text, 'en', false)).toEqual(['PER Kofi Mensah per:kofi mensah', 'LOC Accra loc:Q3761', 'PER Mensah per:kofi mensah']);
  });

  it('knows chief, deputy and chief executive', () => {
    expect(named('The bloc\'s foreign policy chief Lena Varga spoke.', 'en', false)).toEqual(['PER Lena Varga per:lena varga']);
    expect(named('His deputy Paolo Renzetti arrived.', 'en', false)).toEqual(['PER Paolo Renzetti per:paolo renzetti']);
    expect(named('Chief executive Ana Duarte resigned.', 'en', false)).toEqual(['PER Ana Duarte per:ana duarte']);
  });
});

describe('Arabic title rule: a title word as a given name', () => {
  const rules = (text: string): string[] => namedMentions(text, 'ar', false);

  it('reads "سلطان بن …" after a title as the name, with its family nisba', () => {
    expect(rules('وقال وزير المالية سلطان بن سالم الحبسي، في مؤتمر صحفي.')).toEqual(['PER سلطان بن سالم الحبسي per:sultan-al-habsi']);
  });

  it('still reads a title without بن after it as a title', () => {
    // "سلطان عمان": the sultan of Oman, then his name.
    expect(rules('وقال سلطان عمان هيثم بن طارق إن البلاد مستعدة.')).toContain('LOC عمان loc:OMN');
    expect(rules('وقال سلطان عمان هيثم بن طارق إن البلاد مستعدة.').some((m) => m.startsWith('PER سلطان'))).toBe(false);
  });

  it('adds a family nisba only after a بن chain', () => {
    // A nationality adjective after a plain two-part name stays out.
    expect(rules('وقال وزير الخارجية سامي حداد اللبناني إن.')).toEqual(['PER سامي حداد per:سامي حداد']);
  });
});

describe('organisation cues', () => {
  it('tags a capitalised name after a lower-case organisation noun', () => {
    expect(named("Ukraine's state grid operator Ukrenergo said power was back.", 'en', false)).toEqual([
      'LOC Ukraine loc:UKR',
      'ORG Ukrenergo org:ukrenergo',
    ]);
    expect(named('The news agency Korean Central News Agency said so.', 'en', false)).toEqual([
      'ORG Korean Central News Agency org:korean central news agency',
    ]);
    // Days and pronouns are not names.
    expect(named('The company Monday said it would appeal.', 'en', false)).toEqual([]);
  });

  it('tags an Arabic ministry-like name with its complements and nisba, after the proclitics', () => {
    const text = 'وقالت وزارة الزراعة المصرية إن المحصول جيد، فيما رحبت بوزارة الصحة والسكان بالقرار.';
    expect(named(text, 'ar', false)).toEqual([
      'ORG وزارة الزراعة المصرية org:وزاره الزراعه المصريه',
      'ORG وزارة الصحة والسكان org:وزاره الصحه والسكان',
    ]);
  });

  it('continues a ministry over و-joined nouns with their own adjectives, and a masculine adjective of its complement', () => {
    const rules = (text: string): string[] => named(text, 'ar', false);
    expect(rules('وقالت وزارة الموارد البشرية والتنمية الاجتماعية إن النسبة ارتفعت.')).toEqual(['ORG وزارة الموارد البشرية والتنمية الاجتماعية org:وزاره الموارد البشريه والتنميه الاجتماعيه']);
    expect(rules('وأعلنت وزارة الصيد والبنى التحتية البحرية والمينائية عن الخطة.')).toEqual(['ORG وزارة الصيد والبنى التحتية البحرية والمينائية org:وزاره الصيد والبني التحتيه البحريه والميناييه']);
    expect(rules('وأعلنت وزارة الكهرباء والماء والطاقة المتجددة عن المشروع.')).toEqual(['ORG وزارة الكهرباء والماء والطاقة المتجددة org:وزاره الكهرباء والماء والطاقه المتجدده']);
    expect(rules('وقالت وزارة الحكم المحلي إن الانتخابات ستجرى.')).toEqual(['ORG وزارة الحكم المحلي org:وزاره الحكم المحلي']);
    expect(rules('وقالت وزارة الزراعة والري إن المحصول جيد.')).toEqual(['ORG وزارة الزراعة والري org:وزاره الزراعه والري']);
    expect(rules('وقالت وزارة الصحة والتي أعلنت الخطة أمس إن الوضع جيد.')).toEqual(['ORG وزارة الصحة org:وزاره الصحه']);
    expect(rules('وقال المتحدث إن وزارة الصحة والآن تعمل على الخطة.')).toEqual(['ORG وزارة الصحة org:وزاره الصحه']);
    // A masculine adjective of the noun before the ministry is not its complement's.
    expect(rules('وأظهر تقرير وزارة الصحة اليومي ارتفاع الإصابات.')).toEqual(['ORG وزارة الصحة org:وزاره الصحه']);
    expect(rules('وقضت محكمة القضاء الإداري بوقف القرار.')).toEqual(['ORG محكمة القضاء الإداري org:محكمه القضاء الاداري']);
    // A nationality ends the name: what follows is another body.
    expect(rules('وقالت وزارة الصحة الفلسطينية والهلال الأحمر إن الوضع صعب.')[0]).toBe('ORG وزارة الصحة الفلسطينية org:وزاره الصحه الفلسطينيه');
  });

  it('ends a head\'s complements at a time, a rank or an ordinal, and reads a short definite complement («الري»)', () => {
    expect(named('وقال مجلس الشورى الأسبوع المقبل إنه سيصوت.', 'ar', false)).toEqual(['ORG مجلس الشورى org:مجلس الشوري']);
    expect(named('وانتخب مجلس النواب الأربعين رئيسا له.', 'ar', false)).toEqual(['ORG مجلس النواب org:مجلس النواب']);
    expect(named('وقالت وزارة الري المصرية إن المياه كافية.', 'ar', false)).toEqual(['ORG وزارة الري المصرية org:وزاره الري المصريه']);
  });

  it('does not read a body named by what it belongs to as a name («حكومة الإقليم», «حكومة الجماعة»)', () => {
    expect(named('ووافقت حكومة الإقليم على الاتفاق.', 'ar', false)).toEqual([]);
    expect(named('وأعلنت حكومة الجماعة أن المفاوضات متوقفة.', 'ar', false)).toEqual([]);
  });

  it('reads «مجلس الوزراء» as a name only with a nisba and never after a title', () => {
    expect(named('وقال رئيس مجلس الوزراء إن الحكومة مستمرة.', 'ar', false)).toEqual([]);
    expect(named('وعقد مجلس الوزراء أول اجتماع له.', 'ar', false)).toEqual([]);
    expect(named('وأقر مجلس الوزراء السعودي الميزانية.', 'ar', false)).toEqual(['ORG مجلس الوزراء السعودي org:مجلس الوزراء السعودي']);
  });

  it('leaves a head noun followed by an honorific to the named-body rule, which reads the ruler\'s name whole', () => {
    expect(named('وتخرج من جامعة الملك فهد.', 'ar', false)).toEqual(['ORG جامعة الملك فهد org:جامعه الملك فهد']);
    expect(named('وتخرج من جامعة الملك فهد للبترول.', 'ar', false)).toEqual(['ORG جامعة الملك فهد للبترول org:جامعه الملك فهد للبترول']);
  });

  it('never takes a bare institution noun for a name', () => {
    for (const word of ['للمنظمة', 'المنظمة', 'والوزارة', 'الحكومة']) {
      const token = tokenize(word)[0];
      expect(token && isGenericOrgHead(token), word).toBe(true);
    }
    const name = tokenize('أرامكو')[0];
    expect(name && isGenericOrgHead(name)).toBe(false);
  });

  it('reads an apposition ending in an organisation noun', () => {
    const yes = "Zentravia, the country's biggest airline, said on Monday that flights resumed.";
    expect(hasOrgApposition(yes, tokenize(yes), 0)).toBe(true);
    const no = 'Zentravia, the country\'s finance minister, said on Monday that flights resumed.';
    expect(hasOrgApposition(no, tokenize(no), 0)).toBe(false);
    const noComma = "Zentravia the country's biggest airline said so.";
    expect(hasOrgApposition(noComma, tokenize(noComma), 0)).toBe(false);
    // The head comes before a preposition: an analyst at a consultancy is a person.
    const at = 'Carolina Espinel, a maritime analyst at consultancy Drewry, said so.';
    expect(hasOrgApposition(at, tokenize(at), 1)).toBe(false);
    const firm = 'Drewry, a London consultancy, said so.';
    expect(hasOrgApposition(firm, tokenize(firm), 0)).toBe(true);
  });
});

describe('a model name that overlaps KB or rule mentions', () => {
  const lexicon = buildLexicon([], new Set());
  const words = tokenize('بنك غولدمان ساكس دان سترويفن قال');
  const span = { first: 1, last: 4, type: 'PER' as const, start: words[1]?.start ?? 0 };
  const nobody = (): boolean => false;

  it('keeps a person name of two or more words left beside a covered organisation', () => {
    expect(outsideCovered(span, new Set([1, 2]), nobody, words, lexicon)).toEqual({ first: 3, last: 4, type: 'PER', start: words[3]?.start });
    expect(outsideCovered(span, new Set(), nobody, words, lexicon)).toBe(span);
  });

  it('drops it when the rest is one word, not a person, split in the middle, or next to a known person', () => {
    expect(outsideCovered(span, new Set([1, 2, 3]), nobody, words, lexicon)).toBeNull();
    expect(outsideCovered({ ...span, type: 'ORG' }, new Set([1, 2]), nobody, words, lexicon)).toBeNull();
    expect(outsideCovered(span, new Set([3]), nobody, words, lexicon)).toBeNull();
    expect(outsideCovered(span, new Set([1, 2]), (k) => k === 1 || k === 2, words, lexicon)).toBeNull();
  });
});

describe('Arabic occupations before a name', () => {
  const rules = (text: string): string[] => namedMentions(text, 'ar', false);
  it('read «الفنان», «الحارس», «الدكتور» with the article as titles; bare they are nouns', () => {
    expect(rules('وأخيرا حقق الفنان طلعت زكريا حلمه.')).toEqual(['PER طلعت زكريا per:طلعت زكريا']);
    expect(rules('وتصدى الحارس أحمد حسن للكرة.')).toEqual(['PER أحمد حسن per:احمد حسن']);
    expect(rules('وقال الدكتور محمود حسن إن العلم مهم.')).toEqual(['PER محمود حسن per:محمود حسن']);
    expect(rules('وهو فنان سامي الفارس المفضل.')).toEqual([]);
  });
});

describe('a nationality after a KB organisation name', () => {
  it('stays out of a proper name and keeps the link', () => {
    expect(namedMentions('تعادل ميلان الإيطالي مع ليل الفرنسي، وفاز الزمالك المصري.', 'ar', false)).toEqual([
      'ORG ميلان org:ac-milan',
      'ORG ليل org:losc-lille',
      'ORG الزمالك org:zamalek',
    ]);
  });

  it('stays in an institution named by its kind and in an official name that holds it', () => {
    expect(namedMentions('وقال الجيش الإسرائيلي والبنك المركزي المصري والكونغرس الأمريكي وأرامكو السعودية.', 'ar', false)).toEqual([
      'ORG الجيش الإسرائيلي org:idf',
      'ORG البنك المركزي المصري org:central-bank-of-egypt',
      'ORG الكونغرس الأمريكي org:us-congress',
      'ORG أرامكو السعودية org:aramco',
    ]);
  });
});

describe('an unlinked name behind «لل»', () => {
  it('has the id of the form with the article, so both spellings are one entity', () => {
    const result = rulesTagger().tag('وقال مسؤول للهيئة العامة للطرق والنقل البري إن الهيئة العامة للطرق والنقل البري بدأت العمل.', 'ar');
    expect(result.mentions.map((m) => `${m.text} ${m.entityId ?? ''}`)).toEqual([
      'هيئة العامة للطرق والنقل البري org:الهييه العامه للطرق والنقل البري',
      'الهيئة العامة للطرق والنقل البري org:الهييه العامه للطرق والنقل البري',
    ]);
    expect(result.entities).toHaveLength(1);
    expect(result.entities[0]?.count).toBe(2);
  });
});

describe('what reads like a ministry or a body but is not one', () => {
  it('a ministry after a minister word is the title, not an organisation', () => {
    expect(namedMentions('وقال وزير الخارجية السودانية إن وزيرة الخارجية الأميركية هددت، وردت الخارجية الأميركية.', 'ar', false)).toEqual([
      'ORG الخارجية الأميركية org:us-state-department',
    ]);
  });

  it('a feminine adjective after a masculine institution describes another noun', () => {
    const text = 'وللوفاء بمتطلبات البنك الرأسمالية قال البنك المركزي المصري، وقال الجيش اللبناني.';
    const tokens = tokenize(text);
    expect(findArabicInstitutions(tokens, (a, b) => joinable(text, a, b)).map((s) => text.slice(s.start, tokens[s.last]?.end))).toEqual([
      'البنك المركزي المصري',
      'الجيش اللبناني',
    ]);
  });

  it('a general assembly called for a purpose is no name; «السورية» is "the Syrian", not Syria', () => {
    expect(namedMentions('يتقدم المجلس بتوصية إلى الجمعية العامة لإصدار القرارات التالية.', 'ar', false)).toEqual([]);
    expect(namedMentions('على طول الحدود اللبنانية - السورية، وحافظت الليرة السورية على قيمتها في سورية.', 'ar', false)).toEqual(['LOC سورية loc:SYR']);
  });
});

describe('a nationality after a ministry-like head and its complement', () => {
  it('is part of the name whichever noun it agrees with', () => {
    // (The Saudi authority is in the KB since session 13; the Bahraini society is not.)
    expect(namedMentions('وقالت جمعية الهلال الأحمر البحريني إن فرقها جاهزة.', 'ar', false)).toEqual(['ORG جمعية الهلال الأحمر البحريني org:bahrain-red-crescent']);
    // Any other masculine adjective after a feminine head is the sentence's («(تقرير) وزارة الصحة اليومي»).
    expect(namedMentions('وجاء في تقرير وزارة الصحة اليومي أن الحالات تراجعت.', 'ar', false)).toEqual(['ORG وزارة الصحة org:وزاره الصحه']);
  });
});

describe('«شركة» or «نادي» before a KB organisation', () => {
  it('stays out of the mention where the rest is the entry\'s name too', () => {
    expect(namedMentions('وقالت شركة رينو إن نادي أرسنال وشركة بترول أبوظبي الوطنية وقعت.', 'ar', false)).toEqual([
      'ORG رينو org:renault',
      'ORG أرسنال org:arsenal',
      // An official name that needs the word keeps it.
      'ORG شركة بترول أبوظبي الوطنية org:adnoc',
    ]);
  });
});
