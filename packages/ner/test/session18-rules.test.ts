import { describe, expect, it } from 'vitest';
import { aliasDefinitionLinks, findAcronymDefinitions, initialismLinks } from '../src/acronym-names.ts';
import { withAdjectivesBeforeBracket } from '../src/bracketed-names.ts';
import { cityClubs, cityClubsEn } from '../src/city-clubs.ts';
import { oneTypePerName } from '../src/name-types.ts';
import { partialNameLinks, placeShortFormLinks } from '../src/partial-names.ts';
import { nicknameLinks, withCityTeams } from '../src/team-names.ts';
import { tokenize } from '../src/tokenize.ts';
import { mentionsIn, mentionsOf, relinked } from './tagger-helpers.ts';

describe('acronyms the model reads as names of their own', () => {
  it('joins an acronym to the one organisation whose initials it spells, a possessive s skipped', () => {
    const text = "National People's Power won. By midday the NPP had won majorities.";
    const { mentions, info } = mentionsIn(text, [["National People's Power", 'ORG'], ['NPP', 'ORG']]);
    expect(relinked(initialismLinks(mentions, info))).toEqual(["NPP -> org:national people s power"]);
  });

  it('leaves an acronym two organisations spell, one in lower case, or one the KB links', () => {
    const two = mentionsIn('Democratic Alliance and Dutch Airlines: the DA said.', [['Democratic Alliance', 'ORG'], ['Dutch Airlines', 'ORG'], ['DA', 'ORG']]);
    expect(initialismLinks(two.mentions, two.info).size).toBe(0);
    const linked = mentionsIn('International Cricket Council met. The ICC said.', [['International Cricket Council', 'ORG'], ['ICC', 'ORG', 'org:icc-court']]);
    expect(initialismLinks(linked.mentions, linked.info).size).toBe(0);
  });

  it('joins them in the tagger', () => {
    expect(mentionsOf("National People's Power was on course on Sunday to win. By midday the NPP had won majorities.", 'en', 'NPP')).toEqual(['ORG org:national people s power']);
  });
});

describe('short names an article gives an organisation', () => {
  it('reads "(X)", ", known as X" and "known by its French acronym X" after the full name, whatever the letters', () => {
    const text = 'The Independent National Electoral Commission, known by its French acronym CENI, said so. CENI officials met.';
    const a = mentionsIn(text, [['Independent National Electoral Commission', 'ORG'], ['CENI', 'ORG'], ['CENI', 'ORG']]);
    expect(relinked(aliasDefinitionLinks(text, a.mentions, a.info))).toEqual([
      'CENI -> ORG org:independent national electoral commission',
      'CENI -> ORG org:independent national electoral commission',
    ]);
    const namcor = 'the National Petroleum Corporation of Namibia, known as Namcor. Namcor, which is carrying costs, said.';
    const b = mentionsIn(namcor, [['National Petroleum Corporation of Namibia', 'ORG'], ['Namcor', 'ORG'], ['Namcor', 'PER']]);
    expect(relinked(aliasDefinitionLinks(namcor, b.mentions, b.info))).toEqual([
      'Namcor -> ORG org:national petroleum corporation of namibia',
      'Namcor -> ORG org:national petroleum corporation of namibia',
    ]);
  });

  it('leaves a short name two organisations give, a KB-linked one, and words after a one-word name', () => {
    const text = 'Alpha Mining Group (AMG) and Beta Metals Group (AMG) said. AMG shares rose.';
    const a = mentionsIn(text, [['Alpha Mining Group', 'ORG'], ['Beta Metals Group', 'ORG'], ['AMG', 'ORG']]);
    expect(aliasDefinitionLinks(text, a.mentions, a.info).size).toBe(0);
    const kb = 'The International Cricket Council (ICC) said. The ICC met.';
    const b = mentionsIn(kb, [['International Cricket Council', 'ORG'], ['ICC', 'ORG', 'org:icc'], ['ICC', 'ORG', 'org:icc']]);
    expect(aliasDefinitionLinks(kb, b.mentions, b.info).size).toBe(0);
    const one = 'Sonatrach, known as SH, said. SH rose.';
    const c = mentionsIn(one, [['Sonatrach', 'ORG'], ['SH', 'ORG']]);
    expect(aliasDefinitionLinks(one, c.mentions, c.info).size).toBe(0);
  });

  it('links them in the tagger', () => {
    expect(mentionsOf('The Independent National Electoral Commission, known by its French acronym CENI, said it would begin. CENI officials met.', 'en', 'CENI')).toEqual([
      'ORG org:independent national electoral commission',
      'ORG org:independent national electoral commission',
    ]);
  });
});

describe('bracketed acronyms that skip a word of the name', () => {
  /** The names `findAcronymDefinitions` finds in `text`, as "name (ACRONYM)". */
  function definitions(text: string): string[] {
    const tokens = tokenize(text);
    return findAcronymDefinitions(text, tokens).map((a) => `${text.slice(a.start, a.end)} (${tokens[a.acronym]?.text})`);
  }

  it('lets up to two inner words give no letter when every word cannot', () => {
    expect(definitions('biologists from the National Aquatic Resources Research and Development Agency (NARA) said.')).toEqual([
      'National Aquatic Resources Research and Development Agency (NARA)',
    ]);
  });

  it('still needs the first and the last word to give a letter', () => {
    expect(definitions('Executives of the state-owned Turkish Petroleum Corporation (TPAO) attended.')).toEqual([]);
    expect(definitions('Officials of the Kenya Wildlife Service Director Erustus Kanga (KWS) spoke.')).toEqual([]);
  });
});

describe('places named later without their generic words', () => {
  it('joins a park\'s, a sanctuary\'s or a crater\'s own name to it, also where the model read a person', () => {
    const text = 'Kuno National Park and Pobitora Wildlife Sanctuary. In Kuno, and at Pobitora, rangers counted.';
    const { mentions, info } = mentionsIn(text, [['Kuno National Park', 'LOC'], ['Pobitora Wildlife Sanctuary', 'LOC'], ['Kuno', 'PER'], ['Pobitora', 'LOC']]);
    expect(relinked(placeShortFormLinks(mentions, info))).toEqual(['Kuno -> loc:kuno national park', 'Pobitora -> loc:pobitora wildlife sanctuary']);
  });

  it('leaves a mountain or a lake a park is named after', () => {
    const text = 'Mount Elgon National Park lies on Mount Elgon. Lake Nakuru National Park and Lake Nakuru.';
    const { mentions, info } = mentionsIn(text, [['Mount Elgon National Park', 'LOC'], ['Mount Elgon', 'LOC'], ['Lake Nakuru National Park', 'LOC'], ['Lake Nakuru', 'LOC']]);
    expect(placeShortFormLinks(mentions, info).size).toBe(0);
  });

  it('joins an Arabic camp\'s name to «مخيم …»', () => {
    const text = 'زار الوفد مخيم الزعتري ثم غادر الزعتري مساء.';
    const { mentions, info } = mentionsIn(text, [['مخيم الزعتري', 'LOC'], ['الزعتري', 'LOC']]);
    expect(relinked(placeShortFormLinks(mentions, info))).toEqual(['الزعتري -> loc:مخيم الزعتري']);
  });

  it('leaves towns named like their dam or market, linked places, and people of two words', () => {
    const text = 'Merowe Dam and Kariakoo Market. In Merowe and Kariakoo, Kuno National Park and Rahul Kuno.';
    const { mentions, info } = mentionsIn(text, [['Merowe Dam', 'LOC'], ['Kariakoo Market', 'LOC'], ['Merowe', 'LOC'], ['Kariakoo', 'LOC', 'loc:Q1'], ['Kuno National Park', 'LOC'], ['Rahul Kuno', 'PER']]);
    expect(placeShortFormLinks(mentions, info).size).toBe(0);
  });
});

describe('clubs named by a singular last word', () => {
  it('joins a city and the singular name after it into the club', () => {
    const text = 'Melbourne Victory lost to Melbourne City in the league derby, the coach said after the match.';
    const { mentions, info } = mentionsIn(text, [['Melbourne', 'LOC', 'loc:melbourne'], ['Melbourne', 'LOC', 'loc:melbourne']]);
    expect(withCityTeams(text, mentions, info).map((m) => `${m.type} ${m.text}`)).toEqual(['ORG Melbourne Victory', 'LOC Melbourne']);
  });

  it('links "Victory", "City" and "Union" alone to the one club of the article ending in them', () => {
    const text = 'Melbourne City beat Melbourne Victory. Victory led; City won.';
    const { mentions } = mentionsIn(text, [['Melbourne City', 'ORG'], ['Melbourne Victory', 'ORG'], ['Victory', 'ORG'], ['City', 'ORG']]);
    expect(relinked(nicknameLinks(mentions))).toEqual(['Victory -> org:melbourne victory', 'City -> org:melbourne city']);
  });

  it('leaves a singular word after a city outside match reports', () => {
    const text = 'Putin hosted Xi at Moscow Victory celebrations on Friday.';
    const { mentions, info } = mentionsIn(text, [['Moscow', 'LOC', 'loc:moscow']]);
    expect(withCityTeams(text, mentions, info).map((m) => `${m.type} ${m.text}`)).toEqual(['LOC Moscow']);
  });

  it('leaves "Kansas City" and "Gaza City" to the places', () => {
    const text = 'Kansas City and Gaza City.';
    const { mentions, info } = mentionsIn(text, [['Kansas', 'LOC', 'loc:kansas'], ['Gaza', 'LOC', 'loc:gaza-strip']]);
    expect(withCityTeams(text, mentions, info).map((m) => m.type)).toEqual(['LOC', 'LOC']);
  });
});

describe('demonyms opening an organisation\'s name', () => {
  it('are no short form of it', () => {
    expect(mentionsOf('The Mongolian Red Cross Society said it had sent teams. Mongolian herders lost animals.', 'en', 'Mongolian')).toEqual([]);
  });
});

describe('people named by the first word of their name', () => {
  it('joins a Latin one-word person to the one person whose name it opens', () => {
    const text = 'Kim Jae-won and Akosua Asante spoke. Kim said the index rose.';
    const { mentions, info } = mentionsIn(text, [['Kim Jae-won', 'PER'], ['Akosua Asante', 'PER'], ['Kim', 'PER']]);
    expect(relinked(partialNameLinks(mentions, info, text))).toEqual(['Kim -> per:kim jae won']);
  });

  it('leaves a word two people open, and Arabic one-word names', () => {
    const two = 'Carlos Alcaraz and Carlos Moya. Carlos said.';
    const a = mentionsIn(two, [['Carlos Alcaraz', 'PER'], ['Carlos Moya', 'PER'], ['Carlos', 'PER']]);
    expect(partialNameLinks(a.mentions, a.info, two).size).toBe(0);
    const ar = 'قال محمد كردفاني ثم قال محمد إن.';
    const b = mentionsIn(ar, [['محمد كردفاني', 'PER'], ['محمد', 'PER']]);
    expect(partialNameLinks(b.mentions, b.info, ar).size).toBe(0);
  });
});

describe('a titled Arabic name read to the surname the article uses alone later', () => {
  it('keeps the model\'s third word when the model finds that word alone as a person later', () => {
    const text = 'من جهته، قال وزير الداخلية فرناندو غراندي مارلاسكا إن الحكومة سترسل تعزيزات. وأوضح مارلاسكا أن الشبكات تراجعت.';
    expect(mentionsOf(text, 'ar', 'فرناندو غراندي مارلاسكا')).toEqual(['PER per:فرناندو غراندي مارلاسكا']);
    expect(mentionsOf(text, 'ar', 'مارلاسكا')).toEqual(['PER per:فرناندو غراندي مارلاسكا']);
  });
});

describe('Arabic organisations read short of the adjectives before their bracketed short name', () => {
  it('lengthens the organisation to the bracket', () => {
    const text = 'العمل مع منظمة الطيران المدني الدولي (إيكاو) لتطوير الأنظمة.';
    const { mentions, info } = mentionsIn(text, [['منظمة الطيران المدني', 'ORG'], ['إيكاو', 'ORG']]);
    expect(withAdjectivesBeforeBracket(text, mentions, info).map((m) => `${m.text} ${m.entityId}`)).toEqual(['منظمة الطيران المدني الدولي org:منظمه الطيران المدني الدولي', 'إيكاو org:ايكاو']);
  });

  it('reads a one-word short name in quotes after a plural nisba, not a quoted phrase', () => {
    const text = 'وقال رئيس جمعية القضاة البولنديين "يوستيتسيا" إن. ودعت الخارجية الفرنسية الفرنسيين "إلى مغادرة إيران".';
    const { mentions, info } = mentionsIn(text, [['جمعية القضاة', 'ORG'], ['الخارجية الفرنسية', 'ORG']]);
    expect(withAdjectivesBeforeBracket(text, mentions, info).map((m) => m.text)).toEqual(['جمعية القضاة البولنديين', 'الخارجية الفرنسية']);
  });

  it('leaves linked organisations, nouns that are no nisba, and a mention in between', () => {
    const text = 'وقالت وزارة الصحة الاتحادية (الوزارة) إن وزارة المالية المصرية (مصر) وهيئة الموانئ البرية (الهيئة).';
    const { mentions, info } = mentionsIn(text, [['وزارة الصحة', 'ORG', 'org:kb-health'], ['وزارة المالية', 'ORG'], ['المصرية', 'LOC'], ['هيئة الموانئ', 'ORG']]);
    const out = withAdjectivesBeforeBracket(text, mentions, info).map((m) => m.text);
    expect(out).toEqual(['وزارة الصحة', 'وزارة المالية', 'المصرية', 'هيئة الموانئ البرية']);
  });

  it('joins the short name to the whole name in the tagger', () => {
    const text = 'أعلنت السلطة أنها ستواصل العمل مع منظمة الطيران المدني الدولي (إيكاو) لتطوير أنظمة الملاحة. وقالت إيكاو إن.';
    const whole = mentionsOf(text, 'ar', 'منظمة الطيران المدني الدولي');
    expect(whole).toEqual(['ORG org:منظمه الطيران المدني الدولي']);
    expect(mentionsOf(text, 'ar', 'إيكاو')).toEqual([whole[0], whole[0]]);
  });
});

describe('Lula', () => {
  it('is the Brazilian president beside Brazilian words only', () => {
    expect(mentionsOf('President Lula said Brazil would host the summit in Brasilia.', 'en', 'Lula')).toEqual(['PER per:lula-da-silva']);
    expect(mentionsOf('The site near Lula, in the province of Nuoro in Sardinia, was ranked first.', 'en', 'Lula')).not.toContain('PER per:lula-da-silva');
  });
});

describe('the US Securities and Exchange Commission', () => {
  it('is linked beside US words only', () => {
    expect(mentionsOf('The SEC said on Monday that Nasdaq-listed firms must file by March.', 'en', 'SEC')).toEqual(['ORG org:us-sec']);
    expect(mentionsOf('ACCRA — Ghana\'s Securities and Exchange Commission (SEC) petitioned the High Court. The SEC said investors lost savings.', 'en', 'SEC')).not.toContain('ORG org:us-sec');
  });
});

describe('names with an ampersand', () => {
  it('match the KB across "&" ("S&P Global", "AT&T", "Johnson & Johnson")', () => {
    expect(mentionsOf('S&P Global Ratings kept the rating on Friday.', 'en', 'S&P Global Ratings')).toEqual(['ORG org:sp-global']);
    expect(mentionsOf('Shares of AT&T and Johnson & Johnson rose.', 'en', 'Johnson & Johnson')).toEqual(['ORG org:johnson-and-johnson']);
  });
});

describe('KB entries added from articles-blind27', () => {
  it('know Naspers, Prosus and Statistics South Africa', () => {
    const text = 'Gains were led by tech investor Naspers and its unit Prosus after Tencent results. Statistics South Africa said inflation slowed.';
    expect(mentionsOf(text, 'en', 'Naspers')).toEqual(['ORG org:naspers']);
    expect(mentionsOf(text, 'en', 'Prosus')).toEqual(['ORG org:prosus']);
    expect(mentionsOf(text, 'en', 'Statistics South Africa')).toEqual(['ORG org:stats-sa']);
  });
});

describe('Arabic clubs named by their city in a match report', () => {
  const report = 'برلين - فاز باير ليفركوزن على شتوتغارت 3-1 في الدوري الألماني، وسجل المهاجم هدفين. وقال مدرب شتوتغارت إن فريقه لعب جيدا، فيما احتفلت الجماهير في شتوتغارت رغم الخسارة.';

  it('retypes the city after a match verb or a club word, and its other mentions, not after «في»', () => {
    const { mentions, info } = mentionsIn(report, [['برلين', 'LOC', 'loc:berlin'], ['باير ليفركوزن', 'ORG', 'org:bayer-leverkusen'], ['شتوتغارت', 'LOC', 'loc:stuttgart'], ['شتوتغارت', 'LOC', 'loc:stuttgart'], ['شتوتغارت', 'LOC', 'loc:stuttgart']]);
    const out = cityClubs(report, mentions, info, () => null);
    expect([...out].map(([m, id]) => `${m.start} ${id}`)).toEqual([`${report.indexOf('شتوتغارت')} org:شتوتغارت`, `${report.indexOf('مدرب شتوتغارت') + 5} org:شتوتغارت`]);
  });

  it('takes the KB\'s club where it has one', () => {
    const { mentions, info } = mentionsIn(report, [['شتوتغارت', 'LOC', 'loc:stuttgart']]);
    expect([...cityClubs(report, mentions, info, (w) => (w === 'شتوتغارت' ? 'org:vfb-stuttgart' : null)).values()]).toEqual(['org:vfb-stuttgart']);
  });

  it('leaves places outside match reports, countries, «أمام» without a match verb and a city\'s fans', () => {
    const news = 'وقع الوزير مع شتوتغارت اتفاقا لتطوير النقل.';
    const a = mentionsIn(news, [['شتوتغارت', 'LOC', 'loc:stuttgart']]);
    expect(cityClubs(news, a.mentions, a.info, () => null).size).toBe(0);
    const squash = 'قال اللاعب عقب المباراة إن اللعب أمام الأهرامات له طعم مختلف، وسجل هدفا في الدوري مع مصر.';
    const b = mentionsIn(squash, [['الأهرامات', 'LOC', 'loc:giza-pyramids'], ['مصر', 'LOC', 'loc:EGY']]);
    expect(cityClubs(squash, b.mentions, b.info, () => null).size).toBe(0);
    const fans = 'أهدى المدرب الفوز في المباراة لجماهير بورسعيد بعد هدف في الدوري.';
    const c = mentionsIn(fans, [['بورسعيد', 'LOC', 'loc:Q31079']]);
    expect(cityClubs(fans, c.mentions, c.info, () => null).size).toBe(0);
  });
});

describe('one type per unlinked name in an article', () => {
  it('gives every mention the type most of them have, a tie with the organisation going to it', () => {
    const text = 'delivery company Jahez said. Jahez rose. Shares of Jahez fell. Snoonu and Snoonu. Keeta and Keeta.';
    const { mentions, info } = mentionsIn(text, [['Jahez', 'ORG'], ['Jahez', 'PER'], ['Jahez', 'ORG'], ['Snoonu', 'LOC'], ['Snoonu', 'PER'], ['Keeta', 'PER'], ['Keeta', 'ORG']]);
    expect([...oneTypePerName(mentions, info)].map(([m, to]) => `${m.text} ${to.type} ${to.entityId}`)).toEqual(['Jahez ORG org:jahez', 'Keeta ORG org:keeta']);
  });

  it('leaves linked names and names read one way', () => {
    const text = 'Paris and Paris. Ali and Ali.';
    const { mentions, info } = mentionsIn(text, [['Paris', 'LOC', 'loc:paris'], ['Paris', 'ORG'], ['Ali', 'PER'], ['Ali', 'PER']]);
    expect(oneTypePerName(mentions, info).size).toBe(0);
  });
});

describe('English clubs named by their city in a match report', () => {
  const report = 'BRAGA, Portugal — Braga beat Guimaraes 2-1 in the Minho derby on Sunday, the striker scoring twice after half-time. Guimaraes coach Luis Freire said the league table was tight. Fans in Braga celebrated; England and Wales meet next season.';
  const isPlace = (name: string): boolean => ['Braga', 'Guimaraes', 'England', 'Wales'].includes(name);

  it('retypes a city after or before a match word, and its other mentions, not after "in" or as the dateline', () => {
    const { mentions, info } = mentionsIn(report, [['BRAGA', 'LOC', 'loc:Q326203'], ['Braga', 'LOC', 'loc:Q326203'], ['Guimaraes', 'LOC', 'loc:Q1'], ['Guimaraes', 'PER'], ['Braga', 'LOC', 'loc:Q326203'], ['England', 'LOC', 'loc:Q21'], ['Wales', 'LOC', 'loc:Q25']]);
    const out = cityClubsEn(report, mentions, info, isPlace, (w) => (w === 'Guimaraes' ? 'org:vitoria-guimaraes' : null));
    expect([...out].map(([m, id]) => `${m.start} ${m.text} ${id}`)).toEqual([
      `${report.indexOf('Braga beat')} Braga org:braga`,
      `${report.indexOf('Guimaraes 2-1')} Guimaraes org:vitoria-guimaraes`,
      `${report.indexOf('Guimaraes coach')} Guimaraes org:vitoria-guimaraes`,
    ]);
  });

  it('leaves places outside match reports, names inside a longer name, and streets', () => {
    const news = 'Braga beat its export record on Monday, the city council said.';
    const a = mentionsIn(news, [['Braga', 'LOC', 'loc:Q326203']]);
    expect(cityClubsEn(news, a.mentions, a.info, isPlace, () => null).size).toBe(0);
    const team = 'Deccan beat Team Abu Dhabi in the final match of the league season; Team Abu Dhabi captain Waseem praised the fans after the game.';
    const b = mentionsIn(team, [['Abu Dhabi', 'LOC', 'loc:Q187712'], ['Abu Dhabi', 'LOC', 'loc:Q187712']]);
    expect(cityClubsEn(team, b.mentions, b.info, () => true, () => null).size).toBe(0);
    const street = 'The stadium on Davey Street host the final game; the coach said the league match drew fans.';
    const c = mentionsIn(street, [['Davey Street', 'LOC']]);
    expect(cityClubsEn(street, c.mentions, c.info, () => true, () => null).size).toBe(0);
  });
});

describe('guards from the session 18 review', () => {
  it('keeps a described person and a mountain apart from the park named after them', () => {
    const text = 'Poachers killed 40 rhinos in Kruger National Park. Kruger, the Boer president, set aside the land. Table Mountain National Park closed; hikers left Table Mountain.';
    const { mentions, info } = mentionsIn(text, [['Kruger National Park', 'LOC'], ['Kruger', 'PER'], ['Table Mountain National Park', 'LOC'], ['Table Mountain', 'LOC']]);
    expect(placeShortFormLinks(mentions, info, text).size).toBe(0);
  });

  it('keeps a place after "in" when the name is read otherwise elsewhere', () => {
    const text = 'Heidenheim drew 1-1 with Mainz. In Heidenheim, a town of 50,000 people, fans celebrated.';
    const { mentions, info } = mentionsIn(text, [['Heidenheim', 'ORG'], ['Heidenheim', 'LOC']]);
    expect(oneTypePerName(mentions, info, text).size).toBe(0);
  });

  it('keeps an airline\'s demonym as its short name', () => {
    expect(mentionsOf('Ethiopian Airlines said its Boeing 737 returned safely to Addis Ababa. Ethiopian flies to more than 130 destinations.', 'en', 'Ethiopian').length).toBe(1);
  });

  it('takes no person\'s nickname for the organisation named before it', () => {
    const text = 'Ahmed al-Sharaa, the former head of Hayat Tahrir al-Sham known as Jolani, met officials. Jolani spoke.';
    const { mentions, info } = mentionsIn(text, [['Ahmed al-Sharaa', 'PER'], ['Hayat Tahrir al-Sham', 'ORG'], ['Jolani', 'PER'], ['Jolani', 'PER']]);
    expect(aliasDefinitionLinks(text, mentions, info).size).toBe(0);
  });

  it('makes no two-letter initialism of a possessive', () => {
    const text = "The People's Movement won. The PM said on Tuesday he would call an election.";
    const { mentions, info } = mentionsIn(text, [["People's Movement", 'ORG'], ['PM', 'ORG']]);
    expect(initialismLinks(mentions, info).size).toBe(0);
  });

  it('leaves Arabic cities that host, suffer or have residents in a match report, and politics stories', () => {
    const report = 'تعادل مرسيليا مع ليل 1-1 في الدوري الفرنسي. وقبل المباراة خرج آلاف من سكان مرسيليا، فيما تشهد ليل موجة برد.';
    const a = mentionsIn(report, [['مرسيليا', 'LOC', 'loc:marseille'], ['ليل', 'LOC', 'loc:lille'], ['مرسيليا', 'LOC', 'loc:marseille'], ['ليل', 'LOC', 'loc:lille']]);
    expect([...cityClubs(report, a.mentions, a.info, () => null).keys()].map((m) => m.start)).toEqual([report.indexOf('مرسيليا'), report.indexOf('ليل')]);
    const politics = 'قال في مؤتمره الصحفي الدوري إن هدف واشنطن واضح، وإن ترامب خسر أمام بكين جولة الرسوم.';
    const b = mentionsIn(politics, [['واشنطن', 'LOC', 'loc:washington'], ['بكين', 'LOC', 'loc:Q956']]);
    expect(cityClubs(politics, b.mentions, b.info, () => null).size).toBe(0);
  });
});

describe('acronyms opening a longer name', () => {
  it('stay the body the article names in full, else the company they open', () => {
    const text = 'The Kosovo Liberation Army fought. The KLA War Veterans Organisation protested. KLA commanders were tried.';
    const { mentions, info } = mentionsIn(text, [['Kosovo Liberation Army', 'ORG'], ['KLA War Veterans Organisation', 'ORG'], ['KLA', 'ORG']]);
    expect(partialNameLinks(mentions, info, text).size).toBe(0);
    expect(relinked(initialismLinks(mentions, info))).toEqual(['KLA -> org:kosovo liberation army']);
    const company = 'MBK Partners bid again. MBK said the offer stood.';
    const b = mentionsIn(company, [['MBK Partners', 'ORG'], ['MBK', 'ORG']]);
    expect(relinked(partialNameLinks(b.mentions, b.info, company))).toEqual(['MBK -> org:mbk partners']);
  });
});

describe('Arabic surnames that are also towns', () => {
  it('name the person the article named in full', () => {
    expect(mentionsOf('قال الرئيس التنفيذي سام بارنيت إن الأرباح ارتفعت. وأضاف بارنيت أن الشركة ستتوسع.', 'ar', 'بارنيت')).toEqual(['PER per:سام بارنيت']);
  });
});
