import { describe, expect, it } from 'vitest';
import type { EntityInfo } from '../src/build-entities.ts';
import { bracketedShortForms } from '../src/bracketed-names.ts';
import { unlinkedId } from '../src/entity-id.ts';
import { findEnglishOrgNames, isEnglishCompanyName } from '../src/english-orgs.ts';
import { beforeJoinedName, prepositionalObjectTail } from '../src/org-rules.ts';
import { opensWithSpanishPlaceWord } from '../src/place-rules.ts';
import { tokenize } from '../src/tokenize.ts';
import { withCityTeams } from '../src/team-names.ts';
import type { EntityType, Mention } from '../src/types.ts';
import { rulesTagger, tagger } from './tagger-helpers.ts';

/**
 * Mentions of `text` at the given surfaces (each the first occurrence at or after the previous
 * mention's end), unlinked unless an id is given; `info` holds every id, linked when given.
 */
function mentionsOf(text: string, names: ReadonlyArray<readonly [string, EntityType, string?]>): { mentions: Mention[]; info: Map<string, EntityInfo> } {
  const mentions: Mention[] = [];
  const info = new Map<string, EntityInfo>();
  let from = 0;
  for (const [surface, type, kbId] of names) {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`no «${surface}» after ${from}`);
    const entityId = kbId ?? unlinkedId(type, surface);
    mentions.push({ start, end: start + surface.length, type, text: surface, entityId });
    info.set(entityId, { linked: kbId !== undefined, type, name: null });
    from = start + surface.length;
  }
  return { mentions, info };
}

/** The ids the mentions carry once the short forms are linked, as "text id". */
function linkedShortForms(text: string, names: ReadonlyArray<readonly [string, EntityType, string?]>, kbNames: readonly string[] = []): string[] {
  const { mentions, info } = mentionsOf(text, names);
  const relinked = bracketedShortForms(text, mentions, info, () => kbNames);
  return mentions.map((m) => {
    const to = relinked.get(m);
    return `${to?.type ?? m.type} ${m.text} ${to?.entityId ?? m.entityId}`;
  });
}

describe('an Arabic short name given in brackets or quotes after the full name is the same entity', () => {
  it('links the bracketed acronym and its later uses (behind a proclitic too) to the full name', () => {
    const text = 'استأنف قطار الشركة الوطنية للصناعة والمناجم (اسنيم) رحلاته. وأوضح المدير العام لاسنيم أن العمل عاد.';
    expect(linkedShortForms(text, [['الشركة الوطنية للصناعة والمناجم', 'ORG'], ['اسنيم', 'ORG'], ['اسنيم', 'ORG']])).toEqual([
      'ORG الشركة الوطنية للصناعة والمناجم org:الشركه الوطنيه للصناعه والمناجم',
      'ORG اسنيم org:الشركه الوطنيه للصناعه والمناجم',
      'ORG اسنيم org:الشركه الوطنيه للصناعه والمناجم',
    ]);
  });

  it('reads quotes and guillemets as brackets, a Latin acronym too, and retypes a short name the model read as a person', () => {
    const quoted = 'خصصت شركة هيدروجين عمان "هايدروم" مناطق امتياز، وقال مدير هايدروم إن العمل بدأ.';
    expect(linkedShortForms(quoted, [['شركة هيدروجين عمان', 'ORG'], ['هايدروم', 'PER'], ['هايدروم', 'PER']])).toEqual([
      'ORG شركة هيدروجين عمان org:شركه هيدروجين عمان',
      'ORG هايدروم org:شركه هيدروجين عمان',
      'ORG هايدروم org:شركه هيدروجين عمان',
    ]);
    const latin = 'نظم الاتحاد الدولي لكرة اليد (IHF) البطولة، وقال IHF إنها نجحت.';
    expect(linkedShortForms(latin, [['الاتحاد الدولي لكرة اليد', 'ORG'], ['IHF', 'ORG'], ['IHF', 'ORG']]).slice(1)).toEqual([
      'ORG IHF org:الاتحاد الدولي لكره اليد',
      'ORG IHF org:الاتحاد الدولي لكره اليد',
    ]);
    const guillemets = 'وكانت الوكالة اليابانية للتعاون الدولي «جايكا» قد مولت المشروع.';
    expect(linkedShortForms(guillemets, [['الوكالة اليابانية للتعاون الدولي', 'ORG'], ['جايكا', 'ORG']])[1]).toBe('ORG جايكا org:الوكاله اليابانيه للتعاون الدولي');
  });

  it('gives the full name the KB id of a bracketed acronym the KB knows', () => {
    const text = 'وأسهمت الوكالة اليابانية للتعاون الدولي (جايكا) في التمويل. وقالت الوكالة اليابانية للتعاون الدولي إن…';
    expect(linkedShortForms(text, [['الوكالة اليابانية للتعاون الدولي', 'ORG'], ['جايكا', 'ORG', 'org:jica'], ['الوكالة اليابانية للتعاون الدولي', 'ORG']], ['Japan International Cooperation Agency', 'الوكالة اليابانية للتعاون الدولي'])).toEqual([
      'ORG الوكالة اليابانية للتعاون الدولي org:jica',
      'ORG جايكا org:jica',
      'ORG الوكالة اليابانية للتعاون الدولي org:jica',
    ]);
  });

  it('takes «المعروف بـ» for organisations and people alike', () => {
    const office = 'فتح مركز إدارة السير والآليات والمركبات في الدكوانة، المعروف شعبياً بـ«النافعة»، أبوابه. وكانت النافعة مغلقة.';
    expect(linkedShortForms(office, [['إدارة السير والآليات والمركبات', 'ORG'], ['الدكوانة', 'LOC'], ['النافعة', 'ORG'], ['النافعة', 'ORG']]).slice(2)).toEqual([
      'ORG النافعة org:النافعه',
      'ORG النافعة org:النافعه',
    ]);
    const person = 'اعتقلت الشرطة علي عبد الله حسين المعروف بـ"غودلاوي" أمس، ونقل غودلاوي إلى السجن.';
    expect(linkedShortForms(person, [['علي عبد الله حسين', 'PER'], ['غودلاوي', 'PER'], ['غودلاوي', 'PER']]).slice(1)).toEqual([
      'PER غودلاوي per:علي عبد الله حسين',
      'PER غودلاوي per:علي عبد الله حسين',
    ]);
  });

  it('leaves a dateline place and its source, a person with a party, a place in brackets and two KB names alone', () => {
    const dateline = 'الدار البيضاء (ومع) - أعلن البنك.';
    expect(linkedShortForms(dateline, [['الدار البيضاء', 'LOC', 'loc:Q7903'], ['ومع', 'ORG']])[1]).toBe('ORG ومع org:ومع');
    const town = 'تل تمر (سوريا) - عاد السكان.';
    expect(linkedShortForms(town, [['تل تمر', 'LOC'], ['سوريا', 'LOC', 'loc:SYR']])[0]).toBe('LOC تل تمر loc:تل تمر');
    const person = 'قال النائب أحمد سالم (التيار) إن الجلسة تأجلت.';
    expect(linkedShortForms(person, [['أحمد سالم', 'PER'], ['التيار', 'ORG']])[1]).toBe('ORG التيار org:التيار');
    const where = 'قالت شركة الواحة للنفط (بنغازي) إن الإنتاج توقف.';
    expect(linkedShortForms(where, [['شركة الواحة للنفط', 'ORG'], ['بنغازي', 'LOC']])[1]).toBe('LOC بنغازي loc:بنغازي');
    const kb = 'قال مجلس التعاون لدول الخليج العربية (الاتحاد الأوروبي) إن…';
    expect(linkedShortForms(kb, [['مجلس التعاون لدول الخليج العربية', 'ORG', 'org:gcc'], ['الاتحاد الأوروبي', 'ORG', 'org:eu']])).toEqual(['ORG مجلس التعاون لدول الخليج العربية org:gcc', 'ORG الاتحاد الأوروبي org:eu']);
  });

  it('needs the bracket closed right after the short name and the short name shorter than the full one', () => {
    const quote = 'وقالت منظمة العفو الدولية "إن السلطات" تتحمل المسؤولية.';
    expect(linkedShortForms(quote, [['منظمة العفو الدولية', 'ORG'], ['السلطات', 'ORG']])[1]).toBe('ORG السلطات org:السلطات');
    const longer = 'وقالت الهيئة (الهيئة العامة للرقابة المالية) إن…';
    expect(linkedShortForms(longer, [['الهيئة', 'ORG'], ['الهيئة العامة للرقابة المالية', 'ORG']])[1]).toBe('ORG الهيئة العامة للرقابة المالية org:الهييه العامه للرقابه الماليه');
  });

  it('links through the whole tagger', () => {
    const text = 'وقع الاتحاد الجزائري لكرة القدم (الفاف) عقدا جديدا مع المدرب، وقالت الفاف إن العقد يمتد عامين.';
    const result = tagger().tag(text, 'ar');
    const ids = new Set(result.mentions.filter((m) => m.text === 'الفاف' || m.text.startsWith('الاتحاد الجزائري')).map((m) => m.entityId));
    expect(result.mentions.filter((m) => m.text === 'الفاف')).toHaveLength(2);
    expect(ids.size).toBe(1);
  });
});

describe('a Spanish or Portuguese place word opens a place, not a person', () => {
  it('reads "Las Bambas", "Sierra Gorda", "Playa Ancha" as places, not "Dos Santos", "Rio Ferdinand" or a one-word name', () => {
    const at = (text: string): boolean => {
      const tokens = tokenize(text);
      return opensWithSpanishPlaceWord(tokens, 0, tokens.length - 1);
    };
    expect(['Las Bambas', 'Sierra Gorda', 'Playa Ancha', 'Santa Justa', 'Río Indio', 'Los Molinos'].map(at)).toEqual([true, true, true, true, true, true]);
    expect(['Dos Santos', 'Rio Ferdinand', 'San Martín', 'Villa', 'las bambas', 'Villa Ortiz', 'Costa Ronin'].map(at)).toEqual([false, false, false, false, false, false, false]);
    // A last word that is a person's name part keeps a person ("Santa Claus", "Sierra Silva").
    const person = tokenize('Santa Claus');
    expect(opensWithSpanishPlaceWord(person, 0, 1, (key) => key === 'claus')).toBe(false);
  });

  it('types the copper mine a place through the whole tagger and keeps the person whose surname holds such words', () => {
    const text = "Protesters blocked the road used by MMG's Las Bambas copper mine, according to Ana Las Heras.";
    const result = tagger().tag(text, 'en');
    expect(result.mentions.find((m) => m.text === 'Las Bambas')?.type).toBe('LOC');
    expect(result.mentions.find((m) => m.text === 'Ana Las Heras')?.type).toBe('PER');
  });
});

describe('English body names through "on", after a possessive opener, and with more institution heads', () => {
  const orgs = (text: string): string[] =>
    findEnglishOrgNames(text, tokenize(text), (a, b) => /^ ?$/u.test(text.slice(a.end, b.start)) || text.slice(a.end, b.start) === '-').map((s) => text.slice(s.start, s.end));

  it('goes on through "on" after a commission or council, not into a date', () => {
    expect(orgs('The Inter-American Commission on Human Rights condemned it.')).toEqual(['Inter-American Commission on Human Rights']);
    expect(orgs('He spoke at the Council on Foreign Relations.')).toEqual(['Council on Foreign Relations']);
    expect(orgs('The Commission on Monday fined Pirelli.')).toEqual([]);
  });

  it('takes "People\'s" and "Workers\'" into the name, not a country\'s possessive', () => {
    expect(orgs("The People's Union for Civil Liberties said so.")).toEqual(["People's Union for Civil Liberties"]);
    expect(orgs("Kenya's Union of Journalists said so.")).toEqual(['Union of Journalists']);
  });

  it('reads corporations and commands with "for" as bodies, not treaties or "Congress of" a country', () => {
    expect(orgs('The National Corporation for Indigenous Development bought land.')).toEqual(['National Corporation for Indigenous Development']);
    expect(orgs('The High Military Command for the Restoration of Order took power.')).toEqual(['High Military Command for the Restoration of Order']);
    expect(orgs('The European Convention for the Prevention of Torture applies.')).toEqual([]);
    const countries = (text: string): string[] =>
      findEnglishOrgNames(text, tokenize(text), (a, b) => /^ ?$/u.test(text.slice(a.end, b.start)), (k) => ['israel', 'china'].includes(k)).map((sp) => text.slice(sp.start, sp.end));
    expect(countries("The Pentagon notified Congress of Israel's request.")).toEqual([]);
    expect(countries('The Congress of the People split.')).toEqual(['Congress of the People']);
  });

  it('keeps the bare "Congress party" and "DPP" for India and Taiwan only (KB cues)', () => {
    const malawi = tagger().tag('Mumba was elected president of the Malawi Congress Party on Sunday. The DPP said it would contest.', 'en');
    expect(malawi.mentions.map((m) => m.entityId)).not.toContain('org:indian-national-congress');
    expect(malawi.mentions.map((m) => m.entityId)).not.toContain('org:taiwan-dpp');
    const taiwan = tagger().tag("Taiwan's ruling DPP lost seats to the Kuomintang in Taipei.", 'en');
    expect(taiwan.mentions.find((m) => m.text === 'DPP')?.entityId).toBe('org:taiwan-dpp');
  });
});

describe('Arabic names next to a body, a relation or a channel', () => {
  it('ends an institution before a whole name joined with و, not before an ordinary noun', () => {
    const named = (text: string): string[] => rulesTagger().tag(text, 'ar').mentions.map((m) => `${m.text} ${m.entityId}`);
    expect(named('وقدمت المنظمة الدولية للهجرة واليونيسف مساعدات للعائدين.')).toEqual(['المنظمة الدولية للهجرة org:iom', 'اليونيسف org:unicef']);
    expect(named('وقالت وزارة الكهرباء والماء إن الانقطاع انتهى.')).toEqual(['وزارة الكهرباء والماء org:وزاره الكهرباء والماء']);
    const tokens = tokenize('المنظمة الدولية للهجرة واليونيسف');
    expect(beforeJoinedName({ first: 0, last: 3, start: 0 }, tokens, (k) => k === 'يونيسف')).toEqual({ first: 0, last: 2, start: 0 });
    expect(beforeJoinedName({ first: 0, last: 1, start: 0 }, tokenize('المنظمة واليونيسف'), (k) => k === 'يونيسف')).toBeNull();
  });

  it('leaves out a noun in construct that says whose the person is, and «مار» before a patriarch', () => {
    const people = (text: string): string[] => tagger().tag(text, 'ar').mentions.filter((m) => m.type === 'PER').map((m) => m.text);
    expect(people('وقال محامي العمري إن موكله بريء.')).toEqual(['العمري']);
    expect(people('وتسلمت الأسرة جثمان أيوب النجار من المستشفى.')).toEqual(['أيوب النجار']);
    expect(people('وقالت زوجة الشرقاوي إنها لم تره منذ أسبوع.')).toEqual(['الشرقاوي']);
    expect(people('وترأس القمة البطريرك الماروني الكاردينال مار بشارة بطرس الراعي في بكركي.')).toEqual(['بشارة بطرس الراعي']);
  });

  it('knows Al Jazeera\'s channels and Al Arabiya where the model reads it as a body', () => {
    const ids = tagger().tag('وقالت الجزيرة الإنجليزية إن الجزيرة مباشر والجزيرة الوثائقية ستبث البرنامج.', 'ar').mentions.map((m) => m.entityId);
    expect(ids).toEqual(['org:al-jazeera-english', 'org:al-jazeera-mubasher', 'org:al-jazeera-documentary']);
  });
});

describe('party and chamber names many countries share link by the country the article names', () => {
  const idOf = (text: string, name: string): string | null | undefined => tagger().tag(text, 'ar').mentions.find((m) => m.text === name)?.entityId;

  it('links «الحزب الجمهوري», «حزب المحافظين» and «مجلس الشيوخ» only beside their country', () => {
    expect(idOf('وفاز الحزب الجمهوري في تشيلي بقيادة كاست.', 'الحزب الجمهوري')).toBe('org:chile-republican-party');
    expect(idOf('وفاز الحزب الجمهوري في الانتخابات المحلية.', 'الحزب الجمهوري')).toBe('org:الحزب الجمهوري');
    expect(idOf('وقال ترامب إن الحزب الجمهوري سيحتفظ بالأغلبية في واشنطن.', 'الحزب الجمهوري')).toBe('org:us-republican-party');
    expect(idOf('وقال زعيم حزب المحافظين أولف كريسترسون في ستوكهولم إن الحكومة ستستقيل.', 'حزب المحافظين')).not.toBe('org:uk-conservative-party');
    expect(idOf('وصوت مجلس الشيوخ في باريس على القانون بعد خطاب ماكرون.', 'مجلس الشيوخ')).toBe('org:french-senate');
    expect(idOf('وصوت مجلس الشيوخ في هراري على التعديل، وقالت وكالة الصحافة الفرنسية إن الجمعية الوطنية أقرته.', 'مجلس الشيوخ')).toBe('org:مجلس الشيوخ');
  });

  it('links Spain\'s and Britain\'s parties by their bare Arabic names beside their country', () => {
    expect(idOf('وقال زعيم الحزب الشعبي ألبرتو نونيث فيخو في مدريد إن سانشيز فشل.', 'الحزب الشعبي')).toBe('org:spain-peoples-party');
    expect(idOf('وصوت نواب حزب العمال في لندن لصالح مشروع ستارمر.', 'حزب العمال')).toBe('org:uk-labour-party');
    expect(idOf('وقال حزب العمال الكردستاني في بيان.', 'حزب العمال الكردستاني')).toBe('org:pkk');
  });
});

describe('nicknames, kunyas and names by lineage', () => {
  it('takes a person\'s quoted kunya the model reads as a person, «الشهير بـ», and «(«…»)» brackets', () => {
    const kunya = 'وقال محمد الحلبي "أبو سامر"، صاحب مطعم، إن أبو سامر لن يعود.';
    expect(linkedShortForms(kunya, [['محمد الحلبي', 'PER'], ['أبو سامر', 'PER'], ['أبو سامر', 'PER']]).slice(1)).toEqual(['PER أبو سامر per:محمد الحلبي', 'PER أبو سامر per:محمد الحلبي']);
    const famous = 'وتولى سمسار يدعى محمود سيد عبد العال، الشهير بـ"أبو ياسين"، استدراج الشبان.';
    expect(linkedShortForms(famous, [['محمود سيد عبد العال', 'PER'], ['أبو ياسين', 'PER']])[1]).toBe('PER أبو ياسين per:محمود سيد عبد العال');
    const double = 'كشف تقرير صادر عن الهيئة العليا للاتصال المحلي («هاكو») أن الحصة تراجعت.';
    expect(linkedShortForms(double, [['الهيئة العليا للاتصال المحلي', 'ORG'], ['هاكو', 'ORG']])[1]).toBe('ORG هاكو org:الهييه العليا للاتصال المحلي');
    // A place the model reads in a person's brackets stays a place.
    const where = 'وقال المزارع سالم الخطيب (درعا) إن المحصول تراجع.';
    expect(linkedShortForms(where, [['سالم الخطيب', 'PER'], ['درعا', 'LOC']])[1]).toBe('LOC درعا loc:درعا');
  });

  it('links «ابن X» to the person whose full name has «بن X» inside it', () => {
    const text = 'وقال رئيس المجلس أحمد بن النعمان الكعبي إن الموسم ناجح، وأضاف ابن النعمان أن الأوبرا ستستضيف عروضا أخرى.';
    const ids = tagger().tag(text, 'ar').mentions.filter((m) => m.type === 'PER').map((m) => m.entityId);
    expect(ids).toEqual(['per:احمد بن النعمان الكعبي', 'per:احمد بن النعمان الكعبي']);
  });
});

describe('a body\'s complement that takes its object through a preposition', () => {
  it('goes on through «مع/على/عن/من» and the definite object', () => {
    const orgs = (text: string): string[] => tagger().tag(text, 'ar').mentions.filter((m) => m.type === 'ORG').map((m) => m.text);
    expect(orgs('وقال المركز اليمني التنفيذي للتعامل مع الألغام إن فرقه أزالت مئات العبوات.')).toEqual(['المركز اليمني التنفيذي للتعامل مع الألغام']);
    expect(orgs('وشكلت اللجنة العليا للحفاظ على السلم الأهلي في محافظة اللاذقية لجنة فرعية.')).toEqual(['اللجنة العليا للحفاظ على السلم الأهلي']);
    expect(orgs('وقال المجلس الأعلى للدفاع عن الحريات إن القانون مقيد.')).toEqual(['المجلس الأعلى للدفاع عن الحريات']);
  });

  it('needs a verbal noun that takes that preposition, behind «لل», and a definite object', () => {
    const tokens = tokenize('الهيئة الوطنية للوقاية من فساد كبير');
    expect(prepositionalObjectTail(0, 2, tokens, (j) => tokens[j])).toBe(2);
    const other = tokenize('الهيئة الوطنية للإعلام مع الوزارة');
    expect(prepositionalObjectTail(0, 2, other, (j) => other[j])).toBe(2);
    const good = tokenize('الهيئة الوطنية للوقاية من الفساد والجريمة في البلاد');
    expect(prepositionalObjectTail(0, 2, good, (j) => good[j])).toBe(5);
  });
});

describe('a court graded «الكبرى» or «العليا» after its complement', () => {
  it('keeps the grade in the court\'s name', () => {
    const orgs = (text: string): string[] => rulesTagger().tag(text, 'ar').mentions.filter((m) => m.type === 'ORG').map((m) => m.text);
    expect(orgs('وقضت محكمة الجنايات الكبرى في عمّان بسجن المتهم.')).toEqual(['محكمة الجنايات الكبرى']);
    expect(orgs('وقضت محكمة الاستئناف العليا بتأييد الحكم.')).toEqual(['محكمة الاستئناف العليا']);
  });
});

describe('an official named after an English "of" body', () => {
  const orgs = (text: string): string[] =>
    findEnglishOrgNames(text, tokenize(text), (a, b) => /^ ?$/u.test(text.slice(a.end, b.start))).map((s) => text.slice(s.start, s.end));

  it('ends the body before the title and the name', () => {
    expect(orgs('Bank of Italy Governor Fabio Panetta said rates would fall.')).toEqual(['Bank of Italy']);
    expect(orgs('The Central Bank of Nigeria Governor Olayemi Cardoso said.')).toEqual(['Central Bank of Nigeria']);
    const people = tagger().tag('Bank of Italy Governor Fabio Panetta said rates would fall.', 'en').mentions.map((m) => `${m.type} ${m.text}`);
    expect(people).toContain('PER Fabio Panetta');
  });

  it('keeps "Attorney General" and a title that goes on into "of"', () => {
    expect(orgs('The Office of the Attorney General said.')).toEqual(['Office of the Attorney General']);
    expect(orgs('The Office of the High Commissioner for Human Rights said.')).toEqual(['Office of the High Commissioner for Human Rights']);
  });
});

describe('faults a review of this session\'s rules found, fixed', () => {
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);
  const ar = (text: string): string[] => tagger().tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);

  it('links India\'s Congress by its cue words, and a bracketed acronym of a linked name to that name', () => {
    expect(en("India's main opposition Congress party accused Prime Minister Narendra Modi of failing farmers in New Delhi.")).toContain('ORG Congress org:indian-national-congress');
    expect(en('The Democratic Progressive Party (DPP) of Taiwan won the vote. The DPP said it would govern.').filter((m) => m.includes('DPP'))).toEqual([
      'ORG DPP org:taiwan-dpp',
      'ORG DPP org:taiwan-dpp',
    ]);
  });

  it('goes through "on" only into a topic, never into a place, a person or a date', () => {
    expect(en("The meeting of the Security Council on North Korea's missile launch ended.")).toEqual(['ORG Security Council org:un-security-council', 'LOC North Korea loc:PRK']);
    expect(en('The Security Council on Sri Lanka met.')).toEqual(['ORG Security Council org:un-security-council', 'LOC Sri Lanka loc:LKA']);
    expect(en('The Committee on the Elimination of Racial Discrimination met.')).toEqual(['ORG Committee on the Elimination of Racial Discrimination org:committee on the elimination of racial discrimination']);
    expect(en('The Conference on Disarmament stalled.')).toEqual(['ORG Conference on Disarmament org:conference on disarmament']);
    // (The rule is the shaped-name one; the session-16 models read "Congress of China" as one
    // organisation themselves, so the probe names another country.)
    expect(en("The senator warned Congress of Russia's growing fleet.")).not.toContain('ORG Congress of Russia org:congress of russia');
  });

  it('takes no source, parent body, spokesman or member in brackets for a body\'s short name', () => {
    expect(ar('وقال مصدر في الشركة العامة للكهرباء (وام) إن الانقطاع انتهى.')).toContain('ORG الشركة العامة للكهرباء org:الشركه العامه للكهرباء');
    expect(ar('وقال النائب عن كتلة الوفاء للمقاومة (حزب الله) إن الجلسة تأجلت.')).toContain('ORG حزب الله org:hezbollah');
    expect(ar('وقال المتحدث باسم الجيش الوطني الليبي (أحمد المسماري) إن القوات تقدمت، وأضاف المسماري أن الوضع مستقر.').filter((m) => m.includes('المسماري'))).toEqual([
      'PER أحمد المسماري per:احمد المسماري',
      'PER المسماري per:احمد المسماري',
    ]);
    expect(ar('وقتل قيادي في تنظيم الدولة الإسلامية يعرف بـ"أبو خديجة" في غارة.')).toContain('PER أبو خديجة per:ابو خديجه');
  });

  it('still links a bracketed acronym the KB knows to a full name that shares a word with the KB\'s names', () => {
    const { mentions, info } = mentionsOf('أعلن بيت التمويل الكويتي العالمي (بيتك) نتائجه.', [['بيت التمويل الكويتي العالمي', 'ORG'], ['بيتك', 'ORG', 'org:kuwait-finance-house']]);
    const relinked = bracketedShortForms('أعلن بيت التمويل الكويتي العالمي (بيتك) نتائجه.', mentions, info, () => ['Kuwait Finance House', 'بيت التمويل الكويتي']);
    expect(relinked.get(mentions[0] as Mention)?.entityId).toBe('org:kuwait-finance-house');
    const none = bracketedShortForms('أعلن بيت التمويل الكويتي العالمي (بيتك) نتائجه.', mentions, info, () => ['Reuters', 'رويترز']);
    expect(none.get(mentions[0] as Mention)).toBeUndefined();
  });
});

describe('Gulf roads, towns and Arabic place words in English copy', () => {
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text}`);

  it('reads a road named after a royal as a place, not the royal', () => {
    expect(en('Traffic on the King Fahd Causeway slowed.')).toEqual(['LOC King Fahd Causeway']);
    expect(en('Sheikh Tamim bin Hamad said Qatar would help.')).toContain('PER Tamim bin Hamad');
  });

  it('reads "Isa Town" and "Suq al-Shuyukh" as places', () => {
    const tokens = tokenize('Isa Town and Suq al-Shuyukh');
    expect(opensWithSpanishPlaceWord(tokens, 0, 1)).toBe(true);
    expect(opensWithSpanishPlaceWord(tokens, 3, 5)).toBe(true);
    expect(opensWithSpanishPlaceWord(tokenize('Kafr Qasim'), 0, 1, () => true)).toBe(true);
    // Not "Tal" (a Hebrew given name: "Tal Shalev").
    expect(opensWithSpanishPlaceWord(tokenize('Tal Shalev'), 0, 1)).toBe(false);
  });
});

describe('a nationality between an international body and a person describes the person', () => {
  it('leaves it out of «الاتحاد الدولي …», not out of a national body', () => {
    const orgs = (text: string): string[] => tagger().tag(text, 'ar').mentions.filter((m) => m.type === 'ORG').map((m) => m.text);
    expect(orgs('وحضر رئيس الاتحاد الدولي للألعاب المائية الكويتي حسين المسلم.')).toEqual(['الاتحاد الدولي للألعاب المائية']);
    expect(orgs('وقال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن الوساطة مستمرة.')).toEqual(['وزارة الخارجية القطرية']);
  });
});

describe('broadcasters, papers and Irish and US state bodies', () => {
  it('reads a model name ending in a paper\'s word as an organisation, and links the new KB bodies', () => {
    expect(isEnglishCompanyName(tokenize('Ryukyu Shimpo'), 0, 1)).toBe(true);
    // Not a broadcaster's word, which follows a KB broadcaster's name as often.
    expect(isEnglishCompanyName(tokenize('Al Jazeera Television'), 0, 2)).toBe(false);
    const ids = tagger().tag('The United States Geological Survey said the quake struck at 10 km depth. Met Éireann issued a red warning and Aer Lingus cancelled flights.', 'en').mentions.map((m) => m.entityId);
    expect(ids).toEqual(['org:usgs', 'org:met-eireann', 'org:aer-lingus']);
  });
});

describe('faults a second review of this session\'s rules found, fixed', () => {
  const ar = (text: string): string[] => tagger().tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);

  it('keeps an ordinary word, a one-word person and a national body\'s own adjective apart', () => {
    expect(ar('هذا بيتك يا أخي.')).toEqual([]);
    expect(ar('استقبل الملك سلمان المنتخب، ورفع القائد سلمان الفرج الكأس، وقال سلمان إن الجماهير تستحق الفوز.').at(-1)).not.toContain('king-salman');
    expect(ar('وقال رئيس اللجنة الأولمبية المصرية ياسر إدريس إن البعثة جاهزة.')[0]).toBe('ORG اللجنة الأولمبية المصرية org:اللجنه الاولمبيه المصريه');
    expect(ar('وقال رئيس المعهد الدولي للدراسات الإيرانية محمد السلمي إن الاتفاق هش.')[0]).toBe('ORG المعهد الدولي للدراسات الإيرانية org:rasanah');
  });

  it('ties a given name Ali to the KB\'s words and a party to its own country\'s cue words', () => {
    expect(ar('وقال علي محمد علي عبد الرحمن، المعروف بـ«علي كوشيب»، إنه بريء.').map((m) => m.split(' ').at(-1))).toEqual(['per:ali-kushayb', 'per:ali-kushayb']);
    expect(ar('وقال زعيم حزب العمال أنتوني ألبانيزي في كانبيرا إن الحزب سيفوز رغم انتقادات من بريطانيا وأستراليا.')).toContain('ORG حزب العمال org:australian-labor-party');
  });

  it('keeps French names whole, a KB broadcaster before "Television", and the Security Council itself', () => {
    expect(en('The Banque de France said inflation eased.')).toEqual(['ORG Banque de France org:banque-de-france']);
    expect(en('Al Jazeera Television reported the strike.')).toEqual(['ORG Al Jazeera org:al-jazeera']);
    expect(en('The U.S. Commission on International Religious Freedom criticised the law.')[0]).toContain('Commission on International Religious Freedom');
    expect(en('The envoy briefed the Security Council on Climate Security.')[0]).toBe('ORG Security Council org:un-security-council');
    expect(en('Tal Shalev, a correspondent for Walla, said.')[0]).toBe('PER Tal Shalev per:tal shalev');
  });
});

describe('Iraqi, Iranian and Palestinian bodies the KB gained', () => {
  it('links companies, papers and shrine administrations by their Arabic names', () => {
    const ids = tagger().tag('ورفعت إيران خودرو وسايبا أسعار السيارات، بحسب صحيفة كيهان، وأعلنت العتبة العباسية المقدسة خطة جديدة.', 'ar').mentions.map((m) => m.entityId);
    expect(ids).toEqual(['org:iran-khodro', 'org:saipa', 'org:kayhan', 'org:al-abbas-shrine']);
  });
});

describe('faults a third review found, fixed', () => {
  const ar = (text: string): string[] => tagger().tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);

  it('links no party or paper from prose or a given name', () => {
    expect(ar('يرى محللون أن القوة اليهودية في الولايات المتحدة تؤثر في القرار.').some((m) => m.includes('otzma'))).toBe(false);
    expect(ar('قال الموسيقار الإيراني كيهان كلهر إن الحفل ناجح.').some((m) => m.includes('org:kayhan'))).toBe(false);
    expect(ar('حزب العدالة والتنمية (الإسلاميون) في المغرب فاز.').filter((m) => m.includes('الإسلاميون'))).not.toContain('ORG الإسلاميون org:akp');
  });

  it('reads "Congress of" a country\'s possessive as the sentence going on', () => {
    expect(en("The State Department notified Congress of Saudi Arabia's request.")).toContain('LOC Saudi Arabia loc:SAU');
    expect(en('The Congress of the United States sent it to Trump.')[0]).toBe('ORG Congress of the United States org:us-congress');
  });
});

describe('a bare name many rows share goes to the one the article also names in full', () => {
  it('reads «حزب العمال» after «حزب العمال الكردستاني» as the PKK, whatever the British cue words', () => {
    const ids = (text: string, name: string): Array<string | null> => tagger().tag(text, 'ar').mentions.filter((m) => m.text === name).map((m) => m.entityId);
    expect(ids('اعتقلت الشرطة البريطانية ناشطين من حزب العمال الكردستاني في لندن، وقالت إن حزب العمال يجمع الأموال.', 'حزب العمال')).toEqual(['org:pkk']);
    expect(ids('وانتقد أعضاء في مجلس الشيوخ الأمريكي ميلوني، وقالت روما إن مجلس الشيوخ يتدخل.', 'مجلس الشيوخ')).toEqual(['org:us-senate']);
    // Without the full name, the cue words decide.
    expect(ids('وقال ستارمر في لندن إن حزب العمال سيفوز.', 'حزب العمال')).toEqual(['org:uk-labour-party']);
  });
});

describe('Bahrain\'s clubs by their bare names beside Bahraini words', () => {
  it('links the clubs in a league report and leaves the town a town elsewhere', () => {
    const ids = tagger().tag('وتغلب المحرق على الرفاع 2-1 في الدوري البحريني الممتاز، فيما فاز الأهلي على النجمة في المنامة.', 'ar').mentions.map((m) => m.entityId);
    expect(ids).toContain('org:al-muharraq');
    expect(ids).toContain('org:al-riffa');
    expect(ids).toContain('org:al-ahli-bahrain');
    expect(tagger().tag('وقال رئيس بلدية المحرق إن الشوارع ستفتح.', 'ar').mentions.map((m) => m.entityId)).not.toContain('org:al-muharraq');
  });
});

describe('a city and a plural nickname are a team', () => {
  it('reads "San Francisco Giants" and "Boston Red Sox" as teams, not cities, and leaves places and events alone', () => {
    const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text}`);
    expect(en('The San Francisco Giants beat the New York Mets 5-3 on Sunday.')).toEqual(['ORG San Francisco Giants', 'ORG New York Mets']);
    expect(en('He moved to the Dallas Cowboys in 2020, then the Boston Red Sox.')).toEqual(['ORG Dallas Cowboys', 'ORG Boston Red Sox']);
    expect(en('Residents of the Golan Heights watched the Tokyo Olympics.')).toEqual(['LOC Golan Heights', 'LOC Tokyo']);
  });

  it('leaves a country, a Spanish second name and a plural place word to the place rules', () => {
    const info = new Map([['loc:QAT', { linked: true, type: 'LOC' as const, name: null }], ['loc:x', { linked: true, type: 'LOC' as const, name: null }]]);
    const text = 'Qatar Airways and San Miguel Los Lotes and Chittagong Hill Tracts';
    const mentions = [
      { start: 0, end: 5, type: 'LOC' as const, text: 'Qatar', entityId: 'loc:QAT' },
      { start: 19, end: 29, type: 'LOC' as const, text: 'San Miguel', entityId: 'loc:x' },
      { start: 44, end: 54, type: 'LOC' as const, text: 'Chittagong', entityId: 'loc:x' },
    ];
    expect(withCityTeams(text, mentions, info).map((m) => m.type)).toEqual(['LOC', 'LOC', 'LOC']);
  });
});
