export { foldDigits, stripDiacritics, normalizeWhitespace, normalizeArabic, normalizeForMatch } from './normalize.ts';
export { tokenize, type Token } from './tokenize.ts';
export { stripArabicClitics, type CliticCandidate } from './clitics.ts';
export { detectLanguage } from './language.ts';
export { MONTH_NUMBERS } from './months.ts';
