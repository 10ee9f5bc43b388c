import { infoOf, infoOfToken, type TokenInfo } from './model/features.ts';
import type { Lexicon } from './model/lexicon.ts';
import { decode, type SequenceModel } from './model/sequence-model.ts';
import { spansOf } from './model/conll.ts';
import { joinable } from './matcher.ts';
import { variantsOf, type Token } from './tokenize.ts';
import type { EntityType } from './types.ts';

/** A name the statistical model found: word-token indexes (of `tokenize(text)`) and where it starts. */
export interface ModelSpan {
  readonly first: number;
  readonly last: number;
  readonly type: EntityType;
  /** UTF-16 offset of the mention start (after Arabic proclitics the name does not include). */
  readonly start: number;
}

/** Words as `tokenize` finds them, plus every other non-space character as its own token. */
const MODEL_TOKEN = /[\p{L}\p{M}\p{Nd}]+|[^\s\p{L}\p{M}\p{Nd}]/gu;
const WORD = /^[\p{L}\p{M}\p{Nd}]/u;
const SENTENCE_END = new Set(['.', '!', '?', '؟', '؛', ';', '…']);
/** The model's MISC is too noisy to publish (and the KB covers the MISC names news needs). */
const KEEP: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC']);

interface Piece {
  readonly text: string;
  /** Index into the word tokens, or -1 for punctuation. */
  readonly word: number;
}

/** Sentences of model tokens: broken after sentence punctuation and at line breaks. */
function sentencesOf(text: string): Piece[][] {
  const out: Piece[][] = [];
  let cur: Piece[] = [];
  let words = 0;
  let prevEnd = 0;
  for (const m of text.matchAll(MODEL_TOKEN)) {
    const s = m[0];
    if (cur.length > 0 && text.slice(prevEnd, m.index).includes('\n')) {
      out.push(cur);
      cur = [];
    }
    const isWord = WORD.test(s);
    cur.push({ text: s, word: isWord ? words++ : -1 });
    prevEnd = m.index + s.length;
    if (!isWord && SENTENCE_END.has(s)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Where an Arabic name starts inside its first word: ANERcorp tags "وألمانيا" whole, Khabar's
 * mentions start after the proclitics (like the KB matcher). Clitics are dropped when the rest
 * carries the article (بالسودان → السودان) or is a known name while the whole word is not.
 */
function nameStart(token: Token, lexicon: Lexicon): number {
  if (!token.arabic) return token.start;
  const known = lexicon.flagsOf(token.key) !== undefined;
  for (const v of variantsOf(token)) {
    if (v.clitics === '') continue;
    if (v.article || (!known && lexicon.flagsOf(v.key) !== undefined)) return token.start + v.skip;
  }
  return token.start;
}

/**
 * Runs the sequence model over `text` and returns its PER/ORG/LOC names that are plausible as
 * mentions: no line break or punctuation inside (other than what names may contain), Latin names
 * capitalised, at least two letters.
 */
export function findModelSpans(
  text: string,
  words: readonly Token[],
  model: SequenceModel,
  lexicon: Lexicon,
): ModelSpan[] {
  const out: ModelSpan[] = [];
  for (const sentence of sentencesOf(text)) {
    const infos: TokenInfo[] = sentence.map((p) => {
      const w = p.word >= 0 ? words[p.word] : undefined;
      return w ? infoOfToken(w, lexicon) : infoOf(p.text, lexicon);
    });
    const tags = decode(model, infos);
    for (const span of spansOf(tags)) {
      if (!KEEP.has(span.type)) continue;
      const pieces = sentence.slice(span.first, span.last + 1);
      if (pieces.some((p) => p.word < 0)) continue;
      const first = pieces[0]?.word ?? -1;
      const last = pieces[pieces.length - 1]?.word ?? -1;
      const head = words[first];
      if (!head || last < first) continue;
      let ok = true;
      for (let k = first; k < last && ok; k++) {
        const a = words[k];
        const b = words[k + 1];
        ok = a !== undefined && b !== undefined && joinable(text, a, b);
      }
      if (!ok || (!head.arabic && !head.cap) || head.key.length < 2) continue;
      out.push({ first, last, type: span.type as EntityType, start: nameStart(head, lexicon) });
    }
  }
  return out;
}
