import { isArabic, normalizeArabic, stripArticle } from './arabic-normalize.ts';

export interface Token {
  /** UTF-16 offsets into the original text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly arabic: boolean;
  /** Latin token starting with an upper-case letter or digit. */
  readonly cap: boolean;
  /** Arabic token written with the definite article (its key has it removed). */
  readonly article: boolean;
  /** Normalised form of the whole token (Arabic folded, Latin lower-cased without accents). */
  readonly norm: string;
  /** Matching key of the whole token (article stripped for Arabic, the Latin norm for Latin). */
  readonly key: string;
}

/** A way to read a token once proclitics are removed: key plus how many UTF-16 units were skipped. */
export interface TokenVariant {
  readonly key: string;
  /** Units of the original token not covered by the mention (clitics). */
  readonly skip: number;
  /** Proclitic letters removed ("" when read as written), e.g. "وب", "لل". */
  readonly clitics: string;
  /** The reading had a definite article (written, or implied by "لل"). */
  readonly article: boolean;
  /** «لل» read as ل + a word opening with «ل» («للبنان»): only `nameReadingsOf` gives it. */
  readonly fused?: boolean;
}

const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;

const NON_ASCII = /[^ -~\s]/u;
const MARKS = /\p{M}/gu;

/** Latin letters no decomposition takes apart, as news written without them spells them ("Łódź" is "Lodz"). */
const PLAIN_LETTERS: Readonly<Record<string, string>> = { 'ł': 'l', 'đ': 'd', 'ð': 'd', 'ø': 'o', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'þ': 'th', 'ħ': 'h' };
const UNDECOMPOSED = /[łđðøßæœıþħ]/gu;

/** Latin matching form: lower case, accents removed ("Bắc Ninh", "Société Générale", "Wrocław" match "Bac Ninh", "Societe Generale", "Wroclaw"). */
function latinNorm(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '').normalize('NFC').replace(UNDECOMPOSED, (ch) => PLAIN_LETTERS[ch] ?? ch) : lower;
}

export function keyOf(word: string): string {
  if (isArabic(word)) return stripArticle(normalizeArabic(word));
  return latinNorm(word);
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    const arabic = isArabic(word);
    const first = word.charAt(0);
    const norm = arabic ? normalizeArabic(word) : latinNorm(word);
    const key = arabic ? stripArticle(norm) : norm;
    out.push({
      start,
      end: start + word.length,
      text: word,
      arabic,
      cap: !arabic && first !== first.toLowerCase(),
      article: arabic && key !== norm,
      norm,
      key,
    });
  }
  return out;
}

/** Conjunctions, then prepositions, in the order Arabic attaches them. */
const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];
const MIN_STEM = 3;
/**
 * Latin letters spelt in Arabic, two letters long, that open acronym names («بي واي دي», «إم جي»,
 * «إس تي سي»): read after و too («وبي واي دي»). Not «في», «إن», «أو», «إل» (ordinary words or the
 * article), «أم» («وأم» is "and a mother") or «دي» («ودي بروين»).
 */
const LETTER_NAMES = new Set(['بي', 'سي', 'جي', 'تي', 'اس', 'ار']);
/** Two-letter words read behind any proclitic: «سد» (a dam: «بسد النهضة»). */
const SHORT_STEMS = new Set(['سد']);

/**
 * Readings of an Arabic token: as written, then with و/ف, ب/ل/ك and the article removed
 * ("وبيسكوف" → "بيسكوف", "للكرملين" → "كرملين"). Latin tokens have one reading.
 */
export function variantsOf(token: Token): TokenVariant[] {
  const out: TokenVariant[] = [{ key: token.key, skip: 0, clitics: '', article: token.article }];
  if (!token.arabic) return out;
  const norm = token.norm;
  const conj = CONJ.includes(norm.charAt(0)) ? 1 : 0;
  const p = norm.charAt(conj);
  const prep = PREP.includes(p);
  // Most tokens open with no proclitic: one reading, nothing more to build.
  if (!conj && !prep) return out;
  if (conj) addReading(out, token, 1, false, true);
  // "لل" is ل + the article with its alef dropped: the mention starts after both.
  const lil = p === 'ل' && norm.charAt(conj + 1) === 'ل';
  if (prep) addReading(out, token, lil ? conj + 2 : conj + 1, lil, false);
  return out;
}

/** `variantsOf`'s reading of `token` without its first `letters` letters, unless too short or already read. */
function addReading(out: TokenVariant[], token: Token, letters: number, impliedArticle: boolean, conjOnly: boolean): void {
  const norm = token.norm;
  const rest = norm.slice(letters);
  const key = impliedArticle ? rest : stripArticle(rest);
  if (key.length < MIN_STEM && !(conjOnly && LETTER_NAMES.has(key)) && !SHORT_STEMS.has(key)) return;
  for (const v of out) if (v.key === key) return;
  out.push({ key, skip: unitsBefore(token.text, letters), clitics: norm.slice(0, letters), article: impliedArticle || key !== rest });
}

/**
 * UTF-16 units of `word` before the normalised letter number `letters` (counted character by
 * character, so dropped marks and tatweel and NFKC expansions stay aligned); the word's length
 * past its end. Maps a number of clitic letters back to an offset in the original text.
 */
function unitsBefore(word: string, letters: number): number {
  let seen = 0;
  for (let i = 0; i < word.length; i++) {
    seen += normalizeArabic(word.charAt(i)).length;
    if (seen > letters) return i;
  }
  return word.length;
}

/**
 * Readings of a token for finding names: `variantsOf`, and for «لل» also ل + a rest that opens
 * with «ل» («للبنان» is ل + «لبنان», «للجنة حماية الصحفيين» ل + «لجنة …»), which `variantsOf` reads
 * only as ل + the article. The model's features keep to `variantsOf`.
 */
export function nameReadingsOf(token: Token): TokenVariant[] {
  const out = variantsOf(token);
  if (!token.arabic) return out;
  const conj = CONJ.includes(token.norm.charAt(0)) ? 1 : 0;
  if (token.norm.slice(conj, conj + 2) !== 'لل') return out;
  const rest = token.norm.slice(conj + 1);
  const key = stripArticle(rest);
  if (key.length < MIN_STEM || out.some((v) => v.key === key)) return out;
  out.push({ key, skip: unitsBefore(token.text, conj + 1), clitics: token.norm.slice(0, conj + 1), article: key !== rest, fused: true });
  return out;
}
