/** One way to read a token: `stem` starts `shift` UTF-16 units into the original token. */
export interface CliticCandidate {
  readonly stem: string;
  readonly shift: number;
  /** The proclitics removed, e.g. `وال`; empty for the token itself. */
  readonly prefix: string;
}

/** Longest first, so `وال` is tried before `و`. Combinations of conjunction + preposition + article. */
const PREFIXES: readonly string[] = [
  'وبال', 'فبال', 'وكال', 'فكال', 'ولل', 'فلل',
  'وال', 'فال', 'بال', 'كال', 'لل',
  'وب', 'فب', 'ول', 'فل', 'وك', 'فك',
  'ال', 'و', 'ف', 'ب', 'ل', 'ك',
];

const MIN_STEM = 2;
const ARABIC_LETTERS = /^[\u0621-\u064A\u0671-\u06D3]/;

/**
 * Candidate stems of an Arabic token with proclitics removed (و ف ب ل ك and ال, and their
 * combinations). Conservative: every stem keeps at least two letters, and the token itself is
 * always the first candidate. `للكرملين` yields itself, `كرملين` (shift 2, `لل` = ل + ال) and
 * `لكرملين` (shift 1); callers look each candidate up and keep the ones they know.
 */
export function stripArabicClitics(token: string): CliticCandidate[] {
  const out: CliticCandidate[] = [{ stem: token, shift: 0, prefix: '' }];
  if (!ARABIC_LETTERS.test(token)) return out;
  const seen = new Set<string>([token]);
  for (const prefix of PREFIXES) {
    if (!token.startsWith(prefix)) continue;
    const stem = token.slice(prefix.length);
    if (stem.length < MIN_STEM || stem === 'ال' || seen.has(stem)) continue;
    seen.add(stem);
    out.push({ stem, shift: prefix.length, prefix });
  }
  return out;
}
