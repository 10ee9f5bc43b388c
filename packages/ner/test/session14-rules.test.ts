import { describe, expect, it } from 'vitest';
import { competenceTail, isPluralObjectAfter, purposeClauseAt } from '../src/org-rules.ts';
import { tokenize, variantsOf, type Token } from '../src/tokenize.ts';
import { namedMentions } from './tagger-helpers.ts';

const named = (text: string, lang: string, statistical = false): string[] => namedMentions(text, lang, statistical);

/** `next` over a plain token list, as the rules see it (no token covered). */
const nextOf =
  (tokens: readonly Token[]) =>
  (j: number): Token | undefined =>
    tokens[j];

describe('what a court or body is competent for is part of its name', () => {
  it('takes «المختصة», the word behind ب and its definite object or the definite word itself', () => {
    const a = tokenize('محكمة الجنايات المختصة بقضايا النزاهة في بغداد');
    expect(competenceTail(a[0], 1, nextOf(a))).toBe(4);
    const b = tokenize('الدائرة المختصة بالجرائم الاقتصادية أمس');
    expect(competenceTail(b[0], 0, nextOf(b))).toBe(3);
    const c = tokenize('النيابة المتخصصة بمكافحة الإرهاب');
    expect(competenceTail(c[0], 0, nextOf(c))).toBe(3);
    const d = tokenize('اللجنة المعنية بالمخدرات والجريمة المنظمة');
    expect(competenceTail(d[0], 0, nextOf(d))).toBe(3);
  });

  it('takes nothing when no ب-phrase follows or the construct has no definite object', () => {
    const e = tokenize('محكمة الجنايات المختصة في بغداد');
    expect(competenceTail(e[0], 1, nextOf(e))).toBe(1);
    const f = tokenize('محكمة الجنايات المختصة بقضايا فساد');
    expect(competenceTail(f[0], 1, nextOf(f))).toBe(1);
    const g = tokenize('محكمة الجنايات العليا بقضايا النزاهة');
    expect(competenceTail(g[0], 1, nextOf(g))).toBe(1);
  });

  it('names the courts whole through the whole tagger, after a model name and after a rule name', () => {
    const text = 'أصدرت محكمة تحقيق الكرخ المختصة بقضايا النزاهة مذكرات قبض.';
    expect(named(text, 'ar')).toEqual(['ORG محكمة تحقيق الكرخ المختصة بقضايا النزاهة org:محكمه تحقيق الكرخ المختصه بقضايا النزاهه']);
    expect(named(text, 'ar', true)).toEqual(['ORG محكمة تحقيق الكرخ المختصة بقضايا النزاهة org:محكمه تحقيق الكرخ المختصه بقضايا النزاهه']);
  });
});

describe('a plural object after a body named by a feminine complement', () => {
  const pair = (text: string): boolean => {
    const [a, b] = tokenize(text);
    return isPluralObjectAfter(a, b);
  };

  it('is the verb\'s object after a singular feminine noun, never a nisba plural', () => {
    expect(pair('النزاهة المتهمين')).toBe(true);
    expect(pair('الصحة المواطنون')).toBe(true);
    expect(pair('الصحة الفلسطينيين')).toBe(false);
    expect(pair('الإذاعة والتلفزيون')).toBe(false);
  });

  it('belongs to the name after a plural of people or a masculine noun', () => {
    expect(pair('الأساتذة المتفرغين')).toBe(false);
    expect(pair('الإخوان المسلمين')).toBe(false);
    expect(pair('شؤون المغتربين')).toBe(false);
  });

  it('ends the body before it through the rules', () => {
    expect(named('وأحالت هيئة النزاهة المتهمين إلى القضاء.', 'ar')).toEqual(['ORG هيئة النزاهة org:هييه النزاهه']);
    expect(named('وقالت رابطة الأساتذة المتفرغين إن الإضراب مستمر.', 'ar', true)).toContain('ORG رابطة الأساتذة المتفرغين org:رابطه الاساتذه المتفرغين');
  });
});

describe('short country names news uses', () => {
  it('links Bosnia, Macedonia, Swaziland and East Timor, and the Serb Republic', () => {
    expect(named('زار الوفد البوسنة ومقدونيا.', 'ar')).toEqual(['LOC البوسنة loc:BIH', 'LOC مقدونيا loc:MKD']);
    expect(named('Troops left Bosnia for East Timor and Swaziland.', 'en')).toEqual(['LOC Bosnia loc:BIH', 'LOC East Timor loc:TLS', 'LOC Swaziland loc:SWZ']);
    expect(named('وقالت رئيسة جمهورية صرب البوسنة إن الاتفاق صامد.', 'ar')).toEqual(['LOC جمهورية صرب البوسنة loc:Q11196']);
  });
});

describe('«ف» and «ك» before a model name', () => {
  it('stay part of a foreign name the model found, unless the rest is a whole name or stands bare in the article', () => {
    // (Session 14's last models no longer read «فالتيري بوتاس» as a person; «فالنتينو» keeps the case: ف + «النتينو».
    // Session 24's models also read «الدراج», "the rider", as a body: only the person is checked.)
    expect(named('وفاز الدراج الإيطالي فالنتينو روسي بالسباق.', 'ar', true)).toContain('PER فالنتينو روسي per:فالنتينو روسي');
    expect(named('وقال نائب الرئيس الكيني السابق كالونزو موسيوكا إن المعارضة موحدة.', 'ar', true)).toEqual(['PER كالونزو موسيوكا per:كالونزو موسيوكا']);
    expect(named('فالسودان يعاني من أزمة، كالعراق قبل سنوات.', 'ar', true)).toEqual(['LOC السودان loc:SDN', 'LOC العراق loc:IRQ']);
    expect(named('وزار الوفد كريتر في عدن، ثم عاد إلى كريتر مساء.', 'ar', true)).toContain('LOC كريتر loc:crater-aden');
  });
});

describe('long Arabic body names of the institutions set (articles-train41)', () => {
  it('goes on through a task joined with و and its object', () => {
    expect(named('وقالت هيئة الرقابة ومكافحة الفساد إنها أوقفت موظفين.', 'ar')).toEqual(['ORG هيئة الرقابة ومكافحة الفساد org:nazaha']);
    expect(named('وأعلنت وزارة التجارة وتنمية الصادرات عن إجراءات.', 'ar', true)).toEqual(['ORG وزارة التجارة وتنمية الصادرات org:وزاره التجاره وتنميه الصادرات']);
    // A joined word that is no task, or a task without its definite object, ends the name.
    expect(named('وقالت وزارة الصحة وزيارة الوفد مؤجلة.', 'ar')).toEqual(['ORG وزارة الصحة org:وزاره الصحه']);
  });

  it('finishes a court whose adjective of competence the complement rule took in', () => {
    expect(named('وأحيل الملف إلى محكمة الجنايات المختصة بقضايا النزاهة أمس.', 'ar', true)).toEqual(['ORG محكمة الجنايات المختصة بقضايا النزاهة org:محكمه الجنايات المختصه بقضايا النزاهه']);
  });

  it('keeps the complement\'s feminine adjectives after a masculine head («جهاز الرقابة المالية والإدارية»)', () => {
    expect(named('وقال جهاز الرقابة المالية والإدارية للدولة إن المخالفات كبيرة.', 'ar')).toEqual(['ORG جهاز الرقابة المالية والإدارية org:جهاز الرقابه الماليه والاداريه']);
  });

  it('keeps «العاملة» in «القوى العاملة» and leaves a proclitic before a facility head out', () => {
    expect(named('وأعلنت الهيئة العامة للقوى العاملة عن حملة.', 'ar')).toEqual(['ORG الهيئة العامة للقوى العاملة org:الهييه العامه للقوي العامله']);
    expect(named('ووصل المسافرون بمطار الملك عبدالعزيز الدولي في جدة.', 'ar', true)).toContain('LOC مطار الملك عبدالعزيز الدولي loc:مطار الملك عبدالعزيز الدولي');
  });
});

describe('names of the sport, business and world-politics sets (articles-train38 … -train40)', () => {
  it('reads a spelt-out acronym after و («وبي واي دي»), and not «في» or «إن»', () => {
    expect(named('بدأت شركات مثل جيتور وبي واي دي البيع عبر وكلاء محليين.', 'ar')).toEqual(['ORG بي واي دي org:byd']);
    expect(variantsOf(tokenize('وبي')[0] as Token).map((v) => v.key)).toEqual(['وبي', 'بي']);
    expect(variantsOf(tokenize('وفي')[0] as Token).map((v) => v.key)).toEqual(['وفي']);
  });

  it('does not take another given name before a KB person\'s compound surname for that person', () => {
    expect(named('وسجل اللاعب محمود عبد العاطي هدف الفوز للاتحاد.', 'ar', true)).toEqual(['PER محمود عبد العاطي per:محمود عبد العاطي']);
    expect(named('وقال الوزير بدر عبد العاطي إن الحل سياسي، وأضاف عبد العاطي أن مصر ترفض التهجير.', 'ar', true)).toEqual([
      'PER بدر عبد العاطي per:badr-abdelatty',
      'PER عبد العاطي per:badr-abdelatty',
      'LOC مصر loc:EGY',
    ]);
  });

  it('leaves a count or a person named elsewhere behind «ب» out of a person\'s name', () => {
    expect(named('وفاز مرشح المعارضة كابرال ليبي بخمسة مقاعد.', 'ar', true)).toEqual(['PER كابرال ليبي per:كابرال ليبي']);
    expect(named('وقال بينيت إن الحكومة ستسقط، فيما اتصل منصور عباس ببينيت مساء.', 'ar', true)).toEqual(['PER بينيت per:naftali-bennett', 'PER منصور عباس per:mansour-abbas', 'PER بينيت per:naftali-bennett']);
    // Without the KB: the name the model read elsewhere is still no part of the one before «ب».
    expect(named('وقال النائب يوآف تسيبوري إن الحكومة ستسقط، فيما اتصل منصور عباس بتسيبوري مساء.', 'ar', true)).toEqual([
      'PER يوآف تسيبوري per:يواف تسيبوري',
      'PER منصور عباس per:mansour-abbas',
      'PER تسيبوري per:يواف تسيبوري',
    ]);
  });
});

describe('parties named by what they stand for', () => {
  it('take «من أجل» and the ideal in, after a head alone or with its words', () => {
    expect(named('وقالت الجبهة من أجل الخلاص الوطني إن الانتخابات مزورة.', 'ar')).toEqual(['ORG الجبهة من أجل الخلاص الوطني org:الجبهه من اجل الخلاص الوطني']);
    expect(named('وأعلن الاتحاد الوطني من أجل الديمقراطية والتقدم فوزه.', 'ar', true)).toEqual(['ORG الاتحاد الوطني من أجل الديمقراطية والتقدم org:الاتحاد الوطني من اجل الديمقراطيه والتقدم']);
    expect(named('وقال حزب الديمقراطية من أجل المواطنين إنه سيقاطع.', 'ar', true)).toEqual(['ORG حزب الديمقراطية من أجل المواطنين org:حزب الديمقراطيه من اجل المواطنين']);
  });

  it('leave a purpose alone («الجمعية من أجل الحصول على …»)', () => {
    expect(named('وتحركت الجمعية من أجل الحصول على الدعم.', 'ar')).toEqual([]);
  });
});

describe('party names of the world-politics set, after the retraining', () => {
  it('keep the ideal after a party\'s adjectives, and end before another party joined with و', () => {
    expect(named('وحصل الحزب الكاميروني للمصالحة الوطنية على مقعدين.', 'ar')).toEqual(['ORG الحزب الكاميروني للمصالحة الوطنية org:الحزب الكاميروني للمصالحه الوطنيه']);
    expect(named('ودعم حزب العمال والحزب الديمقراطي المشروع.', 'ar')[0]).toBe('ORG حزب العمال org:حزب العمال');
    expect(named('وقالت وزارة الاقتصاد والتجارة إن الأسعار مستقرة.', 'ar')).toEqual(['ORG وزارة الاقتصاد والتجارة org:وزاره الاقتصاد والتجاره']);
  });

  it('take the model\'s longer name on through «في» and a place where a rule found its start', () => {
    expect(named('وقال الاتحاد الديمقراطي للمجريين في رومانيا إنه سيصوت ضد الحكومة.', 'ar', true)).toEqual(['ORG الاتحاد الديمقراطي للمجريين في رومانيا org:الاتحاد الديمقراطي للمجريين في رومانيا']);
    // The rules alone keep the body and the country apart.
    expect(named('وقال الاتحاد الديمقراطي للمجريين في رومانيا إنه سيصوت ضد الحكومة.', 'ar')).toEqual(['ORG الاتحاد الديمقراطي للمجريين org:الاتحاد الديمقراطي للمجريين', 'LOC رومانيا loc:ROU']);
  });

  it('leave a count out of a leader named after «بزعامة»', () => {
    expect(named('ثم الحزب الكاميروني للمصالحة الوطنية بزعامة كابرال ليبي بخمسة.', 'ar', true)).toContain('PER كابرال ليبي per:كابرال ليبي');
  });
});

describe('English organisations named "… of <place>"', () => {
  it('read the particles of a foreign place inside the name ("University of Dar es Salaam")', () => {
    expect(named('Students at the University of Dar es Salaam protested on Monday.', 'en')).toContain('ORG University of Dar es Salaam org:university of dar es salaam');
  });

  it('take the place in where the model reads the name on through "of"', () => {
    expect(named('The National Petroleum Corporation of Namibia signed the deal on Monday.', 'en', true)).toEqual(['ORG National Petroleum Corporation of Namibia org:national petroleum corporation of namibia']);
    expect(named('Officials at the Airports Corporation of Vietnam said the terminal would open in June.', 'en', true)).toEqual(['ORG Airports Corporation of Vietnam org:airports corporation of vietnam']);
  });
});

describe('faults a review of this session\'s rules found, fixed', () => {
  const ar = (text: string, statistical = true): string[] => named(text, 'ar', statistical);

  it('a competence tail takes domains only, after courts and panels only, never the next body or the verb\'s object', () => {
    expect(ar('وأحيلت الأوراق إلى محكمة الجنايات المختصة بالجرائم الاقتصادية والنيابة العامة للتحقيق.')[0]).toBe('ORG محكمة الجنايات المختصة بالجرائم الاقتصادية org:محكمه الجنايات المختصه بالجرايم الاقتصاديه');
    expect(ar('وأحالت هيئة النزاهة المختصة بملفات الفساد القضية إلى القضاء.')).toEqual(['ORG هيئة النزاهة org:هييه النزاهه']);
    expect(ar('وطالبت وزارة الداخلية المعنية بتطبيق القانون بالتشدد.')).toEqual(['ORG وزارة الداخلية org:وزاره الداخليه']);
    expect(ar('وأحالت محكمة الجنايات المختصة بالقضية المتهمين إلى السجن.')).toEqual(['ORG محكمة الجنايات org:محكمه الجنايات']);
  });

  it('a task joined with و goes on naming a body only for the tasks bodies are named by', () => {
    expect(ar('وأشاد الوزير بجهود وزارة الداخلية وحماية المواطنين خلال العيد.')).toEqual(['ORG وزارة الداخلية org:وزاره الداخليه']);
    expect(ar('وقال جهاز المخابرات العامة وأمن الدولة إنه أحبط مخططا.', false)[0]).toBe('ORG جهاز المخابرات العامة org:جهاز المخابرات العامه');
  });

  it('«من أجل» after a whole name is a purpose; after a bare indefinite head nothing', () => {
    expect(ar('ويناضل حزب العمال من أجل العدالة الاجتماعية منذ تأسيسه.')).toEqual(['ORG حزب العمال org:حزب العمال']);
    // (The models since session 15 read no name here; the rule itself: the name ends before «من».)
    const cabinet = tokenize('ويعمل مجلس الوزراء من أجل الإصلاح الاقتصادي الشامل');
    expect(purposeClauseAt(1, 6, cabinet)).toBe(2);
    expect(ar('ودعا الرئيس إلى عقد مؤتمر من أجل السلام في الشرق الأوسط.')).toEqual(['LOC الشرق الأوسط loc:middle-east']);
    expect(ar('وانتقد رفض الحزب الشيوعي للتغيير السياسي في البلاد.', false)).toEqual(['ORG الحزب الشيوعي org:الحزب الشيوعي']);
  });

  it('«وأم» and «ودي» are no acronyms; «سد» is read behind a proclitic', () => {
    expect(ar('وقتل رجل وأم وطفلاها في القصف على خان يونس.')).toEqual(['LOC خان يونس loc:Q948026']);
    expect(ar('وتتعلق المفاوضات بسد النهضة الإثيوبي.', false)).toEqual(['LOC سد النهضة الإثيوبي loc:gerd']);
  });

  it('North Macedonia keeps its whole Arabic name; Greek Macedonia is not the country; ordinary phrases are no party', () => {
    expect(ar('وقال رئيس وزراء مقدونيا الشمالية هريستيان ميكوسكي إن بلاده مستعدة.')[0]).toBe('LOC مقدونيا الشمالية loc:MKD');
    expect(named('Thessaloniki, the capital of Greek Macedonia, hosted the fair.', 'en', true).some((m) => m.endsWith('loc:MKD'))).toBe(false);
    expect(ar('وتتبنى الأحزاب اليمينية أيديولوجيا الصهيونية الدينية منذ عقود.', false)).toEqual([]);
    expect(ar('وقدمت الأحزاب الكردية القائمة الموحدة للمرشحين إلى المفوضية.', false)).toEqual([]);
  });

  it('a model organisation holding a KB organisation holds no KB place back («… من أجل دعم أوكرانيا»)', () => {
    expect(ar('وأعلن الاتحاد الأوروبي من أجل دعم أوكرانيا حزمة جديدة.')).toEqual(['ORG الاتحاد الأوروبي org:eu', 'LOC أوكرانيا loc:UKR']);
  });
});

describe('the local, culture and Africa–Asia sets (articles-train42 … -train44)', () => {
  it('links news figures and bodies the KB lacked, and Kabul written «كابل» where the model reads a place', () => {
    expect(named('وأكدت بعثة الأمم المتحدة لتقديم المساعدة إلى أفغانستان أن القتلى مدنيون.', 'ar')).toEqual(['ORG بعثة الأمم المتحدة لتقديم المساعدة إلى أفغانستان org:unama']);
    expect(named('وقال الملا عبد الغني برادر إن القناة ستكتمل.', 'ar')).toEqual(['PER عبد الغني برادر per:abdul-ghani-baradar']);
    expect(named('ووصل الوفد إلى كابل أمس.', 'ar', true)).toEqual(['LOC كابل loc:Q188933']);
    expect(named('وتم مد كابل كهربائي جديد.', 'ar', true)).toEqual([]);
  });

  it('reads a KB person\'s full name with one more family name as someone else', () => {
    expect(named('وقال وزير الخارجية عمر سليمان مزي إن الحكومة مستعدة.', 'ar', true)).toEqual(['PER عمر سليمان مزي per:عمر سليمان مزي']);
    expect(named('وقال الرئيس عبد الفتاح السيسي الأربعاء إن مصر مستعدة.', 'ar', true)[0]).toBe('PER عبد الفتاح السيسي per:abdel-fattah-el-sisi');
  });

});

describe('faults a second review found, fixed', () => {
  it('a time word after a KB person is no family name; a person\'s own fuller name links', () => {
    expect(named('وقال الرئيس الفلسطيني محمود عباس أمس إن القيادة ترفض الخطة الأمريكية.', 'ar', true)).toEqual(['PER محمود عباس per:mahmoud-abbas']);
    expect(named('وأكد نبيه بري صباح الخميس أن المفاوضات متعثرة.', 'ar', true)).toEqual(['PER نبيه بري per:nabih-berri']);
    expect(named('وقال رئيس الوزراء الإثيوبي آبي أحمد علي إن بلاده لا تريد الحرب.', 'ar', true)).toEqual(['PER آبي أحمد علي per:abiy-ahmed']);
  });

  it('«ك» before a KB town is a proclitic («مدن كعدن وتعز»)', () => {
    expect(named('وتعاني مدن كعدن وتعز من انقطاع الكهرباء لساعات طويلة.', 'ar', true)).toEqual(['LOC عدن loc:Q131694', 'LOC تعز loc:Q466216']);
  });

  it('a doctor who shares his thoughts is a person; shares that fall are a brand\'s', () => {
    expect(named('In his final interview, Dr Fauci shares his regrets about the pandemic response.', 'en', true)).toContain('PER Fauci per:fauci');
    expect(named('Dr. Martens shares fell 10%.', 'en', true)).toEqual([]);
  });

  it('a hotel named after Zenobia and «شركاء في الصحة» in prose are neither the queen nor the charity', () => {
    // (The probe moved with the retrained models of session 17; the rule is the same.)
    expect(named('ونزل الوفد في فندق زنوبيا وسط دمشق.', 'ar', true)[0]).toBe('LOC فندق زنوبيا loc:فندق زنوبيا');
    expect(named('وقالت الممرضة إن الأطباء والمرضى شركاء في الصحة والمسؤولية.', 'ar', true)).toEqual([]);
  });

  it('a particle before a country ends an English name; «من أجل» + a place is a purpose; «حزب الاتحاد من أجل …» is whole', () => {
    expect(named('The Ministry of Defence du Mali said the attack was repelled.', 'en', true)).toEqual(['ORG Ministry of Defence org:ministry of defence', 'LOC Mali loc:MLI']);
    expect(named('وأقيمت صلاة من أجل القدس في المسجد.', 'ar', true)).toEqual(['LOC القدس loc:Q192232']);
    expect(named('وقال حزب الاتحاد من أجل الجمهورية إنه فاز بأغلبية المقاعد.', 'ar', true)).toEqual(['ORG حزب الاتحاد من أجل الجمهورية org:حزب الاتحاد من اجل الجمهوريه']);
  });
});

describe('news figures a helper proposed for the KB (80 entries, checked against the article sets)', () => {
  it('link by full name and by the bare forms news uses', () => {
    expect(named('وقال قائد فيلق القدس إسماعيل قاآني إن الرد قادم، وأضاف قاآني أن الحرب لم تنته.', 'ar')).toEqual([
      'ORG فيلق القدس org:quds-force',
      'PER إسماعيل قاآني per:esmail-qaani',
      'PER قاآني per:esmail-qaani',
    ]);
    expect(named('Governor Yasir al-Rumayyan told a conference that Rumayyan would stay.', 'en')).toEqual([
      'PER Yasir al-Rumayyan per:yasir-al-rumayyan',
      'PER Rumayyan per:yasir-al-rumayyan',
    ]);
  });

  it('leave common surnames to surname linking («Tetteh», "Naqvi" are no aliases)', () => {
    expect(named('Naa Adjeley Tetteh Quarshie, a trader, said sales fell.', 'en').some((m) => m.endsWith('per:hanna-tetteh'))).toBe(false);
  });
});

describe('English places named by a landform or a street word after a name', () => {
  it('read a pass, a parade or heights as a place even where the first word is a given name', () => {
    expect(named('Landslides cut National Highway 1 and the Hai Van Pass.', 'en', true)).toContain('LOC Hai Van Pass loc:hai van pass');
    expect(named('Swimmers returned to Snell Parade on Sunday.', 'en', true)).toEqual(['LOC Snell Parade loc:snell parade']);
  });
});
