import { describe, expect, it } from 'vitest';
import { qualifiedClubLinks, qualifiedClubs } from '../src/city-clubs.ts';
import { placeNamedBodies, sectorBodiesEn } from '../src/place-bodies.ts';
import type { KbEntry } from '../src/types.ts';
import { roleHolderBodiesEn } from '../src/name-types.ts';
import { mentionsIn, mentionsOf, relinked, tagger } from './tagger-helpers.ts';

describe('a body named by a role and its holder', () => {
  it('retypes an unknown one-word "person" that a chief executive follows, with its other mentions', () => {
    const text = 'Lyten has restarted production, Lyten chief executive Dan Cook said. Lyten said the plant would hire 400.';
    const { mentions, info } = mentionsIn(text, [
      ['Lyten', 'PER'],
      ['Lyten', 'PER'],
      ['Dan Cook', 'PER'],
      ['Lyten', 'PER'],
    ]);
    expect(relinked(roleHolderBodiesEn(text, mentions, info))).toEqual(['Lyten -> ORG org:lyten', 'Lyten -> ORG org:lyten', 'Lyten -> ORG org:lyten']);
  });

  it('reads possessives and analysts too ("Jefferies\' analyst Ana Ruiz")', () => {
    const text = "Jefferies' analyst Ana Ruiz said Jefferies expected more.";
    const { mentions, info } = mentionsIn(text, [
      ['Jefferies', 'PER'],
      ['Ana Ruiz', 'PER'],
      ['Jefferies', 'PER'],
    ]);
    expect(relinked(roleHolderBodiesEn(text, mentions, info))).toEqual(['Jefferies -> ORG org:jefferies', 'Jefferies -> ORG org:jefferies']);
  });

  it('leaves a person\'s coach, spokesman or chairman: news writes people so ("Sinner coach Darren Cahill")', () => {
    const text = 'Sinner coach Darren Cahill will step down. Khan spokesman Zulfi Bukhari spoke. The board appointed Okafor chairman, Bello chief executive and Ade secretary.';
    const { mentions, info } = mentionsIn(text, [
      ['Sinner', 'PER'],
      ['Darren Cahill', 'PER'],
      ['Khan', 'PER'],
      ['Zulfi Bukhari', 'PER'],
      ['Okafor', 'PER'],
      ['Bello', 'PER'],
      ['Ade', 'PER'],
    ]);
    expect(relinked(roleHolderBodiesEn(text, mentions, info))).toEqual([]);
  });

  it('leaves KB people, places, longer names, and roles without a holder alone', () => {
    const text = 'Putin chief executive Dmitry Peskov spoke. Kenya analyst Benni McCarthy spoke. Anna Maria Lopez chief executive Ken Wu spoke. Smith, the chief executive, spoke.';
    const { mentions, info } = mentionsIn(text, [
      ['Putin', 'PER', 'per:vladimir-putin'],
      ['Dmitry Peskov', 'PER', 'per:dmitry-peskov'],
      ['Kenya', 'LOC', 'loc:KEN'],
      ['Benni McCarthy', 'PER'],
      ['Anna Maria Lopez', 'PER'],
      ['Ken Wu', 'PER'],
      ['Smith', 'PER'],
    ]);
    expect(relinked(roleHolderBodiesEn(text, mentions, info))).toEqual([]);
  });

  it('the whole tagger: a company the model reads as a person', () => {
    const text =
      'SKELLEFTEA, Sweden — Lyten has restarted battery cell production at the former Northvolt plant. "Demand is strong," Lyten chief executive Dan Cook said on Tuesday. Lyten, based in California, bought the site in 2025.';
    expect(mentionsOf(text, 'en', 'Lyten')).toEqual(['ORG org:lyten', 'ORG org:lyten', 'ORG org:lyten']);
  });
});

describe('a body named by its head and a place («جمعية سلا»)', () => {
  const ids = new Map([['شباب قسنطينة', 'org:cs-constantine']]);
  const bodyIdOf = (name: string): string | null => ids.get(name) ?? null;
  const reshaped = (text: string, names: ReadonlyArray<readonly [string, 'LOC' | 'ORG' | 'PER', string?]>): string[] => {
    const { mentions } = mentionsIn(text, names);
    return [...placeNamedBodies(text, mentions, bodyIdOf)].map(([m, to]) => `${m.text} -> ${to.type} «${text.slice(to.start, to.end)}» ${to.entityId ?? ''}`);
  };

  it('takes a society, a chamber or courts in with the place after it, a proclitic left out', () => {
    expect(reshaped('إذ تقول غرف دبي إن عدد الشركات ارتفع، وقضت محاكم دبي بالتنفيذ.', [['دبي', 'LOC', 'loc:Q613'], ['دبي', 'LOC', 'loc:Q613']])).toEqual([
      'دبي -> ORG «غرف دبي» org:غرف دبي',
      'دبي -> ORG «محاكم دبي» org:محاكم دبي',
    ]);
    expect(reshaped('وتبرعت بجمعية قطر الخيرية بمليون دولار.', [['قطر', 'LOC', 'loc:QAT']])).toEqual(['قطر -> ORG «جمعية قطر الخيرية» org:جمعيه قطر الخيريه']);
  });

  it('reads a club\'s first word before a city only in a match report, with the KB id of the whole name', () => {
    const report = 'تعادل وفاق سطيف مع شباب قسنطينة بهدف لمثله في الدوري، وقال المدرب إن المباراة كانت صعبة.';
    expect(reshaped(report, [['قسنطينة', 'LOC', 'loc:constantine']])).toEqual(['قسنطينة -> ORG «شباب قسنطينة» org:cs-constantine']);
    expect(reshaped('وقال شباب غزة إن الوضع صعب.', [['غزة', 'LOC', 'loc:gaza-strip']])).toEqual([]);
  });

  it('reads «وفاق» as a head, not «و» before «فاق»; before a country, courts and a club\'s words are words', () => {
    const report = 'تعادل وفاق سطيف مع مولودية وهران 1-1 في الدوري، وقال المدرب إن المباراة صعبة. وسجل نجم مصر محمد صلاح هدفين.';
    expect(reshaped(report, [['سطيف', 'LOC', 'loc:setif'], ['وهران', 'LOC', 'loc:oran'], ['مصر', 'LOC', 'loc:EGY']])).toEqual([
      'سطيف -> ORG «وفاق سطيف» org:وفاق سطيف',
      'وهران -> ORG «مولودية وهران» org:مولوديه وهران',
    ]);
    expect(reshaped('رفعت دعاوى أمام محاكم فرنسا، وقضت محاكم دبي بالتنفيذ.', [['فرنسا', 'LOC', 'loc:FRA'], ['دبي', 'LOC', 'loc:Q613']])).toEqual(['دبي -> ORG «محاكم دبي» org:محاكم دبي']);
  });

  it('leaves a place whose head another mention holds, and a place after any other word', () => {
    expect(reshaped('وقالت جمعية الهلال الأحمر في دبي إن المساعدات وصلت.', [['جمعية الهلال الأحمر', 'ORG'], ['دبي', 'LOC', 'loc:Q613']])).toEqual([]);
    expect(reshaped('وقال رئيس بلدية نابل إن الملعب جاهز.', [['نابل', 'LOC', 'loc:Q328145']])).toEqual([]);
  });

  it('the whole tagger: a club named by its first word and its city keeps the KB id where the city alone is another club', () => {
    const text = 'تعادل وفاق سطيف مع شباب قسنطينة 1-1 في الدوري، وقال مدرب قسنطينة إن المباراة صعبة.';
    expect(mentionsOf(text, 'ar', 'شباب قسنطينة')).toEqual(['ORG org:cs-constantine']);
  });

  it('the whole tagger: a basketball club named by its society and its town', () => {
    const text = 'سلا (و م ع) - حقق فريق جمعية سلا فوزا ثمينا على ضيفه بنتيجة 84 مقابل 77 في الدوري. وقال مدرب جمعية سلا إن المباراة كانت صعبة.';
    expect(mentionsOf(text, 'ar', 'جمعية سلا')).toEqual(['ORG org:جمعيه سلا', 'ORG org:جمعيه سلا']);
    expect(mentionsOf(text, 'ar', 'سلا')).toEqual(['LOC loc:sale']);
  });
});

describe('a company after a role word', () => {
  it('is no person: "fund manager Westbridge Capital", and its short name follows', () => {
    const text = 'The creditors, led by London-based fund manager Westbridge Capital, will receive new notes. A Westbridge spokeswoman said on Wednesday it would appeal.';
    expect(mentionsOf(text, 'en', 'Westbridge Capital')).toEqual(['ORG org:westbridge capital']);
    expect(mentionsOf(text, 'en', 'Westbridge')).toEqual(['ORG org:westbridge capital']);
  });

  it('unless its last word is a family name ("fast bowler Michael Holding")', () => {
    expect(mentionsOf('Former West Indies fast bowler Michael Holding said the pitch was poor.', 'en', 'Michael Holding')).toEqual(['PER per:michael holding']);
  });
});

describe('a national body named by its sector and its country', () => {
  const isCountry = (name: string): boolean => ['Australia', 'Oman', 'South Africa', 'Canada'].includes(name);

  it('grows the country into the body and drops the sector word read alone', () => {
    const text = 'Cricket Australia has been searching. Pankaj Khimji, chairman of Oman Cricket, said so. Australia beat India.';
    const { mentions, info } = mentionsIn(text, [
      ['Cricket', 'PER'],
      ['Australia', 'LOC', 'loc:AUS'],
      ['Pankaj Khimji', 'PER'],
      ['Oman', 'LOC', 'loc:OMN'],
      ['Australia', 'LOC', 'loc:AUS'],
      ['India', 'LOC', 'loc:IND'],
    ]);
    const changes = [...sectorBodiesEn(text, mentions, info, isCountry, () => null)].map(([m, to]) => `${m.text} -> ${to === null ? 'dropped' : `${to.type} «${to.text}»`}`);
    expect(changes).toEqual(['Australia -> ORG «Cricket Australia»', 'Cricket -> dropped', 'Oman -> ORG «Oman Cricket»']);
  });

  it("leaves a board named in full, a KB name before the country's possessive, a longer name, and a team", () => {
    // (A body right before the country itself is its national branch since session 25: "WWF Romania".)
    const text = "The Pakistan Cricket Board met. Qantas Australia's fleet flew. Children's Health Ireland said so. Ireland Rugby coach Andy Farrell spoke.";
    const { mentions, info } = mentionsIn(text, [
      ['Pakistan', 'LOC', 'loc:PAK'],
      ['Qantas', 'ORG', 'org:qantas'],
      ['Australia', 'LOC', 'loc:AUS'],
      ['Ireland', 'LOC', 'loc:IRL'],
      ['Ireland', 'LOC', 'loc:IRL'],
      ['Andy Farrell', 'PER'],
    ]);
    expect([...sectorBodiesEn(text, mentions, info, isCountry, () => null)]).toEqual([]);
  });

  it('the whole tagger: "Tourism Ireland", "Statistics South Africa" (KB), "Cricket Scotland"', () => {
    const text = 'Tourism Ireland and Statistics South Africa agreed on Monday. Cricket Scotland said the tour would go ahead. Health Canada approved it.';
    expect(mentionsOf(text, 'en', 'Tourism Ireland')).toEqual(['ORG org:tourism ireland']);
    expect(mentionsOf(text, 'en', 'Statistics South Africa')).toEqual(['ORG org:stats-sa']);
    expect(mentionsOf(text, 'en', 'Cricket Scotland')).toEqual(['ORG org:cricket scotland']);
    expect(mentionsOf(text, 'en', 'Health Canada')).toEqual(['ORG org:health canada']);
  });
});

describe('dotted initials', () => {
  it('keep their last dot, at the end of a sentence too ("U.S.", "U.N.")', () => {
    const text = 'The U.S. company said sanctions by the U.N. would stay, as in the U.S.';
    expect(tagger().tag(text, 'en').mentions.map((m) => `${text.slice(m.start, m.end)} ${m.text} ${m.entityId ?? ''}`)).toEqual(['U.S. U.S. loc:USA', 'U.N. U.N. org:un', 'U.S. U.S. loc:USA']);
  });
});

describe('a club named by its bare name', () => {
  const entry = (id: string, en: string, ar: string, aliases: string[]): KbEntry => ({ id, type: 'ORG', en, ar, aliases: [en, ar, ...aliases], strong: true });
  const entries = [
    entry('org:al-wahda-damascus', 'Al-Wahda SC (Syria)', 'الوحدة السوري', ['نادي الوحدة السوري']),
    entry('org:al-wahda-uae', 'Al Wahda FC', 'الوحدة الإماراتي', []),
    entry('org:national-bank-of-egypt', 'National Bank of Egypt', 'البنك الأهلي المصري', []),
  ];
  const clubs = qualifiedClubs(entries, (name) => ['سوريا', 'الإمارات', 'مصر'].includes(name));
  const links = (text: string, name: string): string[] => {
    const { mentions, info } = mentionsIn(text, [[name, 'ORG']]);
    return relinked(qualifiedClubLinks(text, mentions, info, clubs));
  };

  // (A match report: two sport words and a score.)
  const report = ' في مباراة الدوري التي انتهت 78-71.';
  it('is the KB club of that name whose country the article names, in a match report', () => {
    expect(links(`تغلب الاتحاد على ضيفه الوحدة في سوريا${report}`, 'الوحدة')).toEqual(['الوحدة -> org:al-wahda-damascus']);
    expect(links(`فاز الوحدة على العين في الإمارات${report}`, 'الوحدة')).toEqual(['الوحدة -> org:al-wahda-uae']);
  });

  it('stays unlinked where no country, or two, are named, outside a match report, and a bank is no club', () => {
    expect(links(`فاز الوحدة على ضيفه${report}`, 'الوحدة')).toEqual([]);
    expect(links(`فاز الوحدة في سوريا، وخسر منافسه في الإمارات${report}`, 'الوحدة')).toEqual([]);
    expect(links('قال الوحدة في سوريا إن الحزب سيشارك في الانتخابات.', 'الوحدة')).toEqual([]);
    expect(links(`يلتقي السكندري مع البنك الأهلي في القاهرة، مصر${report}`, 'البنك الأهلي')).toEqual([]);
  });

  it('leaves the short form of a body the article names in full («حركة النهضة» … «النهضة»)', () => {
    const text = `وقالت حركة النهضة إن الفريق فاز في عمان${report} وأضافت النهضة أن الجمهور احتفل.`;
    const { mentions, info } = mentionsIn(text, [['حركة النهضة', 'ORG'], ['النهضة', 'ORG']]);
    const oman = qualifiedClubs([entry('org:al-nahda-oman', 'Al-Nahda Club (Oman)', 'النهضة العماني', ['نادي النهضة العماني'])], (name) => name === 'عمان');
    expect(relinked(qualifiedClubLinks(text, mentions, info, oman))).toEqual([]);
  });
});

describe('courts\' officers before a name', () => {
  it('are titles, left out of it ("Magistrate Daniel Kipruto Sang", "Prosecutor Jane Wanjiru")', () => {
    const text = 'Magistrate Daniel Kipruto Sang said the case would resume. Chief Magistrate Peter Ndirangu agreed. Prosecutor Jane Wanjiru objected.';
    expect(tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text}`)).toEqual(['PER Daniel Kipruto Sang', 'PER Peter Ndirangu', 'PER Jane Wanjiru']);
  });
});
