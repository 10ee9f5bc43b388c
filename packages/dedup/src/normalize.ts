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

/** Lines shorter than this many words are treated as page furniture (menus, credits, "read more"). */
export const MIN_BODY_LINE_WORDS = 6;

/**
 * Words of the text's body lines for shingling: lines (paragraphs) of fewer than
 * MIN_BODY_LINE_WORDS words are dropped, so site headers, footers and "read more" links that a
 * republishing site wraps around wire copy do not count as shared content. Falls back to every
 * word when no line is long enough (headlines, very short items).
 */
export function bodyTokensForDedup(text: string): string[] {
  const kept: string[] = [];
  for (const line of text.split(/\n+/)) {
    const words = tokenizeForDedup(line);
    if (words.length >= MIN_BODY_LINE_WORDS) kept.push(...words);
  }
  return kept.length > 0 ? kept : tokenizeForDedup(text);
}
