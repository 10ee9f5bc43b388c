/**
 * Normalisation helpers for Arabic and Latin text. These are for MATCHING (dedup keys, entity
 * look-ups, search), never for display: they are lossy on purpose.
 */

const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII 0-9; everything else untouched. */
export function foldDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= PERSIAN_ZERO ? c - PERSIAN_ZERO : c - ARABIC_INDIC_ZERO);
  });
}

/** Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks and tatweel. */
const DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08FF\u0640]/g;

/** Removes Arabic diacritics and tatweel (kashida, U+0640). */
export function stripDiacritics(s: string): string {
  return s.replace(DIACRITICS, '');
}

/** Zero-width characters and bidi controls that hide inside copied Arabic text. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u061C]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** Drops zero-width and bidi marks, turns every kind of space (incl. NBSP) into one space, trims. */
const HAS_INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD\u061C]/;

export function normalizeWhitespace(s: string): string {
  if (isNormalWhitespace(s)) return s;
  return (HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s).replace(SPACES, ' ').trim();
}

/**
 * True when `normalizeWhitespace` would return `s` unchanged: no invisible marks, no space other
 * than single U+0020 between non-spaces. One scan without allocation (the hot path on real pages).
 */
function isNormalWhitespace(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    if (c < 32 || c === 0x85 || c === 0xa0 || c === 0xad || c === 0x61c || c === 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x2069) || c === 0x3000 || c === 0xfeff) return false;
    prevSpace = false;
  }
  return !prevSpace || s.length === 0;
}

const LETTER_FOLDS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ئ': 'ي',
  'ة': 'ه',
  'ؤ': 'و',
  'ک': 'ك',
};
const LETTER_FOLD_RE = /[أإآٱٲٳىیئةؤک]/g;

/**
 * Arabic matching form: NFKC, no diacritics/tatweel, alef/ya/ta-marbuta/hamza-carrier folds,
 * ASCII digits, lower-case Latin. `إيلون` and `ايلون` normalise to the same string.
 */
export function normalizeArabic(s: string): string {
  return normalizeSimple(s) ?? normalizeFull(s);
}

/** Code unit → what `normalizeArabic` makes of it alone: a string, '' (dropped), or undefined (not simple). */
const SIMPLE: Array<string | undefined> = (() => {
  const table: Array<string | undefined> = new Array<string | undefined>(0x0680).fill(undefined);
  for (let c = 0x30; c <= 0x39; c++) table[c] = String.fromCharCode(c);
  for (let c = 0x61; c <= 0x7a; c++) table[c] = String.fromCharCode(c);
  for (let c = 0x41; c <= 0x5a; c++) table[c] = String.fromCharCode(c + 32);
  for (let c = 0x0621; c <= 0x064a; c++) {
    const ch = String.fromCharCode(c);
    table[c] = LETTER_FOLDS[ch] ?? ch;
  }
  table[0x0640] = ''; // tatweel
  // Harakat, tanween, shadda, sukun and the superscript alef; not U+0653–0655 (madda and hamza
  // marks compose with the letter before them under NFKC, so they take the full path).
  for (let c = 0x064b; c <= 0x0652; c++) table[c] = '';
  table[0x0670] = '';
  for (let c = 0x0660; c <= 0x0669; c++) table[c] = String(c - ARABIC_INDIC_ZERO);
  return table;
})();

/**
 * `normalizeArabic` for the common case (ASCII letters and digits, basic Arabic letters, harakat,
 * tatweel, Arabic-Indic digits), where NFKC changes nothing: one scan, and no allocation at all
 * when nothing changes. Undefined when `s` holds anything else.
 */
function normalizeSimple(s: string): string | undefined {
  let out: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = c < 0x0680 ? SIMPLE[c] : undefined;
    if (m === undefined) return undefined;
    if (out === undefined) {
      if (m.length === 1 && m.charCodeAt(0) === c) continue;
      out = s.slice(0, i);
    }
    out += m;
  }
  return out ?? s;
}

function normalizeFull(s: string): string {
  const nfkc = s.normalize('NFKC');
  return foldDigits(stripDiacritics(nfkc))
    .replace(LETTER_FOLD_RE, (c) => LETTER_FOLDS[c] ?? c)
    .replace(INVISIBLE, '')
    .toLowerCase();
}

/**
 * Punctuation of every script (incl. Arabic ، ؛ ؟ and all quote styles) becomes a space.
 * Letters, marks and digits survive.
 */
const PUNCT = /[\p{P}\p{S}\u060C\u061B\u061F\u066A-\u066D\u06D4]+/gu;

/** Arabic + Latin matching form with punctuation folded to single spaces. */
export function normalizeForMatch(s: string): string {
  return normalizeWhitespace(normalizeArabic(s).replace(PUNCT, ' '));
}
