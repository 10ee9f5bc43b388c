/**
 * Whether a KB person's match in the text names someone else: a namesake with another given name
 * ("Esper Kallas", «ساليفو مودي»), a son named by the person's lineage («راشد بن محمد بن راشد آل
 * مكتوم»), another member of the lineage with a family name the KB lacks, or a longer capitalised
 * name the surname opens ("Assad Sarwar"). `addKbNames` (tag-steps.ts) asks these before linking.
 */
import { unlinkedId } from './entity-id.ts';
import { isEnglishDemonym } from './demonyms.ts';
import { opensSentence } from './english-names.ts';
import { COMPOUND_HEADS_AR, HEAD_ADJECTIVES_AR, isCountOrNameBehindB, readsAsFamilyName } from './name-chains.ts';
import { isNationality } from './named-bodies.ts';
import { facilityWordAfter, isFacilityWordEn } from './place-rules.ts';
import type { Draft } from './tag-draft.ts';
import { isArabicTitle, isEnglishTitle, isNotPersonWord } from './title-rules.ts';
import { keyOf, tokenize, type Token } from './tokenize.ts';
import type { KbEntry } from './types.ts';

/** Token indexes of a span, inclusive. */
interface TokenSpan {
  readonly first: number;
  readonly last: number;
}

const ABD = keyOf('عبد');

/**
 * The token of a given name written right before a KB person's bare surname at `k` when it is not
 * that person's ("Esper Kallas" for Kaja Kallas; «أرام كالاس»), else -1: English, a capitalised
 * word that is not a title, a month or day, nor a sentence's first word; Arabic, a known given name
 * without the article that is not a title.
 */
export function otherGivenName(d: Draft, entry: KbEntry, k: number, nameTokens: ReadonlySet<string>): number {
  const { tokens, text } = d;
  const t = tokens[k];
  const before = tokens[k - 1];
  if (!t || !before || d.covered.has(k - 1) || !d.join(before, t)) return -1;
  if (before.arabic) {
    // «علي عبد السلام المقرحي»: a compound given name («عبد» + a definite word) before the surname,
    // and the given name before it.
    const abd = d.tokens[k - 2];
    // Not when the words before it are the person's own («عبد الفتاح عبد الرحمن البرهان»: the compound is his father's name).
    const ownBefore = (): boolean => [k - 3, k - 4].some((j) => d.tokens[j] !== undefined && spellsOwnWord(entry, d.tokens[j] as Token));
    if (d.arabic && before.article && abd?.key === ABD && !d.covered.has(k - 2) && d.join(abd, before) && !hasWordPair(entry, abd, before) && !ownBefore()) {
      const given = d.tokens[k - 3];
      return given && given.arabic && !given.article && nameTokens.has(given.key) && !isArabicTitle(given) && !d.covered.has(k - 3) && d.join(given, abd) ? k - 3 : k - 2;
    }
    if (!d.arabic || before.article || !nameTokens.has(before.key) || isArabicTitle(before)) return -1;
  } else if (!/^\p{Lu}\p{Ll}+$/u.test(before.text) || isEnglishTitle(before) || isNotPersonWord(before) || opensSentence(text, before.start)) {
    return -1;
  }
  // One of the person's own forms with this word before the surname ("Kaja Kallas"): the person.
  return hasWordPair(entry, before, t) ? -1 : k - 1;
}

/**
 * The first token of a model person name of two to four words that ends on the KB person's bare
 * surname at `k`, when its words before the surname are free, no title, and not the person's own
 * given name ("Kaja" before "Kallas"); else -1.
 */
export function modelNamesake(d: Draft, entry: KbEntry, k: number, people: readonly TokenSpan[]): number {
  const span = people.find((p) => p.last === k && k - p.first >= 1 && k - p.first <= 4);
  if (!span) return -1;
  // A title or nationality the model read into the name stays out of it («النيجري ساليفو مودي»).
  const notName = (t: Token): boolean => (t.arabic ? t.article || isArabicTitle(t) || isNationality(t) : isEnglishTitle(t) || isNotPersonWord(t) || isEnglishDemonym(t));
  let first = span.first;
  while (first < k && d.tokens[first] !== undefined && notName(d.tokens[first] as Token)) first++;
  if (first === k || k - first > 3) return -1;
  for (let j = first; j < k; j++) {
    const t = d.tokens[j];
    if (!t || d.covered.has(j) || notName(t)) return -1;
  }
  const before = d.tokens[k - 1];
  const surname = d.tokens[k];
  if (!before || !surname || hasWordPair(entry, before, surname)) return -1;
  // «دونالد جيه ترامب», "Joseph R. Biden": any of the person's own words in the name is the person.
  for (let j = first; j < k; j++) if (spellsOwnWord(entry, d.tokens[j] as Token)) return -1;
  return first;
}

/**
 * Whether the word is one of the entry's own words, also as another transliteration of it
 * («أسيمي» for «عاصمي» Goïta): the same consonants once emphatics are read as plain letters and
 * long vowels, hamza and ʿayn dropped.
 */
function spellsOwnWord(entry: KbEntry, word: Token): boolean {
  const skeleton = consonantsOf(word.key);
  return entry.aliases.some((alias) => tokenize(alias.replace(/^~/u, '')).some((w) => w.key === word.key || (word.arabic && skeleton.length >= 2 && consonantsOf(w.key) === skeleton)));
}

const LOOSE_LETTERS: Readonly<Record<string, string>> = { ص: 'س', ط: 'ت', ض: 'د', ظ: 'ز', ق: 'ك', ح: 'ه', ث: 'س', ذ: 'ز', ة: 'ه', غ: 'ج' };
/** An Arabic key's consonants, read loosely (see `spellsOwnWord`). */
function consonantsOf(key: string): string {
  let out = '';
  for (const ch of key) {
    if ('اويىءأإآؤئع'.includes(ch)) continue;
    out += LOOSE_LETTERS[ch] ?? ch;
  }
  return out;
}

/** Words after a person's name that make the name a thing's ("Trump Tower", "Putin Administration"). */
const NAMED_AFTER_PEOPLE_EN = new Set(['tower', 'towers', 'organization', 'administration', 'foundation', 'institute', 'center', 'centre',
  'doctrine', 'group', 'plaza', 'hotel', 'stadium', 'library', 'media', 'holdings', 'airport', 'university', 'school', 'street', 'road',
  'avenue', 'bridge', 'park', 'museum', 'prize', 'award', 'trophy', 'cup', 'campaign', 'government', 'regime', 'cabinet', 'era',
  'presidency', 'family', 'estate', 'trust', 'fund', 'plan', 'deal', 'accords', 'line', 'memorial', 'square', 'hall', 'house']);

/** Romance articles written capitalised inside a place's name ("La Aurora", "El Alto", "Los Cabos"). */
const ARTICLES_EN = new Set(['La', 'El', 'Le', 'Los', 'Las', 'Les', 'Il']);

/**
 * English: a name from `first` to `last` followed by a facility word ("Rafic Hariri International
 * Airport", "Chennai International Airport") is one unlinked place, with a capitalised Romance
 * article before it ("La Aurora …"). Returns whether it was added.
 */
export function addNamedFacility(d: Draft, first: number, last: number): boolean {
  const facility = d.arabic ? -1 : facilityWordAfter(d.tokens, last, d.join);
  const facilityEnd = d.tokens[facility];
  const name = d.tokens[first];
  if (!facilityEnd || !name || !d.isFree(last + 1, facility)) return false;
  const before = d.tokens[first - 1];
  const from = before && ARTICLES_EN.has(before.text) && d.isFree(first - 1, first - 1) && d.join(before, name) ? first - 1 : first;
  const head = d.tokens[from] as Token;
  d.add({ first: from, last: facility, start: head.start, end: facilityEnd.end, type: 'LOC', entityId: unlinkedId('LOC', d.text.slice(head.start, facilityEnd.end)) });
  return true;
}

/** An unlinked person from token `first` to the end of a KB match that names someone else. */
export function addOtherPerson(d: Draft, first: number, raw: { readonly last: number; readonly end: number }): void {
  const head = d.tokens[first];
  if (!head) return;
  // "Jorge Chávez International Airport": that other person's facility is a place.
  if (addNamedFacility(d, first, raw.last)) return;
  const id = unlinkedId('PER', d.text.slice(head.start, raw.end));
  d.add({ first, last: raw.last, start: head.start, end: raw.end, type: 'PER', entityId: id });
  d.people.push({ first, last: raw.last, entityId: id });
}

/**
 * The last token of a model person that is a KB person's full Arabic name and one word more, a
 * family name none of the person's forms has («عمر سليمان مزي» is not Omar Suleiman): -1 when there
 * is none. The word may not carry the article (a nationality, «المصري») nor be a title or a verb's
 * object the model ran on into.
 */
export function longerNamesake(d: Draft, entry: KbEntry, first: number, last: number, people: readonly TokenSpan[]): number {
  if (!d.arabic || last <= first) return -1;
  const extra = d.tokens[last + 1];
  const end = d.tokens[last];
  if (!extra || !end || !extra.arabic || extra.norm.startsWith('ال') || d.covered.has(last + 1) || !d.join(end, extra) || isArabicTitle(extra)) return -1;
  if (!people.some((p) => p.first === first && p.last === last + 1) || spellsOwnWord(entry, extra) || !readsAsFamilyName(extra) || TIME_WORDS_AR.has(extra.key)) return -1;
  // «منصور عباس بتسيبوري»: a person named elsewhere behind «ب» is the verb's object.
  const named = (k: number): boolean => people.some((p) => p.first <= k && k <= p.last) || d.people.some((p) => p.first <= k && k <= p.last);
  if (isCountOrNameBehindB(d.tokens, last + 1, new Set(), named)) return -1;
  return last + 1;
}

/** Times the model runs a name on into («محمود عباس أمس», «نبيه بري صباح الخميس»). */
const TIME_WORDS_AR = new Set(['أمس', 'صباح', 'مساء', 'ظهر', 'عصر', 'فجر', 'ليل', 'ليلة', 'غداة', 'عشية', 'قبل', 'بعد', 'منذ', 'خلال', 'أثناء', 'حين', 'لدى'].map(keyOf));

const SON_OF_AR = new Set(['بن', 'ابن', 'بنت'].map(keyOf));
const HEAD_ADJECTIVE_KEYS = new Set(HEAD_ADJECTIVES_AR.map(keyOf));

/**
 * The token of a family name written right after a KB person's «X بن Y» match, when none of the
 * person's forms has it: a known name part with the article that is no title, nationality or
 * adjective («الربيعة»), else -1. Lineages with «آل» are read by `lineageEnd` before this.
 */
export function familyNameAfterLineage(d: Draft, entry: KbEntry, first: number, last: number, nameTokens: ReadonlySet<string>): number {
  const { tokens } = d;
  const end = tokens[last];
  const next = tokens[last + 1];
  let son = false;
  for (let k = first; k < last; k++) son ||= SON_OF_AR.has(tokens[k]?.key ?? '');
  if (!son || !end || !next || !next.arabic || !next.text.startsWith('ال') || d.covered.has(last + 1) || !d.join(end, next)) return -1;
  if (!nameTokens.has(next.key) || isArabicTitle(next) || isNationality(next) || HEAD_ADJECTIVE_KEYS.has(next.key)) return -1;
  const forms = [entry.ar, ...entry.aliases].map((a) => tokenize(a.replace(/^~/u, '')).map((t) => t.key));
  return forms.some((f) => f.includes(next.key)) ? -1 : last + 1;
}

/** A compound given name written as one word: «عبدالعزيز», «عبدالله», «عبدالرحمن» (folded keys). */
const JOINED_COMPOUND_AR = /^عبدال\S{2,}$/u;

/** The first token of the «X بن» links written before token `k` (a given name, then بن/بنت), else `k`. */
export function sonBefore(d: Draft, k: number, nameTokens: ReadonlySet<string>): number {
  const { tokens } = d;
  let first = k;
  for (;;) {
    const link = tokens[first - 1];
    const given = tokens[first - 2];
    const next = tokens[first];
    const compound = tokens[first - 3];
    // «عبد الله بن …», «عبد الرحمن بن …»: the given name is the compound.
    const inCompound = compound !== undefined && COMPOUND_HEADS_AR.has(compound.key) && !d.covered.has(first - 3) && d.join(compound, given ?? compound);
    // «عبدالعزيز بن …»: a compound given name written as one word.
    const joinedCompound = given !== undefined && JOINED_COMPOUND_AR.test(given.key);
    if (!link || !given || !next || !SON_OF_AR.has(link.key) || !given.arabic || (given.article && !inCompound) || !(nameTokens.has(given.key) || inCompound || joinedCompound)) break;
    if (isArabicTitle(given) || d.covered.has(first - 1) || d.covered.has(first - 2) || !d.join(given, link) || !d.join(link, next)) break;
    first -= inCompound ? 3 : 2;
  }
  return first;
}

/** A capitalised word right after the English KB surname at `k` that none of the person's own forms has there. */
export function opensOtherName(d: Draft, entry: KbEntry, k: number): boolean {
  const t = d.tokens[k];
  const next = d.tokens[k + 1];
  if (!t || !next || next.arabic || !/^\p{Lu}\p{Ll}+$/u.test(next.text) || !/^ $/u.test(d.text.slice(t.end, next.start))) return false;
  if (isEnglishTitle(next) || isNotPersonWord(next) || NAMED_AFTER_PEOPLE_EN.has(next.key)) return false;
  // The capitalised words that follow: a facility named after the person ("Mandela National
  // Stadium") is the model's to name; a longer run is a headline in title case ("Putin Warns West
  // Against …"), where the KB person stands.
  let run = k + 1;
  while (d.tokens[run + 1]?.cap === true && /^ $/u.test(d.text.slice(d.tokens[run]?.end ?? 0, d.tokens[run + 1]?.start ?? 0))) run++;
  for (let j = k + 1; j <= run; j++) if (isFacilityWordEn(d.tokens[j])) return true;
  if (run > k + 1) return false;
  return !hasWordPair(entry, t, next);
}

/** Whether one of the entry's own forms has word `a` right before word `b` ("Kaja Kallas"). */
function hasWordPair(entry: KbEntry, a: Token, b: Token): boolean {
  return entry.aliases.some((alias) => {
    const words = tokenize(alias.replace(/^~/, ''));
    return words.some((w, i) => w.key === a.key && words[i + 1]?.key === b.key);
  });
}
