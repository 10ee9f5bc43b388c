import { normalizeForMatch } from '@khabar/text';

/**
 * Folding used for duplicate detection: @khabar/text's matching form (NFKC, diacritics and
 * tatweel removed, hamza carriers / alef / ya / teh marbuta folded, digits to ASCII, all
 * punctuation and quote styles to spaces, lower-case, single spaces) plus two dedup-only folds:
 * bare hamza is dropped (شيء / شئ / شي spell the same word in copied wire text) and Latin
 * accents are stripped (café / cafe).
 */
const BARE_HAMZA = /\u0621/g;
const LATIN_WITH_MARKS = /[\u00C0-\u024F\u1E00-\u1EFF]/g;
const MARKS = /\p{M}+/gu;

function stripLatinAccents(s: string): string {
  return s.replace(LATIN_WITH_MARKS, (c) => c.normalize('NFD').replace(MARKS, ''));
}

/** Canonical form for fingerprinting: copies differing only in spelling noise become equal. */
export function normalizeForDedup(text: string): string {
  const folded = normalizeForMatch(text);
  return stripLatinAccents(folded.replace(BARE_HAMZA, '')).replace(/ {2,}/g, ' ').trim();
}

/** Words of the normalised text. */
export function tokenizeForDedup(text: string): string[] {
  const normalized = normalizeForDedup(text);
  return normalized === '' ? [] : normalized.split(' ');
}
