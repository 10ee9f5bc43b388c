import type { Token } from './tokenize.ts';

/**
 * English words for a person of a nation, region or city, as sports and wire copy put them before
 * a name ("Briton Tom Pidcock", "Dutchman Pieter Brouwer", "Kenyan Faith Kipyegon"). Singular and
 * plural, lower case; not the ones that are also given names (Dane, Finn, Scot). Never part of the
 * person's name.
 */
const DEMONYMS_EN: ReadonlySet<string> = new Set(
  `afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani
  bahraini bangladeshi barbadian belarusian belgian beninese bolivian bosnian botswanan brazilian briton british bulgarian
  burkinabe burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese croat croatian cuban
  cypriot czech danish djiboutian dominican dutch dutchman dutchwoman ecuadorian egyptian emirati englishman
  englishwoman eritrean estonian ethiopian fijian filipino finnish frenchman frenchwoman gabonese gambian georgian
  german ghanaian greek guatemalan guinean haitian honduran hungarian icelander indian indonesian iranian iraqi irishman
  irishwoman israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz laotian
  latvian lebanese liberian libyan lithuanian luxembourger macedonian malagasy malawian malaysian malian maltese
  mauritanian mauritian mexican moldovan monegasque mongolian montenegrin moroccan mozambican namibian nepali
  nepalese nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian pole
  portuguese qatari romanian russian rwandan salvadoran saudi scotsman scotswoman senegalese serb serbian
  singaporean slovak slovakian slovene slovenian somali spaniard sudanese surinamese swede swiss syrian taiwanese
  tajik tanzanian thai togolese tunisian turk turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan
  vietnamese welshman welshwoman yemeni zambian zimbabwean`
    .split(/\s+/)
    .filter((w) => w !== '')
    .flatMap((w) => (/(ese|ss|sh|ch|swiss|man|woman)$/.test(w) ? [w] : [w, `${w}s`])),
);

/** Whether the token is an English demonym written with a capital ("Briton", "Argentines"). */
export function isEnglishDemonym(token: Token | undefined): boolean {
  return token !== undefined && !token.arabic && token.cap && DEMONYMS_EN.has(token.key);
}

/** Demonyms that are also given names (Dane, Finn, Scot): one only before a name of two words. */
const GIVEN_NAME_DEMONYMS_EN: ReadonlySet<string> = new Set(['dane', 'finn', 'scot']);
/** Honorifics the model sometimes reads into a name ("Sir Ernest Shackleton"): never part of it. */
const HONORIFICS_EN: ReadonlySet<string> = new Set(['sir', 'dame', 'mr', 'mrs', 'ms', 'dr', 'prof', 'rev']);
const isHonorific = (t: Token | undefined): boolean => t !== undefined && !t.arabic && t.cap && HONORIFICS_EN.has(t.key);

/**
 * An English person name the model read with a demonym or an honorific before it, without them:
 * a demonym when a name of two words or more is left ("Briton Tom Pidcock"; "German Gref" may be
 * the given name German), an honorific always ("Sir Ernest Shackleton", "Mr Sarwar"); null when the
 * name is nothing but those ("Briton").
 */
export function withoutDemonym<M extends { readonly first: number; readonly last: number; readonly start: number }>(tokens: readonly Token[], m: M): M | null {
  let first = m.first;
  let honorific = false;
  // "Dane Rasmus Hojgaard": a demonym that is also a given name, only before a name of two words.
  const givenDemonym = (k: number): boolean => k === m.first && m.last - k >= 2 && GIVEN_NAME_DEMONYMS_EN.has(tokens[k]?.key ?? '') && tokens[k]?.cap === true;
  while (first <= m.last && (isEnglishDemonym(tokens[first]) || isHonorific(tokens[first]) || givenDemonym(first))) honorific ||= isHonorific(tokens[first++]);
  const head = tokens[first];
  if (first > m.last) return null;
  // "Mr Sarwar" leaves the surname; "German Gref" keeps what may be a given name.
  return head && first > m.first && (m.last - first >= 1 || honorific) ? { ...m, first, start: head.start } : m;
}

/** Continental demonyms, only after a qualifier ("South African"; "African" alone opens "African Union"). */
const CONTINENT_DEMONYMS_EN: ReadonlySet<string> = new Set(['african', 'africans', 'american', 'americans', 'asian', 'asians', 'european', 'europeans']);
/** Words that qualify a demonym ("Northern Irishman", "South African"). */
const DEMONYM_QUALIFIERS_EN: ReadonlySet<string> = new Set(['north', 'northern', 'south', 'southern', 'east', 'eastern', 'west', 'western', 'central', 'new']);

/**
 * Whether an English model name is nothing but a demonym, maybe qualified ("the Englishman",
 * "The Northern Irishman said", "Americans"): a person of a nation, not an organisation or a place.
 */
export function isOnlyDemonym(tokens: readonly Token[], first: number, last: number): boolean {
  const end = tokens[last];
  if (!end || end.arabic || !(isEnglishDemonym(end) || (last > first && end.cap && CONTINENT_DEMONYMS_EN.has(end.key)))) return false;
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (!t || !(isEnglishDemonym(t) || (t.cap && DEMONYM_QUALIFIERS_EN.has(t.key)))) return false;
  }
  return true;
}
