/** A word token with UTF-16 offsets into the ORIGINAL string (`s.slice(start, end) === text`). */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Letters (any script) and digits, with combining marks, tatweel and inner apostrophes/hyphens
 * kept inside the word (`O'Brien`, `co-op`, `كـــرملين`). Everything else separates words.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u0640]*(?:['’-][\p{L}\p{N}][\p{L}\p{N}\p{M}\u0640]*)*/gu;

/** Splits text into word tokens (Arabic, Latin and digits of any script). */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  for (const m of s.matchAll(WORD)) {
    const start = m.index;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}
