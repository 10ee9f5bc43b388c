import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions } from '../src/acronym-names.ts';
import { tokenize } from '../src/tokenize.ts';
import { mentionsOf, tagger } from './tagger-helpers.ts';

/** The names `findAcronymDefinitions` finds in `text`, as "name (ACRONYM)". */
function definitions(text: string): string[] {
  const tokens = tokenize(text);
  return findAcronymDefinitions(text, tokens).map((a) => `${text.slice(a.start, a.end)} (${tokens[a.acronym]?.text})`);
}


describe('English names defined by a bracketed acronym', () => {
  it('finds the capitalised words whose initials spell the acronym, skipping small words, "&" and hyphenated particles', () => {
    expect(definitions('TREBIC, April 21 (Reuters) - Korea Hydro & Nuclear Power (KHNP) began work on Tuesday.')).toEqual(['Korea Hydro & Nuclear Power (KHNP)']);
    expect(definitions('Sasol and Empresa Nacional de Hidrocarbonetos (ENH) signed the deal.')).toEqual(['Empresa Nacional de Hidrocarbonetos (ENH)']);
    expect(definitions('The Federation of Enterprises in Belgium (FEB) opposed the strike.')).toEqual(['Federation of Enterprises in Belgium (FEB)']);
    expect(definitions('Leaders of the Majlis Wahdat-e-Muslimeen (MWM) called for calm.')).toEqual(['Majlis Wahdat-e-Muslimeen (MWM)']);
    expect(definitions('The SKA Observatory (SKAO) released the image.')).toEqual(['SKA Observatory (SKAO)']);
    expect(definitions("President Dissanayake's National People's Power (NPP) won seven councils.")).toEqual(["National People's Power (NPP)"]);
    // The sentence's first word is not taken in when the acronym starts later.
    expect(definitions('His Alliance for Patriotic Reorientation and Construction (APRC) lost seats.')).toEqual(['Alliance for Patriotic Reorientation and Construction (APRC)']);
  });

  it('defines nothing where the initials differ, the words are broken by punctuation, or the phrase is a measure, an event or a place', () => {
    for (const text of [
      'Executives of the state-owned Turkish Petroleum Corporation (TPAO) attended.',
      'Inflation, measured by the Consumer Price Index (CPI), slowed in May.',
      'Morocco will host the Africa Cup of Nations (AFCON) next year.',
      'Ships will call at Brasil Terminal Portuário (BTP) from March.',
      'Nickel from Indonesia Morowali Industrial Park (IMIP) fell.',
      'Officials said Red, Green (RG) would not run.',
      'The deal (EU) was signed.',
    ]) {
      expect(definitions(text), text).toEqual([]);
    }
  });

  it('tags the defined name as one organisation and links the acronym to it', () => {
    const text = 'HARARE, Nov 2 (Reuters) - Zimbabwe Cricket (ZC) managing director Givemore Makoni said the board was pleased. ZC has invested in floodlights.';
    const body = mentionsOf(text, 'en', 'Zimbabwe Cricket');
    expect(body).toEqual(['ORG org:zimbabwe cricket']);
    expect(mentionsOf(text, 'en', 'ZC')).toEqual([body[0], body[0]]);
    expect(mentionsOf(text, 'en', 'Zimbabwe')).toEqual([]);
  });

  it('keeps a longer name with a qualifier in front whole, and reads a body "of" another as two', () => {
    const dfc = 'The U.S. International Development Finance Corporation (DFC) will lend $500 million. DFC said the loan was approved.';
    expect(mentionsOf(dfc, 'en', 'Development Finance Corporation')).toEqual([]);
    const cbrt = 'The Monetary Policy Committee of the Central Bank of the Republic of Turkey (CBRT) cut rates. The CBRT said inflation would slow.';
    const bank = mentionsOf(cbrt, 'en', 'Central Bank of the Republic of Turkey');
    expect(bank).toHaveLength(1);
    expect(bank[0]).toMatch(/^ORG /u);
    expect(mentionsOf(cbrt, 'en', 'CBRT')).toEqual([bank[0], bank[0]]);
  });

  it('gives the defined name its acronym\'s KB id only when the name holds the words of one of that entry\'s names', () => {
    const cbrt = 'The Central Bank of the Republic of Turkey (CBRT) cut its policy rate on Thursday. The CBRT said inflation would slow.';
    expect(mentionsOf(cbrt, 'en', 'Central Bank of the Republic of Turkey')).toEqual(['ORG org:central-bank-of-turkey']);
    const icc = 'Zimbabwe beat Afghanistan, and the International Cricket Council (ICC) sent its chief executive to watch the final day.';
    expect(mentionsOf(icc, 'en', 'International Cricket Council')).toEqual(['ORG org:international cricket council']);
  });
});

describe('places.tsv: one id for a state and its city of one name, none for a small namesake', () => {
  const idOf = (text: string, lang: string, surface: string): string | null | undefined => tagger().tag(text, lang).mentions.find((m) => m.text === surface)?.entityId;

  it('links a governorate\'s English name and its Arabic name to the city row', () => {
    for (const [ar, en] of [
      ['أربيل', 'Erbil'],
      ['حماة', 'Hama'],
      ['دهوك', 'Dohuk'],
      ['مصراتة', 'Misrata'],
    ] as const) {
      const arabic = idOf(`وصل الوفد إلى ${ar} صباح اليوم.`, 'ar', ar);
      expect(arabic, ar).toMatch(/^loc:/u);
      expect(idOf(`The delegation arrived in ${en} on Monday.`, 'en', en), en).toBe(arabic);
    }
  });

  it('gives a state\'s Arabic name to the state, not to a small city upstream spells the same', () => {
    for (const [ar, en] of [
      ['ألاباما', 'Alabama'],
      ['يونان', 'Yunnan'],
      ['تيانجين', 'Tianjin'],
    ] as const) {
      expect(idOf(`قال مسؤولون في ${ar} إن الأمطار توقفت.`, 'ar', ar), ar).toBe(idOf(`Officials in ${en} said the rain had stopped.`, 'en', en));
    }
  });

  it('keeps apart states that only look like a city of the same Arabic spelling', () => {
    expect(idOf('Officials in Jalal-Abad said the border was open.', 'en', 'Jalal-Abad')).toBe('loc:Q487640');
    expect(idOf('Officials in Gulu said the road was open.', 'en', 'Gulu')).toBe('loc:Q1028215');
  });
});

describe('KB cue words of the US Congress, Senate and House', () => {
  const idsOf = (text: string, surface: string): Array<string | null> => tagger().tag(text, 'en').mentions.filter((m) => m.text === surface).map((m) => m.entityId);

  it('read another country\'s chamber as its own, whatever "Democrats" or "Central American" it names', () => {
    expect(idsOf('PRAGUE — ANO won nine of the 27 Senate seats on Saturday. The Christian Democrats kept two.', 'Senate')).not.toContain('org:us-senate');
    expect(idsOf('MANILA — The House of Representatives voted to impeach the vice president, sending the case to the Senate.', 'House of Representatives')).not.toContain('org:us-house');
    expect(idsOf('Mexico\'s Congress passed a law on translation rights for Central American writers.', 'Congress')).not.toContain('org:us-congress');
  });

  it('still link them in American news', () => {
    expect(idsOf('WASHINGTON — The Senate passed the bill 52-48 as Republicans closed ranks behind Trump.', 'Senate')).toEqual(['org:us-senate']);
  });
});

describe('a surname two people of the article share', () => {
  it('is the person named first, in both languages', () => {
    const en = tagger().tag('BEIRUT — Former central bank governor Riad Salameh went on trial on Tuesday. Salameh, 76, denies the charges, which involve a company owned by his brother Raja Salameh. Salameh did not speak.', 'en');
    const riad = en.mentions.find((m) => m.text === 'Riad Salameh')?.entityId;
    const raja = en.mentions.find((m) => m.text === 'Raja Salameh')?.entityId;
    expect(riad).toBeTruthy();
    expect(raja).not.toBe(riad);
    expect(en.mentions.filter((m) => m.text === 'Salameh').map((m) => m.entityId)).toEqual([riad, riad]);
    const ar = tagger().tag('أربيل - قال رئيس حكومة الإقليم مسرور بارزاني إن الحكومة الجديدة ستعمل مع بغداد. وأضاف بارزاني أن الموازنة أولوية. وحضر رئيس الإقليم نيجيرفان بارزاني الجلسة.', 'ar');
    const masrour = ar.mentions.find((m) => m.text === 'مسرور بارزاني')?.entityId;
    expect(masrour).toBeTruthy();
    expect(ar.mentions.filter((m) => m.text === 'بارزاني').map((m) => m.entityId)).toEqual([masrour]);
  });
});

describe('«الجزائر» and «تونس», country and capital', () => {
  const ids = (text: string, surface: string): Array<string | null> => tagger().tag(text, 'ar').mentions.filter((m) => m.text === surface).map((m) => m.entityId);

  it('are the capital as the dateline, the country in the body, in a headline and under another dateline', () => {
    expect(ids('الجزائر (واج) - وقعت الجزائر وإيطاليا اليوم اتفاقية لزيادة صادرات الغاز.', 'الجزائر')).toEqual(['loc:Q141026', 'loc:DZA']);
    expect(ids('تونس – قال الرئيس قيس سعيد إن تونس لن تقبل الإملاءات.', 'تونس')).toEqual(['loc:Q328109', 'loc:TUN']);
    expect(ids('الجزائر: استدعاء السفير الفرنسي', 'الجزائر')).toEqual(['loc:DZA']);
    expect(ids('وهران (واج) - قال وزير الطاقة إن الجزائر ستصدر مزيدا من الغاز.', 'الجزائر')).toEqual(['loc:DZA']);
  });

  it('read «الجزائر العاصمة» and «تونس العاصمة» whole as the capitals', () => {
    expect(ids('وهران (واج) - عاد الوفد إلى الجزائر العاصمة مساء الاثنين.', 'الجزائر العاصمة')).toEqual(['loc:Q141026']);
    expect(ids('صفاقس (وات) - نقل المصابون إلى تونس العاصمة.', 'تونس العاصمة')).toEqual(['loc:Q328109']);
  });
});

describe('places.tsv: Arabic names of places the filters dropped or upstream lacked', () => {
  const ids = (text: string, surface: string): Array<string | null> => tagger().tag(text, 'ar').mentions.filter((m) => m.text === surface).map((m) => m.entityId);

  it('links them, the ambiguous ones only where the model reads a place', () => {
    expect(ids('بشار (واج) - أعلنت ولاية بشار عن افتتاح مستشفى جديد.', 'بشار')).toEqual(['loc:Q215467', 'loc:Q215467']);
    expect(ids('قال الرئيس السوري السابق بشار الأسد في مقابلة إن الحرب انتهت.', 'بشار')).toEqual([]);
    expect(ids('وصل الوزير إلى صقلية لتفقد الجسر.', 'صقلية')).toEqual(['loc:Q1460']);
    expect(ids('وصل الوفد إلى ألماتي كبرى مدن كازاخستان.', 'ألماتي')).toEqual(['loc:Q186466']);
    expect(ids('رفع المتظاهرون الأعلام البيضاء فوق المباني.', 'البيضاء')).toEqual([]);
    expect(ids('وصلت الطائرة إلى تورونتو أكبر مدن كندا.', 'تورونتو')).toEqual(['loc:Q172']);
    expect(ids('وقال المزارعون في الدلتا إن المحاصيل تضررت، بحسب وزارة الزراعة في مصر.', 'الدلتا')).toEqual(['loc:nile-delta']);
    expect(ids('حذف تطبيق تليغرام مئات القنوات.', 'تليغرام')).toEqual(['org:telegram']);
  });
});

describe('English short forms after a sentence\'s determiner', () => {
  it('link "An IBU spokesman" to the union the article defined', () => {
    const text = 'KONTIOLAHTI — The International Biathlon Union (IBU) said it had moved the start. An IBU spokesman said the federation would decide.';
    const ids = tagger().tag(text, 'en').mentions.filter((m) => m.text === 'IBU').map((m) => m.entityId);
    expect(ids).toEqual(['org:international biathlon union', 'org:international biathlon union']);
  });
});

describe('faults the review of this session\'s rules found, fixed', () => {
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);
  const ar = (text: string): string[] => tagger().tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);

  it('defines no organisation by the initials of a person, a title, a measure or a sea', () => {
    expect(en('Mexican President Andres Manuel Lopez Obrador (AMLO) criticised the ruling on Monday.')).toContain('PER Andres Manuel Lopez Obrador per:andres-manuel-lopez-obrador');
    for (const [text, phrase] of [
      // (Moved with the session 19 models, which read "West Texas Intermediate (WTI) crude futures" as a company.)
      ['Prices of West Texas Intermediate (WTI) crude fell 2 percent on Monday.', 'West Texas Intermediate'],
      ['Punjab Chief Minister (CM) Maryam Nawaz inaugurated the hospital.', 'Chief Minister'],
      ['The Director General (DG) of the agency resigned.', 'Director General'],
      ['Chinese vessels blocked a resupply mission in the West Philippine Sea (WPS) on Sunday.', 'West Philippine Sea'],
    ] as const) {
      expect(en(text).filter((m) => m.startsWith(`ORG ${phrase} `)), text).toEqual([]);
    }
  });

  it('links a shared surname only where the model reads a person, and to the one the KB knows before the one named first', () => {
    expect(ar('قال نبيل العربي إن أحمد العربي سيزور العالم العربي قريبا.').filter((m) => m.startsWith('PER العربي '))).toEqual([]);
    expect(ar('قال النائب حسين الشرع إن الرئيس أحمد الشرع سيزور موسكو. وقال الشرع إن الزيارة مهمة.')).toContain('PER الشرع per:ahmed-al-sharaa');
    expect(en('Police arrested Ali Khan on Monday. Former prime minister Imran Khan\'s party protested. Khan has been in jail since 2023.')).toContain('PER Khan per:imran-khan');
  });

  it('keeps the US Senate for American news that names Democrats and the president', () => {
    expect(en('The Senate voted 51-49 on the bill, with Democrats united in opposition, President Joe Biden said.')).toContain('ORG Senate org:us-senate');
  });

  it('gives Al Bayda, Béchar and the Delta only where the article names their country', () => {
    expect(ar('صنعاء - شن الحوثيون هجوما على مواقع قبلية في محافظة البيضاء وسط اليمن.')).not.toContain('LOC البيضاء loc:Q35784');
    expect(ar('بنغازي - قال مسؤولون في البيضاء شرق ليبيا إن الطريق مغلق.')).toContain('LOC البيضاء loc:Q35784');
    expect(ar('لاغوس - تسرب النفط في الدلتا جنوبي نيجيريا.')).not.toContain('LOC الدلتا loc:nile-delta');
  });

  it('keeps a state whose capital is another town apart from the city of its name', () => {
    expect(en('Fighting spread to Sennar state on Monday.')).toEqual(['LOC Sennar loc:Q865534']);
  });
});

describe('English model people that are titled, or bodies and places by their last word', () => {
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text}`);

  it('leave a monarch\'s or a sumo rank\'s title out of one name', () => {
    expect(en('The meteorite was donated by Emperor Pedro II in 1888.')).toContain('PER Pedro II');
    expect(en('Yokozuna Onosato won his third title on Sunday.')).toContain('PER Onosato');
    expect(en('King Charles met Pope Leo in Rome.')).toContain('PER Leo');
  });

  it('retype a "person" ending in a body\'s or a place\'s word', () => {
    expect(en('The permit was issued by Sabah Mineral Management, a state company.')).toContain('ORG Sabah Mineral Management');
    expect(en('The Majeed Brigade of the BLA claimed the attack.')).toContain('ORG Majeed Brigade');
    expect(en('The mine lies near the Crocker Range in Sabah.')).toContain('LOC Crocker Range');
    expect(en('Stuart Hall and Kevin Church spoke.').filter((m) => m.startsWith('PER '))).toHaveLength(2);
  });
});

describe('after articles-blind26\'s second run', () => {
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text} ${m.entityId}`);

  it('reads Quebec as the province and "Quebec City" as the city, in both languages', () => {
    expect(en('The court upheld the Quebec law, and the premier spoke in Quebec City.')).toEqual(expect.arrayContaining(['LOC Quebec loc:Q176', 'LOC Quebec City loc:Q2145']));
    // (Moved with the session 19 models, which read «حكومة كيبيك» whole as a body.)
    expect(tagger().tag('وأكد رئيس وزراء كيبيك أن القانون باق.', 'ar').mentions.map((m) => m.entityId)).toContain('loc:Q176');
  });

  it('gives the bare "Conservatives" to the party of the country the article names', () => {
    expect(en('OTTAWA — The Conservatives under Pierre Poilievre objected.')).toContain('ORG Conservatives org:canada-conservative-party');
    expect(en('LONDON — The Conservatives under Kemi Badenoch lost seats to Reform.')).toContain('ORG Conservatives org:uk-conservative-party');
  });

  it('reads a reef as a place', () => {
    expect(en('Divers counted spawning at Davies Reef off Townsville.')).toContain('LOC Davies Reef loc:davies reef');
  });
});

describe('English spellings of places', () => {
  it('match "St" for a gazetteer "Saint", and news spellings the gazetteer lacked', () => {
    const ids = tagger()
      .tag('The train from St Petersburg arrived. Strikes hit Khan Younis. Families returned to Aghdam and Sumgayit.', 'en')
      .mentions.map((m) => `${m.text} ${m.entityId}`);
    expect(ids).toEqual(['St Petersburg loc:Q656', 'Khan Younis loc:Q948026', 'Aghdam loc:Q201647', 'Sumgayit loc:sumqay-t']);
  });
});

describe('English model people opened or closed by a place word', () => {
  const en = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text}`);

  it('are places ("Plaza Huincul", "Mount Hagen", "Marsden Point"), not "Aung San Suu Kyi" or "Hugo Fort"', () => {
    expect(en('The fossil was found near Plaza Huincul in Neuquen province.')).toContain('LOC Plaza Huincul');
    expect(en('The refinery at Marsden Point closed in 2022.')).toContain('LOC Marsden Point');
    // (The KB knows her since session 19: models of sessions 18 and 19 read her name alone as an organisation.)
    expect(en('Aung San Suu Kyi met officials in Port Moresby and Mount Hagen.')).toEqual(expect.arrayContaining(['PER Aung San Suu Kyi', 'LOC Mount Hagen']));
    expect(en('Hugo Fort spoke on Monday.')).toContain('PER Hugo Fort');
  });
});
