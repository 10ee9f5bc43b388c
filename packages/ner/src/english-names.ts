import type { ModelSpan } from './model-mentions.ts';
import type { Lexicon } from './model/lexicon.ts';
import { isEnglishCompanyName } from './english-orgs.ts';
import { isEnglishPlaceName, opensWithSpanishPlaceWord } from './place-rules.ts';
import type { Draft } from './tag-draft.ts';
import { isEnglishTitle, isNotPersonWord } from './title-rules.ts';
import type { Token } from './tokenize.ts';

/**
 * How the tagger reshapes and retypes the English model's names: name parts it cut off, places it
 * calls people, acronyms, given names that make a person. Pure functions over tokens.
 */

/** What these rules read of the tagger's data: Arabic name parts and the model's lexicon. */
export interface NameData {
  readonly nameTokens: ReadonlySet<string>;
  readonly lexicon: Lexicon;
}

/**
 * Whether `at` opens a sentence, a line or a quotation ("… said. But", "\n", ' "But'): a capital
 * there says nothing. A closing quote ('…," Esper Kallas said') does not open one.
 */
export function opensSentence(text: string, at: number): boolean {
  return /(^|[.!?\n]|(^|\s)["“‘])\s*$/u.test(text.slice(Math.max(0, at - 4), at));
}

/** Words that open a sentence and never a name: the model may run them into the name after them. */
const SENTENCE_OPENERS_EN = new Set([
  'later', 'earlier', 'meanwhile', 'however', 'also', 'then', 'now', 'today', 'yesterday', 'still', 'instead', 'separately',
  'elsewhere', 'finally', 'moreover', 'furthermore', 'nevertheless', 'overnight', 'afterwards', 'previously', 'recently',
  'indeed', 'ultimately', 'similarly', 'likewise', 'but', 'and', 'so', 'yet', 'since', 'when', 'while', 'after', 'before',
  'if', 'as', 'though', 'although', 'because', 'once', 'unlike', 'like', 'there', 'here', 'both', 'neither', 'only', 'even',
]);

/**
 * A model name without a sentence-opening adverb or conjunction run into it ("Later Musk"); null
 * when the opener is all of it ("Later, the union …" read as a name).
 */
export function withoutSentenceOpener<M extends { readonly first: number; readonly last: number; readonly start: number }>(text: string, tokens: readonly Token[], m: M): M | null {
  const head = tokens[m.first];
  const next = tokens[m.first + 1];
  if (!head || head.arabic || !SENTENCE_OPENERS_EN.has(head.key) || !opensSentence(text, head.start)) return m;
  if (m.last <= m.first || !next) return null;
  return { ...m, first: m.first + 1, start: next.start };
}

/**
 * An English name written all in capitals among words that are not ("JAXA", "JERA"): a body's
 * acronym, never a person. Text in capitals ("SOUTER, GINSBURG, and BREYER joined") says nothing.
 */
export function isAcronym(tokens: readonly Token[], m: ModelSpan): boolean {
  const caps = (k: number): boolean => /^\p{Lu}{2,}$/u.test(tokens[k]?.text ?? '');
  for (let k = m.first; k <= m.last; k++) if (!caps(k) || /^[IVXLC]+$/u.test(tokens[k]?.text ?? '')) return false;
  for (let k = m.first - 3; k <= m.last + 3; k++) if ((k < m.first || k > m.last) && caps(k)) return false;
  return true;
}

/** Prepositions after which a capitalised name is a place ("in Zeebrugge", "near Sefwi Wiawso"). */
const LOCATIVES_EN = new Set(['in', 'near', 'outside', 'around', 'across', 'into', 'towards', 'toward', 'inside']);

/** Nouns of places that name the place after "of" ("the town of Palma", "the province of Cabo Delgado"). */
const PLACE_NOUNS_EN = new Set(['town', 'city', 'village', 'villages', 'towns', 'cities', 'province', 'region', 'district', 'port', 'island', 'county', 'municipality', 'suburb', 'township', 'oasis', 'capital']);

/** Whether token `of` is a lower-case "of" right after a lower-case place noun. */
function afterPlaceNoun(text: string, tokens: readonly Token[], of: number): boolean {
  const prep = tokens[of];
  const noun = tokens[of - 1];
  return prep?.key === 'of' && !prep.cap && noun !== undefined && !noun.cap && PLACE_NOUNS_EN.has(noun.key) && /^ $/.test(text.slice(noun.end, prep.start));
}

/** A possessive right after the token ("Smith's", "Jones'"). */
function possessiveAfter(text: string, t: Token): boolean {
  return /^['’]s?\b/u.test(text.slice(t.end, t.end + 2));
}

/**
 * Whether model span `m` stands right after "the town of" (a place noun and "of"): the cue that also
 * makes the same word a place elsewhere in the article.
 */
export function afterPlaceNounCue(text: string, tokens: readonly Token[], m: ModelSpan): boolean {
  const last = tokens[m.last];
  return last !== undefined && afterPlaceNoun(text, tokens, m.first - 1) && !possessiveAfter(text, last);
}

/**
 * An English model PER name right after a locative preposition (or "the town of") that reads as a place: not a
 * possessive ("in Smith's view"), not opening with a known given name or a word the lexicon knows
 * from a person's name ("in Donald Trump").
 */
export function afterLocative(text: string, tokens: readonly Token[], m: ModelSpan, data: NameData): boolean {
  const prep = tokens[m.first - 1];
  const head = tokens[m.first];
  const last = tokens[m.last];
  if (!prep || !head || !last || !/^ $/.test(text.slice(prep.end, head.start)) || possessiveAfter(text, last)) return false;
  // "the town of Palma" says place even of a word people also bear as a name.
  if (afterPlaceNoun(text, tokens, m.first - 1)) return true;
  if (!LOCATIVES_EN.has(prep.key)) return false;
  // "In Sefwi Wiawso, …" opens a sentence; "In" elsewhere in capitals is a name's part.
  if (prep.cap && !/(^|[.!?:\n]\s*)$/u.test(text.slice(Math.max(0, prep.start - 3), prep.start))) return false;
  if (data.nameTokens.has(head.key) || data.lexicon.flagsOf(head.key)?.some((f) => f.startsWith('PER'))) return false;
  return true;
}

/**
 * An English model PER name that closes a list of places: "Esbjerg, Hamburg, Gdynia and Zeebrugge"
 * (the word before " and " ends a place mention already found).
 */
export function lastInPlaceList(d: Draft, m: ModelSpan): boolean {
  const head = d.tokens[m.first];
  const before = d.tokens[m.first - 1];
  if (!head || !before) return false;
  // Only after "and": after a bare comma the name is as often an apposition ("in Haiti, Geeta Narayan, said").
  const place = d.tokens[m.first - 2];
  if (before.key !== 'and' || before.cap || !place || !/^ $/.test(d.text.slice(before.end, head.start)) || !/^,?\s+$/u.test(d.text.slice(place.end, before.start))) return false;
  return d.mentions.some((x) => x.type === 'LOC' && d.spans.get(x)?.last === m.first - 2);
}

/**
 * An English model PER name that opens a list of places after a locative preposition: "in Dong
 * Thap, An Giang and Can Tho" (a place found right after it, then " and " or ", " and another).
 * Only after the preposition: after a bare comma a name is as often an apposition.
 */
export function firstInPlaceList(d: Draft, m: ModelSpan): boolean {
  const prep = d.tokens[m.first - 1];
  const head = d.tokens[m.first];
  if (!prep || !head || prep.cap || !LOCATIVES_EN.has(prep.key) || !/^ $/.test(d.text.slice(prep.end, head.start))) return false;
  const placeAt = (first: number): { first: number; last: number } | undefined => {
    for (const x of d.mentions) {
      const s = d.spans.get(x);
      if (x.type === 'LOC' && s?.first === first) return s;
    }
    return undefined;
  };
  const last = d.tokens[m.last];
  const second = placeAt(m.last + 1);
  const next = d.tokens[m.last + 1];
  if (!last || !second || !next || d.text.slice(last.end, next.start) !== ', ') return false;
  const end = d.tokens[second.last];
  const after = d.tokens[second.last + 1];
  if (!end || !after) return false;
  const gap = d.text.slice(end.end, after.start);
  if (gap === ', ') return placeAt(second.last + 1) !== undefined;
  return gap === ' ' && after.key === 'and' && !after.cap && placeAt(second.last + 2) !== undefined;
}

/** Lexicon flags of a word that is itself a place, organisation or other thing's name (`src/model/lexicon.ts`). */
const NAME_OF_A_THING = new Set(['LOC1', 'ORG1', 'LOCc', 'MISC1']);

/** Words that make a capitalised name a place or a body whatever its first word ("Jordan Valley", "Victoria Falls"). */
const NOT_PERSON_WORDS_EN = new Set([
  'valley', 'river', 'falls', 'lake', 'mount', 'mountains', 'hills', 'island', 'islands', 'bay', 'gulf', 'sea', 'coast', 'street',
  'avenue', 'road', 'square', 'bridge', 'park', 'city', 'county', 'state', 'province', 'district', 'region', 'port', 'airport',
  'stadium', 'arena', 'circuit', 'dam', 'reservoir', 'canal', 'refinery', 'observatory', 'telescope', 'center', 'centre', 'hospital', 'university', 'college', 'school', 'institute', 'foundation',
  'fund', 'group', 'trust', 'bank', 'club', 'united', 'city', 'fc', 'party', 'front', 'movement', 'council', 'court', 'house',
]);

/**
 * An English model name of two to four capitalised words typed ORG or LOC that reads as a person's:
 * its first word is a known given name (the person-name list) that is not by itself a KB or
 * gazetteer name (it may open one: "John" of "St. John's"), and no word of it names a place or a
 * body ("Alejandro Davidovich Fokina").
 */
export function isEnglishPersonName(tokens: readonly Token[], first: number, last: number, data: NameData): boolean {
  const head = tokens[first];
  if (!head || head.arabic || last <= first || last - first > 3 || !data.nameTokens.has(head.key) || data.lexicon.flagsOf(head.key)?.some((f) => NAME_OF_A_THING.has(f))) return false;
  // "Hai Van Pass", "Snell Parade": a place word ends a place's name, whatever its first word;
  // "Las Bambas", "Sierra Gorda": a Spanish one opens it.
  if (isEnglishPlaceName(tokens, first, last) || opensWithSpanishPlaceWord(tokens, first, last, (key) => data.nameTokens.has(key))) return false;
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    if (!t || !t.cap || NOT_PERSON_WORDS_EN.has(t.key) || isEnglishCompanyName(tokens, first, k) || /^\p{Lu}{2,}$/u.test(t.text)) return false;
  }
  return true;
}

/**
 * An English person name the model cut at a hyphen or left its initials out of: "Lai Ching-te",
 * "Chen Li-wei" (a lower-case part after a hyphen), "C.C. Wei" (capital initials with dots before).
 */
export function withNameParts(text: string, tokens: readonly Token[], m: ModelSpan, covered: ReadonlySet<number>): ModelSpan {
  let { first, last } = m;
  for (;;) {
    const a = tokens[last];
    const b = tokens[last + 1];
    // "Lai Ching-te" (a short lower-case part), "Kwabena Owusu-Ansah" (a capitalised one).
    if (!a || !b || covered.has(last + 1) || b.arabic || (b.cap ? !/^\p{Lu}\p{Ll}+$/u.test(b.text) : b.text.length > 4) || !/^[-\u2010\u2011]$/.test(text.slice(a.end, b.start))) break;
    last++;
  }
  for (;;) {
    const a = tokens[first - 1];
    const b = tokens[first];
    if (!a || !b || covered.has(first - 1) || !/^\p{Lu}$/u.test(a.text) || !/^\. ?$/.test(text.slice(a.end, b.start))) break;
    first--;
  }
  const head = tokens[first];
  return first === m.first && last === m.last ? m : { ...m, first, last, start: head ? head.start : m.start };
}

/**
 * One name word the English model left out at either end of a person's name: "Agus" of "Agus Salim
 * Harahap", "Busta" of "Pablo Carreno Busta". Not a title or honorific, a day, a word the lexicon
 * knows as part of a place's or a body's name ("Australian", "World"), a sentence's first word,
 * nor a word that runs on into more capitalised words.
 */
export function withLeftOutNameWords(text: string, tokens: readonly Token[], m: ModelSpan, covered: ReadonlySet<number>, lexicon: Lexicon): ModelSpan {
  let { first, last } = m;
  const free = (k: number): boolean => !covered.has(k) && isPlainName(tokens[k], lexicon);
  const linked = (k: number): boolean => {
    const a = tokens[k];
    const b = tokens[k + 1];
    return a !== undefined && b !== undefined && /^ $/.test(text.slice(a.end, b.start));
  };
  const before = tokens[first - 1];
  // (Not when a capitalised word stands before it too, unless that word is a title: "Engr Md
  // Shafiqul Islam" takes "Md".)
  if (before && free(first - 1) && linked(first - 1) && !opensSentence(text, before.start) && !(tokens[first - 2]?.cap === true && linked(first - 2) && !isEnglishTitle(tokens[first - 2]))) first--;
  if (free(last + 1) && linked(last) && !(tokens[last + 2]?.cap === true && linked(last + 1))) last++;
  const head = tokens[first];
  return first === m.first && last === m.last ? m : { ...m, first, last, start: head ? head.start : m.start };
}

/** Honorifics and capitalised function words that never join an English person's name. */
const NOT_NAME_WORDS_EN = new Set([
  'sir', 'dame', 'lord', 'lady', 'tsar', 'czar', 'mr', 'mrs', 'ms', 'miss', 'dr', 'saint', 'st', 'king', 'queen', 'prince',
  'princess', 'pope', 'sheikh', 'emir', 'sultan', 'father', 'sister', 'is', 'it', 'its', 'this', 'that', 'there', 'here',
  'we', 'our', 'they', 'their', 'his', 'her', 'as', 'at', 'by', 'from', 'with', 'after', 'before', 'when', 'while', 'if',
  'but', 'or', 'so', 'not', 'no', 'yes', 'all', 'new', 'old', 'today', 'yesterday', 'tomorrow',
]);
/** Lexicon flags a person's name word may carry (a given name, a surname part of a KB person). */
const PERSON_FLAGS = new Set(['PERB', 'PERI', 'nm']);

/** A capitalised word that can be part of a person's name: letters only, not all capitals, not a title, month or known thing's name. */
function isPlainName(t: Token | undefined, lexicon: Lexicon): boolean {
  if (t === undefined || t.arabic || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || isEnglishTitle(t) || isNotPersonWord(t) || NOT_PERSON_WORDS_EN.has(t.key) || NOT_NAME_WORDS_EN.has(t.key)) return false;
  return (lexicon.flagsOf(t.key) ?? []).every((f) => PERSON_FLAGS.has(f));
}
