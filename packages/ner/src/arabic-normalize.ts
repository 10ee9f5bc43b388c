import { normalizeArabic as normalizeForMatching } from '@khabar/text';

/**
 * Arabic matching form from @khabar/text (never used for display or offsets): NFKC, no
 * diacritics/tatweel/invisible marks, أ إ آ ٱ → ا, ى ئ → ي, ؤ → و, ة → ه, ASCII digits.
 */
export function normalizeArabic(s: string): string {
  return normalizeForMatching(s);
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

export function isArabic(s: string): boolean {
  return ARABIC_LETTER.test(s);
}

/** Removes the definite article from an already-normalised word when three letters remain. */
export function stripArticle(norm: string): string {
  return norm.startsWith('ال') && norm.length >= 5 ? norm.slice(2) : norm;
}
