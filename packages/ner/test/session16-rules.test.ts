import { describe, expect, it } from 'vitest';
import { mentionsOf, tagger } from './tagger-helpers.ts';


describe('English one-word short names in brackets', () => {
  it('gives a mixed-case short name in brackets the id of the organisation it follows', () => {
    const text = 'The Commission on Elections (Comelec) said on Monday that turnout was high. Comelec chairman George Garcia thanked voters.';
    const full = mentionsOf(text, 'en', 'Commission on Elections');
    expect(full).toHaveLength(1);
    expect(mentionsOf(text, 'en', 'Comelec')).toEqual([full[0], full[0]]);
    const turkstat = 'Inflation slowed to 31% in October, the Turkish Statistical Institute (TurkStat) said. TurkStat revised September up.';
    const institute = mentionsOf(turkstat, 'en', 'Turkish Statistical Institute')[0];
    expect(institute).toMatch(/^ORG /u);
    expect(mentionsOf(turkstat, 'en', 'TurkStat')).toEqual([institute, institute]);
  });

  it('takes no person, place, demonym or role in brackets for a short name', () => {
    for (const [text, body, word] of [
      ['The Sudanese Armed Forces (Burhan) retook Khartoum. Burhan visited the presidential palace.', 'Sudanese Armed Forces', 'Burhan'],
      ['Radio Free Europe (Russian) was banned by Moscow. Russian authorities called it a foreign agent.', 'Radio Free Europe', 'Russian'],
      ['The Board of Directors (Chairman) approved the dividend. Chairman Ali Saleh thanked staff.', 'Board of Directors', 'Chairman'],
      ['First Quantum Minerals (Kansanshi) said a new smelter was complete. Kansanshi is Zambia\'s largest copper mine.', 'First Quantum Minerals', 'Kansanshi'],
    ] as const) {
      const { mentions } = tagger().tag(text, 'en');
      const id = mentions.find((m) => m.text === body)?.entityId;
      expect(id, body).toBeTruthy();
      expect(mentions.filter((m) => m.text === word).map((m) => m.entityId), word).not.toContain(id);
    }
  });

  it('leaves a bracketed word the KB or gazetteer knows to its own entry', () => {
    const text = 'Oil and Gas Development Company (Pakistan) said output rose. Pakistan imports most of its gas.';
    expect(mentionsOf(text, 'en', 'Pakistan')).toEqual(['LOC loc:PAK', 'LOC loc:PAK']);
  });
});

describe('Arabic place names written joined or apart', () => {
  it('spells a two-word place joined and a one-word place apart after an opener', async () => {
    const { placeSpellingsOf } = await import('../src/matcher.ts');
    expect(placeSpellingsOf('كوالا لمبور')).toEqual(['كوالالمبور']);
    expect(placeSpellingsOf('بورتسودان')).toEqual(['بورت سودان']);
    expect(placeSpellingsOf('نيويورك')).toEqual(['نيو يورك']);
    // Too short to join, too little left after the opener, not Arabic, three words: nothing.
    expect(placeSpellingsOf('ام لج')).toEqual([]);
    expect(placeSpellingsOf('بورما')).toEqual([]);
    expect(placeSpellingsOf('Kuala Lumpur')).toEqual([]);
    expect(placeSpellingsOf('رأس الخيمة الجديدة')).toEqual([]);
    // «أم» opens no split («أم آسيا» is "or Asia"), and a two-letter first word joins nothing
    // («إل ليمون» joined would be «الليمون», "the lemon").
    expect(placeSpellingsOf('أماسيا')).toEqual([]);
    expect(placeSpellingsOf('إل ليمون')).toEqual([]);
  });

  it('links the other spelling to the gazetteer place', () => {
    const ids = (text: string): string[] => tagger().tag(text, 'ar').mentions.map((m) => `${m.text} ${m.entityId}`);
    expect(ids('وصل الوفد إلى كوالالمبور أمس.')).toEqual(['كوالالمبور loc:Q1865']);
    expect(ids('وصل الوفد إلى كوالا لمبور أمس.')).toEqual(['كوالا لمبور loc:Q1865']);
    expect(ids('وصل الوفد إلى بورت سودان أمس.')).toEqual(['بورت سودان loc:port-sudan']);
    expect(ids('وصل الوفد إلى هونغكونغ أمس.')).toEqual(['هونغكونغ loc:HKG']);
    expect(ids('هل تستثمر الشركة في أوروبا أم آسيا؟')).toEqual(['أوروبا loc:europe', 'آسيا loc:asia']);
    expect(ids('ارتفعت أسعار الليمون والطماطم في الأسواق المصرية بنسبة 30 في المئة.')).toEqual([]);
  });
});

describe('Arabic clubs named with «النادي»', () => {
  it('keeps «النادي الإفريقي» whole, and links the club\'s bare name to it', () => {
    const text = 'تعادل النادي الإفريقي مع الترجي في دربي العاصمة التونسية. وكان الإفريقي قد تقدم في الشوط الأول.';
    const shown = tagger()
      .tag(text, 'ar')
      .mentions.filter((m) => m.type === 'ORG')
      .map((m) => `${m.text} ${m.entityId}`);
    expect(shown).toEqual(['النادي الإفريقي org:club-africain', 'الترجي org:esperance-de-tunis', 'الإفريقي org:club-africain']);
  });

  it('still leaves a club\'s nationality out of its name', () => {
    const text = 'فاز الزمالك المصري على الأهلي في القاهرة.';
    expect(tagger().tag(text, 'ar').mentions.map((m) => `${m.text} ${m.entityId}`)).toContain('الزمالك org:zamalek');
  });
});

describe('English team nicknames', () => {
  it('links a plural nickname alone to the team the article named in full', async () => {
    const text = 'Orlando Pirates beat Kaizer Chiefs 2-0 in the Soweto derby on Saturday. Pirates coach Jose Riveiro said the Chiefs defence was poor.';
    const shown = tagger()
      .tag(text, 'en')
      .mentions.filter((m) => m.type === 'ORG')
      .map((m) => `${m.text} ${m.entityId}`);
    expect(shown).toEqual(['Orlando Pirates org:orlando-pirates', 'Kaizer Chiefs org:kaizer-chiefs', 'Pirates org:orlando-pirates', 'Chiefs org:kaizer-chiefs']);
    const { nicknameLinks } = await import('../src/team-names.ts');
    const m = (t: string, id: string): { start: number; end: number; type: 'ORG'; text: string; entityId: string } => ({ start: 0, end: t.length, type: 'ORG', text: t, entityId: id });
    // Words organisations end in are no nicknames; a nickname two teams share is left alone.
    const holdings = [m('Adani Holdings', 'org:adani'), m('Holdings', 'org:holdings')];
    expect(nicknameLinks(holdings).size).toBe(0);
    const shared = [m('Remo Stars', 'org:remo stars'), m('Shooting Stars', 'org:shooting stars'), m('Stars', 'org:stars')];
    expect(nicknameLinks(shared).size).toBe(0);
  });
});

describe('a described place named later by its bare name', () => {
  it('joins «مخيم الهول» … «الهول» and "Kok River" … "Kok", but not a facility named after its town', async () => {
    const { describedPlaceLinks } = await import('../src/described-links.ts');
    const { unlinkedId } = await import('../src/entity-id.ts');
    const loc = (text: string, linked = false): { mention: { start: number; end: number; type: 'LOC'; text: string; entityId: string }; linked: boolean } => ({
      mention: { start: 0, end: text.length, type: 'LOC', text, entityId: unlinkedId('LOC', text) },
      linked,
    });
    const run = (items: ReturnType<typeof loc>[]): string[] => {
      const info = new Map(items.map((i) => [i.mention.entityId, { linked: i.linked, type: 'LOC' as const, name: null }]));
      return [...describedPlaceLinks(items.map((i) => i.mention), info)].map(([m, id]) => `${m.text} → ${id}`);
    };
    expect(run([loc('مخيم الهول'), loc('الهول')])).toEqual([`الهول → ${unlinkedId('LOC', 'مخيم الهول')}`]);
    expect(run([loc('Kok River'), loc('Kok')])).toEqual([`Kok → ${unlinkedId('LOC', 'Kok River')}`]);
    expect(run([loc('سد مروي'), loc('مروي')])).toEqual([]);
    expect(run([loc('Shannon Airport'), loc('Shannon')])).toEqual([]);
    // A bare name the KB or gazetteer links keeps its entry; a name two places share is left alone.
    expect(run([loc('Mekong River'), loc('Mekong', true)])).toEqual([]);
    expect(run([loc('جبل سمامة'), loc('مخيم سمامة'), loc('سمامة')])).toEqual([]);
  });
});

describe('first surnames and generations', () => {
  it('links a first surname alone to a person named with two surnames, and a surname before "Jr"', () => {
    const text = 'Community leader Eusebio Mireles Rangel said the ejido would appeal. Mireles said the mine had dried up the wells.';
    const ids = tagger()
      .tag(text, 'en')
      .mentions.filter((m) => m.type === 'PER')
      .map((m) => `${m.text} ${m.entityId}`);
    expect(ids).toEqual(['Eusebio Mireles Rangel per:eusebio mireles rangel', 'Mireles per:eusebio mireles rangel']);
  });

  it('takes no particle for a surname («Shia» before "al-Sudani» stays apart from him)', () => {
    const text = 'Prime Minister Mohammed Shia al-Sudani met Shia militia leaders on Monday.';
    const pm = tagger()
      .tag(text, 'en')
      .mentions.find((m) => m.text === 'Mohammed Shia al-Sudani');
    const shia = tagger()
      .tag(text, 'en')
      .mentions.filter((m) => m.text === 'Shia');
    expect(pm?.entityId).toBe('per:mohammed-shia-al-sudani');
    expect(shia.map((m) => m.entityId)).not.toContain(pm?.entityId);
  });
});

describe('English sport and arts roles before a name', () => {
  it('leaves the role out of the person ("Hooker Malcolm Marx", "billionaire Gautam Adani")', () => {
    const shown = (text: string): string[] =>
      tagger()
        .tag(text, 'en')
        .mentions.filter((m) => m.type === 'PER')
        .map((m) => m.text);
    expect(shown('Hooker Malcolm Marx scored twice as South Africa beat England 32-15.')).toEqual(['Malcolm Marx']);
    expect(shown('The port was bought by billionaire Gautam Adani last year.')).toEqual(['Gautam Adani']);
  });
});

describe('more English places and titles read in blind25 after its second run', () => {
  it('reads "Palais des Nations" as a place and Air Astana as the airline', () => {
    const shown = (text: string): string[] =>
      tagger()
        .tag(text, 'en')
        .mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);
    expect(shown('Talks resumed at the Palais des Nations in Geneva.')[0]).toMatch(/^LOC Palais des Nations /u);
    expect(shown('Air Astana added flights to Tashkent.')[0]).toBe('ORG Air Astana org:air-astana');
  });
});

describe('places blind25 showed missing, added to the KB after its second run', () => {
  it('links Damascus districts, Iraqi sites and Kuwait Bay, and leaves «نفر» ("a group") and mezze alone in prose', () => {
    const ids = (text: string): string[] =>
      tagger()
        .tag(text, 'ar')
        .mentions.map((m) => `${m.text} ${m.entityId}`);
    expect(ids('قطعت المياه عن حي المزة وكفرسوسة وجرمانا في دمشق بسبب تراجع نبع الفيجة.')).toEqual(['حي المزة loc:mezzeh', 'كفرسوسة loc:kafr-sousa', 'جرمانا loc:jaramana', 'دمشق loc:Q2007044', 'نبع الفيجة loc:ain-al-fijeh']);
    // Mezze the food is no district: the bare «المزة» needs a Damascus word (a review's probe).
    expect(ids('وقدم المطعم أطباق المزة اللبنانية التقليدية مع الحمص.')).not.toContain('المزة loc:mezzeh');
    expect(ids('نفقت أطنان من الأسماك في جون الكويت قرب الصليبيخات.')).toEqual(['جون الكويت loc:kuwait-bay', 'الصليبيخات loc:sulaibikhat']);
    expect(ids('قال نفر من السكان إن المياه انقطعت.')).toEqual([]);
    // «سوق شرق آسيا» is the East Asian market, not Kuwait's Souq Sharq (a review's probe).
    expect(ids('وتتجه صادرات الغاز القطري إلى سوق شرق آسيا بالدرجة الأولى.')).toEqual(['شرق آسيا loc:east-asia']);
  });
});

describe('an Arabic body\'s short name after its seat', () => {
  it('takes «مسام» after «المشروع السعودي لنزع الألغام في اليمن» for the body, not a source after «وزارة الصحة في غزة»', () => {
    const ids = (text: string): string[] =>
      tagger()
        .tag(text, 'ar')
        .mentions.filter((m) => m.type === 'ORG')
        .map((m) => `${m.text} ${m.entityId}`);
    const body = ids('مأرب – أعلن المشروع السعودي لنزع الألغام في اليمن «مسام» نزع 900 لغم. وقال مدير مسام إن العمل مستمر.');
    const id = body[0]?.split(' org:')[1];
    expect(body.filter((m) => m.startsWith('مسام'))[0]).toBe(`مسام org:${id}`);
    expect(ids('وقالت وزارة الصحة في غزة (وفا) إن عدد الضحايا ارتفع.')).toContain('وفا org:wafa');
    // A source or a product after «في …» is not the body's short name (a review's probes).
    expect(ids('وقال المتحدث باسم الجيش اللبناني في تصريح لـ«النهار» إن الوحدات انتشرت.')).not.toContain('النهار org:lebanese-armed-forces');
    expect(ids('وأطلقت وزارة التنمية الاجتماعية في الأردن منصة «تواصل» لتلقي الشكاوى.').filter((m) => m.startsWith('تواصل'))).not.toContain('تواصل org:وزاره التنميه الاجتماعيه');
  });
});
