import { normalizeArabic as normalizeForMatching } from '@khabar/text';

/**
 * Arabic matching form from @khabar/text (never used for display or offsets): NFKC, no
 * diacritics/tatweel/invisible marks, أ إ آ ٱ → ا, ى ئ → ي, ؤ → و, ة → ه, ASCII digits.
 */
export function normalizeArabic(s: string): string {
  return normalizeForMatching(s);
}

/**
 * For each letter of `normalizeArabic(word)`, the UTF-16 index in `word` it came from, so a
 * number of normalised letters skipped (clitics) maps back to an offset in the original text.
 * Built character by character, so dropped marks and NFKC expansions stay aligned.
 */
export function normalizedLetterStarts(word: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < word.length; i++) {
    const n = normalizeArabic(word.charAt(i)).length;
    for (let k = 0; k < n; k++) starts.push(i);
  }
  return starts;
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function isArabic(s: string): boolean {
  return ARABIC_LETTER.test(s);
}

/** Removes the definite article from an already-normalised word when three letters remain. */
export function stripArticle(norm: string): string {
  return norm.startsWith('ال') && norm.length >= 5 ? norm.slice(2) : norm;
}
