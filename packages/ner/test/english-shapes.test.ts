import { describe, expect, it } from 'vitest';
import { joinable } from '../src/matcher.ts';
import { findEnglishOrgNames, withoutPersonAfterOf } from '../src/english-orgs.ts';
import { facilityWordAfter, isEnglishPlaceName } from '../src/place-rules.ts';
import { isAcronym, withoutSentenceOpener } from '../src/english-names.ts';
import { tokenize } from '../src/tokenize.ts';
import { namedMentions, tagger } from './tagger-helpers.ts';

const shaped = (text: string): string[] => {
  const tokens = tokenize(text);
  return findEnglishOrgNames(text, tokens, (a, b) => joinable(text, a, b)).map((s) => text.slice(s.start, s.end));
};

describe('English organisation names shown by their last word', () => {
  it('reads capitalised words before an institution noun as one organisation', () => {
    expect(shaped('The Commerce Ministry said the Turkish Statistical Institute was wrong.')).toEqual(['Commerce Ministry', 'Turkish Statistical Institute']);
    expect(shaped('Shares rose on the Tokyo Stock Exchange; the High Court ruled.')).toEqual(['Tokyo Stock Exchange', 'High Court']);
    // One capitalised word is not enough, nor is a lowercase noun.
    expect(shaped('The Court ruled; the ministry said.')).toEqual([]);
  });

  it('takes in a field named before "and" ("Securities and Exchange Board of India")', () => {
    expect(shaped('The Securities and Exchange Board of India banned the firm.')).toEqual(['Securities and Exchange Board of India']);
    expect(shaped('The Australian Securities and Investments Commission said so.')).toEqual(['Australian Securities and Investments Commission']);
    // A name before "and" that is not a field stays apart, and two companies stay two.
    expect(shaped('Officials of Kenya and the Commerce Ministry met.')).toEqual(['Commerce Ministry']);
    expect(shaped('Shares of Barclays Bank and Lloyds Banking Group fell.')).not.toContain('Barclays Bank and Lloyds Banking Group');
  });

  it('takes a company word after two or more capitalised words, and "and" inside a company name', () => {
    expect(shaped('Hokkaido Electric Power and China Road and Bridge Corporation signed.')).toEqual(['Hokkaido Electric Power', 'China Road and Bridge Corporation']);
    // Two words ending in a company word are left to the model ("Kenya Power", "Qatar Energy").
    expect(shaped('Kenya Power said.')).toEqual([]);
  });

  it('knows company words kept in other languages, Gulf and Asian legal forms, and the Indonesian PT', () => {
    expect(shaped('Andes Norte Litio and Nordic Wind Energi bid.')).toEqual(['Andes Norte Litio', 'Nordic Wind Energi']);
    expect(shaped('Shares of Oman Broadband SAOG and Dubai Islamic Bank PJSC rose.')).toEqual(['Oman Broadband SAOG', 'Dubai Islamic Bank PJSC']);
    expect(shaped('The smelter is run by PT Sulawesi Prima Nikel, a unit of PT Vale.')).toEqual(['PT Sulawesi Prima Nikel', 'PT Vale']);
    // "PT" alone, or a lower-case word after it, is no company.
    expect(shaped('He worked PT at a shop.')).toEqual([]);
  });

  it('reads two or more capitalised words before a continent as a body working there, a region not', () => {
    expect(shaped('Prices on ICE Futures Europe rose, said Clean Roads Europe and Gas Energy Latin America.')).toEqual(['ICE Futures Europe', 'Clean Roads Europe', 'Gas Energy Latin America']);
    expect(shaped('Trade in West Africa and Sub-Saharan Africa grew; Visit Europe said.')).toEqual([]);
  });

  it('follows a comma list after "of" to its "and": "Ministry of Economy, Trade and Industry"', () => {
    expect(shaped('The Ministry of Economy, Trade and Industry approved it.')).toEqual(['Ministry of Economy, Trade and Industry']);
    // Without the closing "and", the comma ends the name.
    expect(shaped('The Ministry of Economy, Trade officials said.')).toEqual(['Ministry of Economy']);
  });

  it('in the tagger: a KB place inside such a name is part of it; a KB organisation heading it wins', () => {
    expect(namedMentions('Shares rose on the Nairobi Stock Exchange.', 'en', false)).toEqual(['ORG Nairobi Stock Exchange org:nairobi-securities-exchange']);
    expect(namedMentions('The U.N. Security Council met.', 'en', false)).toEqual(['ORG Security Council org:un-security-council']);
    expect(namedMentions('The Court of Justice of the European Union ruled.', 'en', false)).toEqual(['ORG Court of Justice of the European Union org:court of justice of the european union']);
  });
});

describe('English facilities', () => {
  it('types a name ending in a facility word as a place', () => {
    const text = 'The final at the Unipol Arena and the race at the Lusail International Circuit.';
    const tokens = tokenize(text);
    const at = (w: string): number => tokens.findIndex((t) => t.text === w);
    expect(isEnglishPlaceName(tokens, at('Unipol'), at('Arena'))).toBe(true);
    expect(isEnglishPlaceName(tokens, at('Lusail'), at('Circuit'))).toBe(true);
  });

  it('finds the facility word right after a name the model stopped short of', () => {
    const text = 'Games at Benjamin Mkapa Stadium and Benjamin Mkapa stadium.';
    const tokens = tokenize(text);
    const join = (a: (typeof tokens)[number], b: (typeof tokens)[number]): boolean => joinable(text, a, b);
    const mkapa = tokens.findIndex((t) => t.text === 'Mkapa');
    expect(facilityWordAfter(tokens, mkapa, join)).toBe(mkapa + 1);
    // Lowercase "stadium" is a common noun after the name, not part of it.
    const second = tokens.findIndex((t, k) => k > mkapa && t.text === 'Mkapa');
    expect(facilityWordAfter(tokens, second, join)).toBe(-1);
  });
});

describe('English person names the model cut short', () => {
  const people = (text: string): string[] => namedMentions(text, 'en', true).filter((m) => m.startsWith('PER'));

  it('takes a capitalised part after a hyphen and one name word left out at either end', () => {
    expect(people('"The harvest came late," said Kwabena Owusu-Ansah, chairman of the growers union.')).toEqual(['PER Kwabena Owusu-Ansah per:kwabena owusu ansah']);
    expect(people('Six people are missing, said Agus Salim Harahap, head of the local disaster agency.')).toEqual(['PER Agus Salim Harahap per:agus salim harahap']);
    expect(people('The ruling was welcomed by Meidy Katrin Lengkey, a lawyer for the villagers.')).toEqual(['PER Meidy Katrin Lengkey per:meidy katrin lengkey']);
  });

  it('never takes an honorific, a word the lexicon knows from a place or a body, or a sentence opener', () => {
    expect(people('The ship, captained by Sir Ernest Shackleton, set sail in 1914.')).toEqual(['PER Ernest Shackleton per:ernest shackleton']);
    expect(people('He met Tsar Alexander in Tilsit.')).toEqual(['PER Alexander per:alexander']);
    expect(people('The team includes Australian Ernest Shackleton and two others.')).toEqual(['PER Ernest Shackleton per:ernest shackleton']);
  });
});

describe('English model names that read as places by where they stand', () => {
  const mentions = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text}`);

  it('retypes a person name after a locative preposition, or closing a list of places after "and"', () => {
    expect(mentions('The ships called at Esbjerg, Hamburg, Gdynia and Zeebrugge in the same week.')).toContain('LOC Zeebrugge');
    expect(mentions('In Sefwi Wiawso, a cocoa district, farmers said prices fell.')).toEqual(['LOC Sefwi Wiawso']);
    expect(mentions('The new terminal at the port in Mundra will open next year.')).toEqual(['LOC Mundra']);
  });

  it('retypes a person name after "the town of" and the same word elsewhere in the article', () => {
    const text = 'Fighters overran the nearby town of Palma in 2021. Insurgents briefly blocked the main road north to Palma last month.';
    expect(mentions(text)).toEqual(['LOC Palma', 'LOC Palma']);
    expect(mentions('Residents of the village of Nkomati said the water was back.')).toContain('LOC Nkomati');
    // "of" after a person noun says nothing.
    expect(mentions('A spokesman of Palma said so.')).not.toContain('LOC Palma');
    // A person apposition keeps the other mention a person.
    expect(mentions('He grew up in the city of Florence. Florence, his sister, said he was quiet.')).toEqual(['LOC Florence', 'PER Florence']);
  });

  it('leaves an apposition after a place and a possessive alone', () => {
    expect(mentions("The agency's representative in Haiti, Geeta Narayan, called for calm.")).toEqual(['LOC Haiti', 'PER Geeta Narayan']);
    expect(mentions("The deal, in Ruto's words, is fair.")).toEqual(['PER Ruto']);
  });
});

describe('English acronyms the model calls people', () => {
  const mentions = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text}`);

  it('retypes a name in capitals among words that are not as an organisation, but not text in capitals', () => {
    expect(mentions('The satellite reached orbit about 30 minutes later, JAXA said.')).toEqual(['ORG JAXA']);
    // Text in capitals: a model name among other capitalised words is not an acronym, whatever the model reads.
    const caps = 'In the ruling, which SOUTER, GINSBURG, and BREYER joined, the court said.';
    const tokens = tokenize(caps);
    const at = tokens.findIndex((t) => t.text === 'GINSBURG');
    expect(isAcronym(tokens, { first: at, last: at, type: 'PER', start: tokens[at]?.start ?? 0 })).toBe(false);
    const jaxa = tokenize('The satellite reached orbit about 30 minutes later, JAXA said.');
    const j = jaxa.findIndex((t) => t.text === 'JAXA');
    expect(isAcronym(jaxa, { first: j, last: j, type: 'PER', start: jaxa[j]?.start ?? 0 })).toBe(true);
  });
});

describe('a KB person\'s bare surname after another given name', () => {
  it('is someone else of that name, and the person\'s own full name still links', () => {
    expect(namedMentions('"It matters," Esper Kallas, the institute director, told reporters.', 'en', false)).toEqual(['PER Esper Kallas per:esper kallas']);
    expect(namedMentions('EU foreign policy chief Kaja Kallas said so. Kallas added more.', 'en', false)).toContain('PER Kaja Kallas per:kaja-kallas');
    expect(namedMentions('But Kallas said no.', 'en', false)).toEqual(['PER Kallas per:kaja-kallas']);
  });
});

describe('English honorifics and surnames', () => {
  const people = (text: string): string[] => tagger().tag(text, 'en').mentions.filter((m) => m.type === 'PER').map((m) => `${m.text} ${m.entityId ?? ''}`);

  it('take a surname alone after Mr, Mrs or Ms, and the full stop of the abbreviation', () => {
    expect(people('Ms. Sullivan and Mr Green agreed.')).toEqual(['Sullivan per:sullivan', 'Green per:green']);
    expect(people('Gen. Khalifa Haftar said.')).toEqual(['Khalifa Haftar per:khalifa-haftar']);
  });

  it('after Dr or Prof, only a surname the article names again or the model reads as a person: brands are not people', () => {
    expect(people("Dr Pepper sales rose 5% last quarter. Dr. Martens shares fell 10%. Generic makers such as Dr. Reddy's Laboratories have launched copies.")).toEqual([]);
    expect(people('Dr. Rohatgi saw me at noon. Rohatgi was kind.')).toContain('Rohatgi per:rohatgi');
  });

  it('do not link a KB surname that opens someone else\'s name, but do before a thing named after the person', () => {
    expect(people('Assad Sarwar, 25, of High Wycombe, denied the charges.')).toEqual(['Assad Sarwar per:assad sarwar']);
    expect(people('President Assad met Putin on Monday.')).toEqual(['Assad per:bashar-al-assad', 'Putin per:vladimir-putin']);
    expect(people('Putin said the Trump Tower talks went well.')).toContain('Trump per:donald-trump');
    // A headline in title case keeps the KB person; a facility named after one is a place.
    expect(people('Putin Warns West Against Sending Troops to Ukraine')).toEqual(['Putin per:vladimir-putin']);
    expect(tagger().tag('The final is at Mandela National Stadium in Kampala.', 'en').mentions.map((m) => `${m.type} ${m.text}`)).toContain('LOC Mandela National Stadium');
  });
});

describe('English demonyms and natural features', () => {
  const all = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.type} ${m.text} ${m.entityId ?? ''}`);

  it('leave the demonym out of the person the model read with it, when two name words are left', () => {
    expect(all('Dutchman Pieter Brouwer won, ahead of Briton Tom Pidcock and Belgian Laura Verdonschot.')).toEqual([
      'PER Pieter Brouwer per:pieter brouwer',
      'PER Tom Pidcock per:tom pidcock',
      'PER Laura Verdonschot per:laura verdonschot',
    ]);
  });

  it('widen a place to the feature word before or after it, and link the whole name if the KB has it', () => {
    expect(all('The line runs along Lake Victoria to Mwanza.')).toEqual(['LOC Lake Victoria loc:lake victoria', 'LOC Mwanza loc:Q331153']);
    expect(all('Farmers in the Mekong Delta and near Mount Kenya face drought.')).toEqual(['LOC Mekong Delta loc:mekong-delta', 'LOC Mount Kenya loc:mount kenya']);
    expect(all('Tourists at Victoria Falls saw the Nile Delta.')).toEqual(['LOC Victoria Falls loc:victoria falls', 'LOC Nile Delta loc:nile-delta']);
    expect(all('Like Delta, Bayelsa has oil.')).toEqual(['LOC Delta loc:Q503910', 'LOC Bayelsa loc:Q532153']);
    expect(all('Cape Town hosted the talks.')).toEqual(['LOC Cape Town loc:Q5465']);
  });
});

describe('"Kingdom of", "City of" before a place', () => {
  it('is the same place by its longer name only for a kingdom, sultanate or emirate of a country, or the KB\'s whole name', () => {
    // (The probe moved with the session 19 models, which read "the City of Buenos Aires signed a deal" as its government.)
    expect(tagger().tag('Officials visited the City of Buenos Aires, the Kingdom of Saudi Arabia and the State of Qatar.', 'en').mentions.map((m) => `${m.text} ${m.entityId ?? ''}`)).toEqual([
      'City of Buenos Aires loc:city of buenos aires',
      'Kingdom of Saudi Arabia loc:SAU',
      'State of Qatar loc:QAT',
    ]);
    // Another place of the inner name's: unlinked, unless the gazetteer knows the longer name
    // ("Republic of Congo", Congo-Brazzaville, is not DR Congo; the State of Mexico since session 24).
    expect(tagger().tag('Troops from the Republic of Congo arrived. Floods hit the State of Mexico. The Republic of Ghana voted.', 'en').mentions.map((m) => `${m.text} ${m.entityId ?? ''}`)).toEqual([
      'Republic of Congo loc:COG',
      'State of Mexico loc:Q82112',
      'Republic of Ghana loc:GHA',
    ]);
    expect(tagger().tag('Troops from the Democratic Republic of Congo arrived.', 'en').mentions.map((m) => `${m.text} ${m.entityId ?? ''}`)).toEqual([
      'Democratic Republic of Congo loc:COD',
    ]);
  });
});

describe('"Bay of", "Gulf of", "Sea of" before a name', () => {
  it('is one place, not the feature word read as a town', () => {
    const tag = (text: string): string[] => tagger().tag(text, 'en').mentions.map((m) => `${m.text} ${m.entityId ?? ''}`);
    // "Bay" alone is a Somali region in the gazetteer.
    expect(tag('The capsule splashed down in the Bay of Bengal on Friday.')).toEqual(['Bay of Bengal loc:bay-of-bengal']);
    // Nothing found "Biscay": the feature word and the capitalised name make the place.
    expect(tag('Storms crossed the Bay of Biscay.')).toEqual(['Bay of Biscay loc:bay of biscay']);
    expect(tag('Officials in Bay region said the rains came.')).toEqual(['Bay loc:Q812064']);
    // Lower-case "bay of" is no name.
    expect(tag('Ships sat in the bay of the harbour.')).toEqual([]);
  });
});

describe('a sentence-opening adverb the model ran into a name', () => {
  it('is left out of the name', () => {
    const text = 'Officials met. Later Musk deleted it. "However Smith said no."';
    const tokens = tokenize(text);
    const at = (w: string): number => tokens.findIndex((t) => t.text === w);
    const span = (a: string, b: string) => ({ first: at(a), last: at(b), start: tokens[at(a)]?.start ?? 0 });
    expect(withoutSentenceOpener(text, tokens, span('Later', 'Musk'))).toEqual(span('Musk', 'Musk'));
    expect(withoutSentenceOpener(text, tokens, span('However', 'Smith'))).toEqual(span('Smith', 'Smith'));
    // As the whole name it is no name; inside a sentence it stays.
    expect(withoutSentenceOpener(text, tokens, span('Later', 'Later'))).toBeNull();
    const mid = 'He met Later Musk.';
    const midTokens = tokenize(mid);
    expect(withoutSentenceOpener(mid, midTokens, { first: 2, last: 3, start: midTokens[2]?.start ?? 0 })).toEqual({ first: 2, last: 3, start: 7 });
  });
});

describe('English organisation names by shape: where they end', () => {
  it('stops before "and the" opening the next name, and before "of" and a person the model found', () => {
    expect(findEnglishOrgNames('The Office of Management and Budget and the Court of Justice of the European Union ruled.', tokenize('The Office of Management and Budget and the Court of Justice of the European Union ruled.'), (a, b) => joinable('The Office of Management and Budget and the Court of Justice of the European Union ruled.', a, b)).map((s) => s.end - s.start)).toEqual([
      'Office of Management and Budget'.length,
      'Court of Justice of the European Union'.length,
    ]);
    const text = 'Its ally, the Pakistan Peoples Party of Bilawal Bhutto Zardari, voted.';
    const tokens = tokenize(text);
    const [party] = findEnglishOrgNames(text, tokens, (a, b) => joinable(text, a, b));
    const bilawal = tokens.findIndex((t) => t.text === 'Bilawal');
    expect(party && text.slice(party.start, withoutPersonAfterOf(party, tokens, [{ first: bilawal, last: bilawal + 2 }]).end)).toBe('Pakistan Peoples Party');
    expect(party && withoutPersonAfterOf(party, tokens, [])).toEqual(party);
  });

  it('leaves military ranks out of a person\'s name', () => {
    expect(namedMentions('Army chief Field Marshal Asim Munir, widely regarded as powerful, spoke.', 'en', true)).toEqual(['PER Asim Munir per:asim-munir']);
  });
});

describe('a KB alias written with a lower-case "the"', () => {
  it('tells the place from the company of the same name, and the article stays out of the mention', () => {
    expect(namedMentions('Deforestation in the Amazon rose, and Amazon said its shares fell.', 'en', false)).toEqual([
      'LOC Amazon loc:amazon-rainforest',
      'ORG Amazon org:amazon',
    ]);
  });
});

describe('the platform X by its one letter', () => {
  it('is found where the sentence says it is a platform, and nowhere else', () => {
    expect(namedMentions('Kast wrote on X that the ruling was fair. She congratulated the team in a post on X. The platform X fined them.', 'en', false)).toEqual([
      'ORG X org:x-corp',
      'ORG X org:x-corp',
      'ORG X org:x-corp',
    ]);
    expect(namedMentions('Factor X rose, and doctors relied on X-ray machines.', 'en', false)).toEqual([]);
  });
});

describe('what the session-11 review found in English', () => {
  it('takes one word after "Bay of" unless the KB knows a longer name', () => {
    expect(namedMentions('Off the Bay of Biscay Spanish rescuers searched.', 'en', false)).toEqual(['LOC Bay of Biscay loc:bay of biscay']);
  });

  it('leaves organisations that open with a sentence adverb alone, and drops the adverb read as a name by itself', () => {
    const out = namedMentions('Indeed Ltd said it would hire. Later Tullow said it would cut jobs. Later, the union protested.', 'en', true);
    expect(out).toContain('ORG Indeed Ltd org:indeed ltd');
    expect(out.some((m) => / Later( |$)/u.test(m))).toBe(false);
  });
});

describe('Roman numerals and papal titles', () => {
  it('reads no Roman numeral as a name by itself, and leaves "Pope" out of a pope\'s name', () => {
    const out = namedMentions('The Court ruled on Parts IV, VI and VII. Pope Leo XIV met King Charles III.', 'en', true);
    expect(out.some((m) => /^(ORG|PER|LOC) (IV|VI|VII) /u.test(m))).toBe(false);
    expect(out).toContain('PER Leo XIV per:pope-leo-xiv');
    expect(namedMentions('والتقى البابا فرنسيس الوفد.', 'ar', false)).toEqual(['PER فرنسيس per:pope-francis']);
  });
});
