import { inTitleCaseLine } from './title-case.ts';
import { isEnglishTitle } from './title-rules.ts';
import { NOT_ORG_EN, type OrgSpan } from './org-rules.ts';
import type { Token } from './tokenize.ts';

/**
 * English organisation names shown by their shape, without a cue word: an institution noun with
 * of/for inside ("Office of Management and Budget"), a company form or word at the end ("Taiwan
 * Semiconductor Manufacturing Co.", "Hokkaido Electric Power"), an institution noun after
 * capitalised words ("Commerce Ministry"), the Indonesian "PT …", a body before a continent ("ICE
 * Futures Europe"). Pure functions over tokens.
 */

/** English institution nouns that open a name with "of"/"for" inside ("Office of Management and Budget"). */
const ORG_HEADS_EN = new Set([
  'office', 'alliance', 'centre', 'centres', 'center', 'centers', 'ministry', 'department', 'bureau', 'council',
  'agency', 'commission', 'institute', 'organisation', 'organization', 'association', 'federation', 'union', 'bank',
  'fund', 'party', 'front', 'movement', 'committee', 'authority', 'board', 'court', 'academy', 'university',
  'league', 'coalition', 'forum', 'corps', 'administration', 'community', 'foundation', 'society', 'network',
  'corporation', 'cooperative', 'command', 'assembly', 'tribunal', 'conference', 'congress',
  // "General Directorate for National Security", "Secretariat of the Pacific Community".
  'directorate', 'secretariat',
]);
/** Heads a name goes on from through "on" ("Inter-American Commission on Human Rights", "Council on Foreign Relations"). */
const ON_HEADS_EN = new Set(['commission', 'committee', 'council', 'conference', 'forum', 'panel', 'subcommittee']);
/**
 * What a body named "… on X" deals with: the last word of X ("… Commission on Human Rights",
 * "Council on Foreign Relations", "Committee on the Elimination of Racial Discrimination",
 * "Conference on Disarmament"). Anything else after "on" is what the sentence says the body did
 * something about ("the Security Council on North Korea", "the Commission on Monday").
 */
const ON_TOPICS_EN = new Set(['rights', 'relations', 'affairs', 'disarmament', 'trade', 'development', 'change', 'status', 'discrimination',
  'cooperation', 'investment', 'environment', 'drugs', 'crime', 'terrorism', 'energy', 'services', 'ethics', 'heritage', 'women', 'children',
  'refugees', 'migration', 'education', 'health', 'ageing', 'aging', 'climate', 'population', 'oceans', 'science', 'technology', 'standards',
  'justice', 'disability', 'disabilities', 'labour', 'labor', 'liberties', 'corruption', 'narcotics', 'intelligence', 'appropriations',
  'finance', 'banking', 'commerce', 'transportation', 'security', 'nutrition', 'biodiversity', 'desertification', 'torture', 'genocide',
  'sustainability', 'governance', 'violence', 'housing', 'agriculture', 'fisheries', 'communications', 'innovation',
  'freedom', 'freedoms', 'liberty', 'peace', 'safety',
  // "National Commission on Culture", "Commission on Gender Equality".
  'culture', 'arts', 'tourism', 'gender', 'equality', 'youth', 'employment', 'sport', 'sports', 'transport', 'statistics', 'elections']);
/** Plural nouns whose possessive opens a body's name: "People's Union for Civil Liberties", "Workers' Party". */
const POSSESSIVE_OPENERS_EN = new Set(['people', 'peoples', 'workers', 'women', 'children', 'farmers', 'citizens', 'martyrs', 'veterans', 'students', 'journalists', 'teachers', 'doctors']);
/**
 * Last words of company names ("Pilbara Minerals", "Seplat Energy", "Amkor Technology"): a model
 * name ending in one is an organisation whatever type the model gave it.
 */
const COMPANY_WORDS_EN = new Set([
  'minerals', 'mining', 'resources', 'energy', 'petroleum', 'group', 'holdings', 'bank', 'capital', 'partners', 'securities',
  'investments', 'technology', 'technologies', 'motors', 'motor', 'airlines', 'airways', 'electronics', 'pharmaceuticals',
  'industries', 'systems', 'logistics', 'telecom', 'telecommunications', 'insurance', 'financial', 'ventures', 'labs',
  'foods', 'steel', 'chemicals', 'semiconductor', 'semiconductors', 'research', 'consulting', 'exchange', 'shipping',
  'pharmaceutical', 'pharma', 'biotech', 'therapeutics', 'biosciences', 'power', 'electric', 'airline',
  'advisory', 'analytics', 'trading', 'networks', 'solutions', 'services', 'associates', 'enterprises', 'construction',
  'engineering', 'developments', 'properties', 'media', 'entertainment', 'studios', 'brands', 'healthcare', 'software',
  'robotics', 'aerospace', 'automotive', 'utilities', 'metals', 'farms', 'dairies', 'exploration',
  // Papers ("Ryukyu Shimpo", "Buenos Aires Herald"); not Television or Radio, which follow a KB
  // broadcaster's name as often ("Al Jazeera Television", "Al Mayadeen Television").
  'shimbun', 'shimpo', 'gazette', 'tribune', 'herald',
  // The same words in the languages company names keep in English copy: Energia, Energie, Energi,
  // Minera, Mineração, Litio, Nikel.
  'energia', 'energie', 'energi', 'minera', 'mineracao', 'litio', 'nikel',
]);

/** A capitalised English name of two or more words that ends in a company word. */
export function isEnglishCompanyName(tokens: readonly Token[], first: number, last: number): boolean {
  const a = tokens[first];
  const b = tokens[last];
  return a !== undefined && b !== undefined && !a.arabic && last > first && a.cap && b.cap && COMPANY_WORDS_EN.has(b.key);
}

/** Company-form words that end a company name: "Taiwan Semiconductor Manufacturing Co.". */
const COMPANY_ENDS_EN = new Set(['co', 'corp', 'inc', 'ltd', 'llc', 'plc', 'corporation', 'incorporated', 'limited', 'gmbh', 'tbk', 'bhd',
  // Gulf legal forms: "Emirates NBD PJSC", "Ooredoo QPSC", "Omantel SAOG", "Zain KSCP".
  'pjsc', 'psc', 'qpsc', 'saog', 'kscp', 'bsc']);
const CONNECTORS_EN = new Set(['of', 'for', 'and', 'the']);
/** Particles inside a foreign place's name ("University of Dar es Salaam", "Banco de la Nación"). */
const NAME_PARTICLES_EN = new Set(['es', 'de', 'del', 'da', 'do', 'dos', 'das', 'la', 'el', 'di', 'du', 'des', 'van', 'von', 'der']);
/**
 * Institution nouns that end a name of capitalised words before them: "Commerce Ministry",
 * "Turkish Statistical Institute", "Tokyo Stock Exchange", "High Court".
 */
const ORG_ENDS_EN = new Set([
  'ministry', 'institute', 'exchange', 'agency', 'commission', 'authority', 'council', 'bureau', 'committee',
  'federation', 'court', 'corporation', 'company', 'directorate', 'inspectorate', 'tribunal', 'municipality', 'police',
  // "Kenya Red Cross Society": a national society holds the KB's "Red Cross" inside it.
  'society', 'association', 'foundation',
  // "Qatar University", "Sultan Qaboos University", "Uzbekistan Airways": a place or a person
  // before them is the name's first part (`PLAIN_RUN_ENDS_EN`).
  'university', 'college', 'polytechnic', 'airways', 'airlines',
]);
/**
 * Ends that make a name only of capitalised words, not joined to a word before them ("Vietjet and
 * Bamboo Airways" are two airlines; "Prince of Songkla University", "Quaid-i-Azam University" are
 * longer names the model reads), and without a sentence's opening preposition ("At Obafemi Awolowo
 * University").
 */
const PLAIN_RUN_ENDS_EN = new Set(['university', 'college', 'polytechnic', 'airways', 'airlines']);
const SENTENCE_OPENERS_EN = new Set(['at', 'in', 'on', 'for', 'from', 'with', 'by', 'to', 'the', 'and', 'but', 'as', 'near', 'outside', 'inside', 'after', 'before', 'like', 'unlike']);
/** Ends that make a name only in prose: in a title-case headline the capitalised run before them is any words ("Hamas Leader Visits Qatar Charity Foundation"). */
const SHAPE_ONLY_IN_PROSE_EN = new Set(['society', 'association', 'foundation', 'municipality', 'police', 'university', 'college']);

/**
 * English organisation names a capitalised run shows by its shape: an institution noun followed by
 * "of"/"for" and capitalised words, with "and"/"of"/"for"/"the" inside ("Office of Management and
 * Budget", "Africa Centres for Disease Control and Prevention", "Alliance of Sahel States"), or a
 * run of two or more capitalised words ending in a company form ("Taiwan Semiconductor
 * Manufacturing Co.", with the dot). `end` is the UTF-16 end offset (after a company form's dot).
 */
export function findEnglishOrgNames(
  text: string,
  tokens: readonly Token[],
  joinable: (a: Token, b: Token) => boolean,
  countryWord: (key: string) => boolean = () => false,
): Array<OrgSpan & { end: number }> {
  const out: Array<OrgSpan & { end: number }> = [];
  const isName = (t: Token | undefined): boolean => t !== undefined && !t.arabic && /^\p{Lu}/u.test(t.text) && !NOT_ORG_EN.has(t.key);
  let i = 0;
  while (i < tokens.length) {
    const start = tokens[i];
    if (!start || !isName(start)) {
      i++;
      continue;
    }
    // The capitalised run with connectors inside: [i, last].
    let last = i;
    let head = ORG_HEADS_EN.has(start.key) ? i : -1;
    let connected = false;
    let j = i + 1;
    while (j < tokens.length) {
      const a = tokens[j - 1];
      const t = tokens[j];
      if (!a || !t || t.arabic) break;
      if (!joinable(a, t)) {
        // "Ministry of Economy, Trade and Industry": after "of", a comma list that ends in "and" + a name.
        const through = connected ? commaListEnd(text, tokens, j - 1, isName) : -1;
        if (through < 0) break;
        last = through;
        j = through + 1;
        continue;
      }
      if (isName(t)) {
        // "Bank of Italy Governor Fabio Panetta": an official's title and name after the body end it.
        if (connected && head >= 0 && titledPersonAt(j)) break;
        if (ORG_HEADS_EN.has(t.key) && head < 0) head = j;
        last = j;
        j++;
        continue;
      }
      // A connector needs a capitalised word after it ("Office of Management", not "Office of the").
      // "… Budget and the Court of Justice": "and the" after a name opens the next one.
      // (A name particle also before the head: "Alexander von Humboldt … Institute".)
      if (!t.cap && ((CONNECTORS_EN.has(t.key) && head >= 0) || NAME_PARTICLES_EN.has(t.key)) && (t.key !== 'and' || (connected && tokens[j + 1]?.key !== 'the'))) {
        let k = j + 1;
        while (tokens[k]?.key === 'the' && !tokens[k]?.cap) k++;
        const after = tokens[k];
        const before = tokens[k - 1];
        // "Ministry of Defence du Mali", "Fondation de France": a particle before a country ends the name.
        const country = NAME_PARTICLES_EN.has(t.key) && after !== undefined && countryWord(after.key);
        // "warned Congress of China's build-up": of and a country's possessive after a bare head is the sentence going on.
        const possessive = t.key === 'of' && j === i + 1 && start.key === 'congress' && countryPossessiveAt(k);
        if (after && before && isName(after) && joinable(before, after) && !country && !possessive) {
          if (t.key === 'of' || t.key === 'for') connected = true;
          j = k;
          continue;
        }
      }
      // "Inter-American Commission on Human Rights", "Committee on the Elimination of Racial
      // Discrimination": a body that deals with a topic named after "on".
      // (Never "the Security Council on Climate Security": the council is whole.)
      const topic = t.key === 'on' && !t.cap && ON_HEADS_EN.has(a.key) && tokens[j - 2]?.key !== 'security' ? onTopicEnd(j) : -1;
      if (topic > j) {
        if (head < 0) head = j - 1;
        connected = true;
        last = topic;
        j = topic + 1;
        continue;
      }
      break;
    }
    // "China Road and Bridge Corporation": "and" inside a run that ends in a company or institution
    // word; not after a name that is already whole ("Oman Broadband SAOG and Dubai Islamic Bank PJSC").
    const whole = COMPANY_ENDS_EN.has(tokens[last]?.key ?? '') || COMPANY_WORDS_EN.has(tokens[last]?.key ?? '');
    if (!connected && !whole) {
      const and = tokens[last + 1];
      const through = and?.key === 'and' && !and.cap && tokens[last] && joinable(tokens[last] as Token, and) ? capitalisedRunEnd(tokens, last + 2, isName, joinable) : -1;
      const end = tokens[through];
      if (through > last + 1 && end && (COMPANY_ENDS_EN.has(end.key) || ORG_ENDS_EN.has(end.key))) last = through;
    }
    const lastTok = tokens[last];
    // "PT Vale Indonesia": the Indonesian company form opens the name.
    if (start.text === 'PT' && lastTok && last > i) {
      out.push({ first: i, last, start: start.start, end: lastTok.end });
      i = last + 1;
      continue;
    }
    if (connected && head >= 0 && lastTok && last > head) {
      // "People's Union for Civil Liberties": a possessive plural before the head opens the name.
      const s = tokens[i - 1];
      const owner = tokens[i - 2];
      const opens = head === i && s?.key === 's' && owner !== undefined && owner.cap && POSSESSIVE_OPENERS_EN.has(owner.key) && /^['’]$/u.test(text.slice(owner.end, s.start)) && s.end < start.start;
      out.push(opens ? { first: i - 2, last, start: owner.start, end: lastTok.end } : { first: i, last, start: start.start, end: lastTok.end });
      i = last + 1;
      continue;
    }
    // A company form at the end of a run of two or more capitalised words before it.
    if (lastTok && last - i >= 2 && COMPANY_ENDS_EN.has(lastTok.key)) {
      const dot = text.charAt(lastTok.end) === '.' && lastTok.key.length <= 4 ? 1 : 0;
      out.push({ first: i, last, start: start.start, end: lastTok.end + dot });
    } else if (
      lastTok &&
      last > i &&
      (ORG_ENDS_EN.has(lastTok.key) || (last - i >= 2 && COMPANY_WORDS_EN.has(lastTok.key))) &&
      !(SHAPE_ONLY_IN_PROSE_EN.has(lastTok.key) && inTitleCaseLine(text, start.start))
    ) {
      // An institution noun after one or more capitalised words ("Commerce Ministry", "Turkish
      // Statistical Institute"), or a company word after two or more ("Hokkaido Electric Power").
      const first = PLAIN_RUN_ENDS_EN.has(lastTok.key) ? plainRunStart(i, last) : i;
      const from = tokens[first];
      if (from) out.push({ first, last, start: from.start, end: lastTok.end });
    } else if (lastTok && regionalBody(i, last)) {
      out.push({ first: i, last, start: start.start, end: lastTok.end });
    }
    i = last + 1;
  }
  return out.map(withFieldsBefore);

  /** Where a run ending in `PLAIN_RUN_ENDS_EN` starts (past an opening preposition), or -1 (never a name here). */
  function plainRunStart(i: number, last: number): number {
    const before = tokens[i - 1];
    if (before && joinable(before, tokens[i] as Token) && !/\s$/u.test(text.slice(before.end, tokens[i]?.start))) return -1;
    if (before && !before.cap && (CONNECTORS_EN.has(before.key) || NAME_PARTICLES_EN.has(before.key)) && tokens[i - 2]?.cap === true) return -1;
    const opener = tokens[i];
    const sentenceStart = !before || /[.!?\n]\s*$/u.test(text.slice(before.end, opener?.start));
    const first = sentenceStart && opener && SENTENCE_OPENERS_EN.has(opener.key) ? i + 1 : i;
    return last > first && tokens.slice(first, last + 1).every((t) => t.cap) ? first : -1;
  }

  /**
   * "(notified Congress of) Saudi Arabia's request", "(of) Iranian plans": after a bare "Congress of",
   * capitalised words ending in a possessive, or a nationality before a plain noun, from `k` on: what
   * the sentence is about, not the rest of a name.
   */
  function countryPossessiveAt(k: number): boolean {
    const first = tokens[k];
    if (!first) return false;
    // A nationality before a plain noun ("of Iranian plans").
    const nextWord = tokens[k + 1];
    if (/(?:ian|ese|ish|i)$/u.test(first.key) && first.key.length > 4 && nextWord !== undefined && !nextWord.cap) return true;
    let end = k;
    while (end + 1 < tokens.length && isName(tokens[end + 1]) && joinable(tokens[end] as Token, tokens[end + 1] as Token) && end - k < 3) end++;
    return /^['’]s\b/u.test(text.slice(tokens[end]?.end ?? 0));
  }

  /**
   * The last token of the topic after "on" at `on`: an optional "the", capitalised words (with
   * of/and/for/the and hyphens inside) whose last word is a topic (`ON_TOPICS_EN`); -1 otherwise.
   */
  function onTopicEnd(on: number): number {
    let k = on + 1;
    if (tokens[k]?.key === 'the' && !tokens[k]?.cap) k++;
    let end = -1;
    for (; k < tokens.length && k - on <= 10; k++) {
      const a = tokens[k - 1];
      const t = tokens[k];
      if (!a || !t || t.arabic || !joinable(a, t)) break;
      if (isName(t)) {
        end = k;
        continue;
      }
      if (t.cap || !CONNECTORS_EN.has(t.key) || end < 0) break;
    }
    const last = tokens[end];
    // ("… on North Korea's launch": a possessive is the sentence going on.)
    return last && ON_TOPICS_EN.has(last.key) && !/^['’]s\b/u.test(text.slice(last.end)) ? end : -1;
  }

  /**
   * A title word at `j` (not "General", which ends "Attorney General") followed by one to three
   * capitalised words that are no institution, then the sentence going on: an official named after
   * the body, not part of its name.
   */
  function titledPersonAt(j: number): boolean {
    const title = tokens[j];
    if (!title || !isEnglishTitle(title) || title.key === 'general') return false;
    let k = j + 1;
    while (k - j <= 3) {
      const a = tokens[k - 1];
      const t = tokens[k];
      if (!a || !t || t.arabic || !joinable(a, t) || !/^\p{Lu}/u.test(t.text) || ORG_HEADS_EN.has(t.key) || ORG_ENDS_EN.has(t.key)) break;
      k++;
    }
    const after = tokens[k];
    return k > j + 1 && !(after !== undefined && (CONNECTORS_EN.has(after.key) || after.key === 'on') && !after.cap);
  }

  /**
   * "Securities and Exchange Board of India", "Australian Securities and Investments Commission":
   * a name found from the word after "and" takes in the capitalised words before "and" when the
   * last of them is a field or a trade ("Securities", "Trade"), which never stands alone as a name.
   */
  function withFieldsBefore(span: OrgSpan & { end: number }): OrgSpan & { end: number } {
    const and = tokens[span.first - 1];
    const field = tokens[span.first - 2];
    const head = tokens[span.first];
    if (!and || !field || !head || and.key !== 'and' || and.cap || !FIELDS_EN.has(field.key) || !isName(field) || !joinable(field, and) || !joinable(and, head)) return span;
    // Only before a body ("… Exchange Board of India", "… Investments Commission"), never a company.
    let body = false;
    for (let k = span.first; k <= span.last; k++) body ||= ORG_HEADS_EN.has(tokens[k]?.key ?? '') || ORG_ENDS_EN.has(tokens[k]?.key ?? '');
    if (!body) return span;
    const earlier = (k: number): boolean => out.some((o) => o.first <= k && k <= o.last);
    let first = span.first - 2;
    if (earlier(first)) return span;
    for (;;) {
      const prev = tokens[first - 1];
      const cur = tokens[first];
      if (!prev || !cur || !isName(prev) || !joinable(prev, cur) || earlier(first - 1) || span.first - first >= 4) break;
      first--;
    }
    return { ...span, first, start: tokens[first]?.start ?? span.start };
  }

  /**
   * Two or more capitalised words before a continent, which says where the body works: "ICE Futures
   * Europe", "Clean Roads Europe", "Gas Energy Latin America"; not a region ("West Africa",
   * "Sub-Saharan Africa"): no region adjective among the words before it.
   */
  function regionalBody(first: number, last: number): boolean {
    if (!CONTINENTS_EN.has(tokens[last]?.key ?? '')) return false;
    let k = last - 1;
    if (REGION_ADJ_EN.has(tokens[k]?.key ?? '')) k--;
    if (k - first < 1) return false;
    for (let j = first; j <= k; j++) if (REGION_ADJ_EN.has(tokens[j]?.key ?? '')) return false;
    return true;
  }
}

/** Fields and trades that name a body only with the words after "and" ("Securities and Exchange …", "Trade and Industry …"). */
const FIELDS_EN = new Set([
  'securities', 'investments', 'energy', 'mining', 'resources', 'technology', 'research', 'trade', 'industry', 'commerce', 'justice', 'health', 'science', 'education', 'culture', 'agriculture',
  'development', 'planning', 'finance', 'economy', 'customs', 'excise', 'markets', 'competition', 'consumer', 'standards',
  'welfare', 'labour', 'labor', 'transport', 'infrastructure', 'housing', 'environment', 'water', 'fisheries', 'forestry',
]);

const CONTINENTS_EN = new Set(['europe', 'africa', 'asia', 'america', 'americas']);
/** Words that make a region of a continent ("West Africa", "Latin America", "Sub-Saharan Africa"). */
const REGION_ADJ_EN = new Set([
  'north', 'south', 'east', 'west', 'central', 'northern', 'southern', 'eastern', 'western', 'latin', 'sub', 'saharan',
  'middle', 'equatorial', 'continental', 'francophone', 'anglophone', 'lusophone', 'southeast', 'southeastern', 'northeast',
  'northwest', 'southwest', 'greater', 'wider', 'old', 'new', 'all', 'across', 'the', 'in', 'of', 'to', 'from',
]);

/** The last token of the run of joined capitalised names starting at `from` (-1 if `from` is not one). */
function capitalisedRunEnd(tokens: readonly Token[], from: number, isName: (t: Token | undefined) => boolean, joinable: (a: Token, b: Token) => boolean): number {
  if (!isName(tokens[from])) return -1;
  let k = from;
  while (isName(tokens[k + 1]) && joinable(tokens[k] as Token, tokens[k + 1] as Token)) k++;
  return k;
}

/**
 * After token `at`, a list of capitalised names separated by commas whose last item follows "and"
 * (", Trade and Industry"): the index of its last token, or -1.
 */
function commaListEnd(text: string, tokens: readonly Token[], at: number, isName: (t: Token | undefined) => boolean): number {
  let k = at;
  for (let items = 0; items < 6; items++) {
    const a = tokens[k];
    const b = tokens[k + 1];
    if (!a || !b || text.slice(a.end, b.start) !== ', ' || !isName(b)) return -1;
    k += 1;
    while (isName(tokens[k + 1]) && text.slice(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? 0) === ' ') k++;
    const and = tokens[k + 1];
    const after = tokens[k + 2];
    if (and?.key === 'and' && !and.cap && after && isName(after) && text.slice(tokens[k]?.end ?? 0, and.start) === ' ' && text.slice(and.end, after.start) === ' ') {
      k += 2;
      while (isName(tokens[k + 1]) && text.slice(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? 0) === ' ') k++;
      return k;
    }
  }
  return -1;
}

/**
 * "National Petroleum Corporation of Namibia", "Airports Corporation of Vietnam": where the model
 * reads a name of that shape on through "of" and one to three capitalised words (a place it held
 * the KB match of back), the model's longer name stands.
 */
export function withModelsOfClause<S extends OrgSpan & { readonly end: number }>(span: S, tokens: readonly Token[], modelOrgs: ReadonlyArray<{ readonly first: number; readonly last: number }>): S {
  if (tokens[span.last + 1]?.key !== 'of' || tokens[span.last + 1]?.cap === true) return span;
  const longer = modelOrgs.find((m) => m.first === span.first && m.last >= span.last + 2 && m.last <= span.last + 4);
  if (!longer) return span;
  for (let k = span.last + 2; k <= longer.last; k++) if (tokens[k]?.cap !== true && tokens[k]?.key !== 'the') return span;
  const end = tokens[longer.last];
  return end ? { ...span, last: longer.last, end: end.end } : span;
}

/**
 * An organisation name of that shape without an "of" clause that names a person the model found
 * ("Pakistan Peoples Party of Bilawal Bhutto Zardari" is the party, then its leader).
 */
export function withoutPersonAfterOf<S extends OrgSpan & { readonly end: number }>(span: S, tokens: readonly Token[], people: ReadonlyArray<{ readonly first: number; readonly last: number }>): S {
  for (let k = span.first + 1; k < span.last; k++) {
    if (tokens[k]?.key !== 'of') continue;
    const person = people.find((p) => p.first === k + 1 && p.last <= span.last);
    const before = tokens[k - 1];
    if (person && before) return { ...span, last: k - 1, end: before.end };
  }
  return span;
}

/**
 * "Ministry of Defence du Mali": a model organisation that runs on through a name particle into a
 * country ends before the particle (as the shaped names do), so the country stays a place. Returns
 * the span cut, or the span itself.
 */
export function beforeParticleCountry<S extends { readonly first: number; readonly last: number }>(span: S, tokens: readonly Token[], countryWord: (key: string) => boolean): S {
  for (let k = span.first + 2; k < span.last; k++) {
    const particle = tokens[k];
    const after = tokens[k + 1];
    // Only after an English body's words ("Ministry of Defence du Mali"); a French name holds its
    // country ("Banque de France", "Fondation de France").
    let english = false;
    for (let j = span.first; j < k; j++) english ||= ORG_HEADS_EN.has(tokens[j]?.key ?? '') || ORG_ENDS_EN.has(tokens[j]?.key ?? '');
    if (english && particle && after && !particle.cap && NAME_PARTICLES_EN.has(particle.key) && countryWord(after.key)) return { ...span, last: k - 1 };
  }
  return span;
}
