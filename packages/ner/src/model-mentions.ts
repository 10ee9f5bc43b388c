import { infoOf, infoOfToken, NEWS_DOMAIN, type TokenInfo } from './model/features.ts';
import type { Lexicon } from './model/lexicon.ts';
import { decodeDocument, type NerModel } from './model/document-pass.ts';
import { spansOf } from './model/conll.ts';
import { joinable } from './matcher.ts';
import { keyOf, nameReadingsOf, variantsOf, type Token } from './tokenize.ts';
import { isNameParticle, isPlaceHeadKey } from './place-rules.ts';
import { isBodyHeadKey } from './named-bodies.ts';
import type { EntityType } from './types.ts';

/** A name the statistical model found: word-token indexes (of `tokenize(text)`) and where it starts. */
export interface ModelSpan {
  readonly first: number;
  readonly last: number;
  readonly type: EntityType;
  /** UTF-16 offset of the mention start (after Arabic proclitics the name does not include). */
  readonly start: number;
}

const SPACE = /^\s$/u;
const SENTENCE_END = new Set(['.', '!', '?', '؟', '؛', ';', '…']);
/** Words a full stop follows without ending the sentence ("Mr. Smith", "Gen. Haftar", the Philippines' "Sta. Cruz"). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Gen', 'Lt', 'Col', 'Sgt', 'Capt', 'Gov', 'Sen', 'Rep', 'Prof', 'Rev', 'Mt', 'Ft', 'vs', 'Sta', 'Sto']);
const LATIN_LETTER = /^[A-Za-z]$/u;
const APOSTROPHES: ReadonlySet<string> = new Set(["'", '’']);
const POSSESSIVE_S: ReadonlySet<string> = new Set(['s', 'S']);
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;

/**
 * A full stop that does not end the sentence: inside a word or number ("U.S", "3.5"), or after an
 * initial or an abbreviation ("U.S.", "C.C. Wei", "Gen. Haftar").
 */
function innerStop(text: string, at: number, before: Piece | undefined): boolean {
  const next = text[at + 1];
  if (next !== undefined && WORD_CHAR.test(next)) return true;
  if (!before || before.word < 0 || before.start + before.text.length !== at) return false;
  return LATIN_LETTER.test(before.text) || ABBREVIATIONS.has(before.text);
}
/** The model's MISC is too noisy to publish (and the KB covers the MISC names news needs). */
const KEEP: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC']);

export interface Piece {
  readonly text: string;
  /** Index into the word tokens, or -1 for punctuation. */
  readonly word: number;
  /** UTF-16 offset in the text. */
  readonly start: number;
}

/**
 * Sentences of model tokens: the words `tokenize` found, plus every other non-space character
 * between them as its own token, except a possessive "'s", one token as in the English corpora;
 * broken after sentence punctuation and at line breaks. Walks the gaps between the known words
 * instead of matching the whole text again. Training on article gold (article-corpus.ts) cuts its
 * sentences here too, so the model learns the pieces it is given.
 */
export function sentencesOf(text: string, words: readonly Token[]): Piece[][] {
  const out: Piece[][] = [];
  let cur: Piece[] = [];
  const gap = (from: number, to: number): void => {
    let at = from;
    for (const ch of text.slice(from, to)) {
      const start = at;
      at += ch.length;
      if (ch === '\n') {
        if (cur.length > 0) out.push(cur);
        cur = [];
        continue;
      }
      if (SPACE.test(ch)) continue;
      const before = cur[cur.length - 1];
      cur.push({ text: ch, word: -1, start });
      if (SENTENCE_END.has(ch) && !(ch === '.' && innerStop(text, start, before))) {
        out.push(cur);
        cur = [];
      }
    }
  };
  let prevEnd = 0;
  words.forEach((w, i) => {
    gap(prevEnd, w.start);
    const before = cur[cur.length - 1];
    if (POSSESSIVE_S.has(w.text) && before && before.word < 0 && APOSTROPHES.has(before.text) && before.start + 1 === w.start) {
      // "Kenya's": one piece "'s", as the English corpora tokenise it, not "'" then "s".
      cur[cur.length - 1] = { text: before.text + w.text, word: -1, start: before.start };
    } else {
      cur.push({ text: w.text, word: i, start: w.start });
    }
    prevEnd = w.end;
  });
  gap(prevEnd, text.length);
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Heads of places in a town a preposition stands before («بفندق داما روز», «بمحطة الرمل», «بخط تومسون-إيست كوست»). */
const LOCAL_HEADS_AR: ReadonlySet<string> = new Set(['فندق', 'محطة', 'خط', 'منطقة', 'مناطق', 'حي', 'منتجع', 'مجمع', 'سوق'].map(keyOf));
/** «مدينة بوقاعة»: a name the model ran on from the area noun before it is no name that «ب» follows as "in". */
const AREA_NOUNS_AR: ReadonlySet<string> = new Set(['مدينة', 'بلدة', 'قرية', 'منطقة', 'ولاية', 'محافظة', 'إقليم', 'مقاطعة', 'قضاء', 'ناحية', 'بلدية', 'مخيم', 'حي'].map(keyOf));
const isAreaNoun = (t: Token | undefined): boolean => t?.arabic === true && variantsOf(t).some((v) => AREA_NOUNS_AR.has(v.key));

/** A lexicon flag of a word that is a name by itself (a one-word place, body or person, a country). */
const isWholeName = (flag: string): boolean => flag.endsWith('1') || flag === 'LOCc';

/**
 * Lexicon flags that make a word a name's of `type`: a person's first word or given name for a
 * person; for a place or a body, any word of either's names (the lexicon's heads cross the two:
 * «دائرة», «بلدية» are place words there and open bodies in news).
 */
function opensNameOf(flags: readonly string[] | undefined, type: string): boolean {
  if (flags === undefined) return false;
  if (type === 'PER') return flags.some((f) => f === 'PERB' || f === 'PER1' || f === 'nm');
  // (Inside words too: «لإذاعة», «لقيادة» are known only inside bodies' names.)
  return flags.some((f) => /^(?:LOC|ORG)(?:B|I|1|c)$/u.test(f));
}

/**
 * Where an Arabic name starts inside its first word: ANERcorp tags "وألمانيا" whole, Khabar's
 * mentions start after the proclitics (like the KB matcher). Clitics are dropped when the rest
 * carries the article (بالسودان → السودان), is a known name while the whole word is not, or
 * stands bare elsewhere in the article («وغاروت» after «غاروت»: `bare` holds the article's word keys;
 * `repeated`, those it holds twice or more).
 * Given the name's type, a rest that opens a name of that type wins (ل + «لبنان» in «للبنان», not
 * لل + «بنان»), and a rest the lexicon knows only as another type's word is no reason to cut
 * («كنان العظمة» is no «نان», Nan; «بامو» no «امو»; «لجنة» no «جنة»).
 */
function nameStart(token: Token, lexicon: Lexicon, type: string, bare?: ReadonlySet<string>, listed = false, repeated?: ReadonlySet<string>, afterName = false): number {
  if (!token.arabic) return token.start;
  const known = lexicon.flagsOf(token.key) !== undefined;
  const variants = nameReadingsOf(token);
  // «للبنان»: ل + «لبنان» (a name of the type) before ل + the article («بنان»).
  const fused = known ? undefined : variants.find((v) => v.fused === true && opensNameOf(lexicon.flagsOf(v.key), type));
  if (fused && !variants.some((v) => v.article && v.clitics.endsWith('لل') && opensNameOf(lexicon.flagsOf(v.key), type))) return token.start + fused.skip;
  for (const v of variants) {
    if (v.clitics === '') continue;
    const standsBare = v.key.length >= 3 && bare?.has(v.key) === true;
    const flags = lexicon.flagsOf(v.key);
    // With a type, the rest's lexicon entry counts only as a name of that type; a body after «و»
    // (a list: «وإديسون», «ونون») by any entry.
    const named = type === 'ORG' && v.clitics === 'و' ? flags !== undefined : opensNameOf(flags, type);
    // «ف» and «ك» almost never stand before a name in news (once in the article gold's 2,400
    // proclitics), and many foreign names open with their letters («فالتيري», «كالونزو», «كلية»):
    // they are dropped only before a whole one-word name or a word the article also writes bare.
    if (/[فك]/u.test(v.clitics)) {
      const whole = type !== 'PER' && flags?.some((f) => isWholeName(f) && f !== 'PER1') === true;
      // "Like X" is said once: a word the article writes with its «ك» again and again is the name
      // itself («كنانة», Kenana, five times, is no «نانة»; «مدن أخرى كجدة» is Jeddah).
      if (v.clitics.includes('ك') && repeated?.has(token.key) === true) continue;
      // («فرقة مسرح …», a troupe, is no «ف» + «رقة», Raqqa: before a one-word name only «ك» is dropped.)
      if (!known && (standsBare || (whole && !v.clitics.includes('ف')))) return token.start + v.skip;
      continue;
    }
    // «لأكاديمية العلوم», «وأنطاكيا»: a hamza on alef opens a word, never sits inside one; what
    // stands before it is a proclitic.
    if (!known && /^[أإآ]/u.test(token.text.slice(v.skip))) return token.start + v.skip;
    // «منمن وتوربالي»: «و» and a consonant open no unknown place (foreign places written with «و»
    // open «وا», «وي», «وو»: «واترلو», «ويلز»); people's names do («وردية», «ورقنه»), and so do words
    // read as bodies («وقاية»).
    if (!known && type === 'LOC' && v.clitics === 'و' && v.key.length >= 4 && flags === undefined && !/^[اويى]/u.test(v.key)) return token.start + v.skip;
    // «ببشار», «بباردو»: no name opens with «بب»; the first is the preposition.
    const doubled = v.clitics.endsWith('ب') && v.key.startsWith('ب') && v.key.length >= 3;
    if (v.article || (!known && (named || doubled || standsBare || isPlaceHeadKey(v.key)))) return token.start + v.skip;
    // «بكلية العلوم»: a body's head after «ب» or «ل» is the preposition and the body.
    if (!known && type !== 'PER' && /^و?[بل]$/u.test(v.clitics) && (isBodyHeadKey(v.key) || LOCAL_HEADS_AR.has(v.key))) return token.start + v.skip;
    // «قصر الحدادة بغمراسن», «جمعية … بالحسيمة»: right after a name, «ب» is "in" (281 of 288 gold
    // places and bodies there; people, often, open with the letter: «وزير الخارجية باسل …»).
    if (afterName && !known && type !== 'PER' && v.clitics === 'ب' && v.key.length >= 3) return token.start + v.skip;
    // «قريوت وعقربا ومادما»: right after a name of the same type, و joins the list.
    if (listed && !known && v.clitics === 'و' && v.key.length >= 3) return token.start + v.skip;
  }
  // «وأم العرائس», «وبني سهيلا»: a name particle after و opens the name (the model took the و in;
  // «أم» is too short to be read without it).
  if (token.norm.startsWith('و') && isNameParticle(token.norm.slice(1))) return token.start + 1;
  // «وذي قار»: «ذي» ('of') opens names that «و» joins to a list (too short for the readings above).
  if (token.norm === 'وذي') return token.start + 1;
  return token.start;
}

/**
 * Runs the statistical model over `text` (the article is the document of the document pass) and returns its PER/ORG/LOC names that are plausible as
 * mentions: no line break or punctuation inside (other than what names may contain), Latin names
 * capitalised, at least two letters (a Latin initial may open a longer name: "C.C. Wei").
 */
export function findModelSpans(
  text: string,
  words: readonly Token[],
  model: NerModel,
  lexicon: Lexicon,
  domain: string = NEWS_DOMAIN,
  keep: ReadonlySet<string> = KEEP,
): ModelSpan[] {
  const out: ModelSpan[] = [];
  const sentences = sentencesOf(text, words);
  const infos: TokenInfo[][] = sentences.map((sentence) =>
    sentence.map((p) => {
      const w = p.word >= 0 ? words[p.word] : undefined;
      return w ? infoOfToken(w, lexicon) : infoOf(p.text, lexicon);
    }),
  );
  const tagged = decodeDocument(model, infos, domain);
  const bare = new Set<string>();
  const repeated = new Set<string>();
  for (const w of words) {
    if (!w.arabic) continue;
    if (bare.has(w.key)) repeated.add(w.key);
    bare.add(w.key);
  }
  for (const [s, sentence] of sentences.entries()) {
    let previous: { last: number; type: string } | null = null;
    for (const span of spansOf(tagged[s] ?? [])) {
      const listed = previous !== null && previous.type === span.type && sentence.slice(previous.last + 1, span.first).every((p) => p.text === '،' || p.text === ',');
      const afterName = previous !== null && previous.last + 1 === span.first && !isAreaNoun(words[sentence[previous.last]?.word ?? -1]);
      previous = { last: span.last, type: span.type };
      if (!keep.has(span.type)) continue;
      // Punctuation at either end is not part of the name ("U.S." ends at "S"); inside it, only
      // what may join two words of a name (a hyphen, the dots of initials: checked below).
      let lo = span.first;
      let hi = span.last;
      while (lo <= hi && (sentence[lo]?.word ?? -1) < 0) lo++;
      while (hi >= lo && (sentence[hi]?.word ?? -1) < 0) hi--;
      if (lo > hi) continue;
      const first = sentence[lo]?.word ?? -1;
      const last = sentence[hi]?.word ?? -1;
      const head = words[first];
      if (!head || last < first) continue;
      let ok = true;
      for (let k = first; k < last && ok; k++) {
        const a = words[k];
        const b = words[k + 1];
        ok = a !== undefined && b !== undefined && joinable(text, a, b);
      }
      if (!ok || (!head.arabic && !head.cap) || (head.key.length < 2 && (first === last || head.arabic))) continue;
      out.push({ first, last, type: span.type as EntityType, start: nameStart(head, lexicon, span.type, bare, listed, repeated, afterName) });
    }
  }
  return out;
}

/**
 * A model name against the tokens the KB and the rules already took: kept whole when it touches
 * none; dropped when it overlaps one, except that a person name of two or more words left after
 * covered words at its start or end is kept when those words are not a person ("غولدمان ساكس دان
 * سترويفن" tagged as one PER gives "دان سترويفن" once the KB has "غولدمان ساكس"; "خليفة بن زايد
 * آل نهيان" after a title rule found "خليفة بن زايد" gives nothing).
 */
export function outsideCovered(
  span: ModelSpan,
  covered: ReadonlySet<number>,
  person: (token: number) => boolean,
  words: readonly Token[],
  lexicon: Lexicon,
): ModelSpan | null {
  let first = span.first;
  let last = span.last;
  while (first <= last && covered.has(first)) first++;
  while (last >= first && covered.has(last)) last--;
  if (first === span.first && last === span.last) {
    for (let k = first; k <= last; k++) if (covered.has(k)) return null;
    return span;
  }
  if (span.type !== 'PER' || last - first < 1) return null;
  for (let k = first; k <= last; k++) if (covered.has(k)) return null;
  for (let k = span.first; k <= span.last; k++) if (person(k)) return null;
  const head = words[first];
  return head ? { first, last, type: span.type, start: nameStart(head, lexicon, span.type) } : null;
}
