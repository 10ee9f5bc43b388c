/**
 * Hand-annotated news articles (the `articles*` fixture sets) as model training data: the article
 * is cut into the sentences and pieces the tagger gives its model (`sentencesOf`), and every
 * occurrence of a gold name becomes a BIO span over the pieces it covers. Arabic names are found
 * behind attached proclitics (the whole token is tagged, as ANERcorp tags «وألمانيا»), and an
 * «ال» name also in its fused «لل» form («لليونسكو» for «اليونسكو»).
 */
import type { Sentence } from './model/conll.ts';
import { sentencesOf } from './model-mentions.ts';
import { tokenize } from './tokenize.ts';

export interface GoldArticle {
  readonly lang: string;
  readonly text: string;
  readonly entities: ReadonlyArray<{ readonly type: string; readonly names: readonly string[] }>;
}

export interface ArticleSentences {
  readonly sentences: Sentence[];
  /** Gold names found nowhere in the text, or only across a sentence break ("U.S." is cut after "U."). */
  readonly unplaced: string[];
}

const LETTER = /[\p{L}\p{M}\p{Nd}]/u;
/** What may stand between a word's start and an Arabic name inside it. */
const PROCLITICS: ReadonlySet<string> = new Set(['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك']);
/** Before a fused «لل» form: the ل that is the preposition, with or without a conjunction. */
const FUSED_BEFORE: ReadonlySet<string> = new Set(['ل', 'ول', 'فل']);

interface Occurrence {
  /** Start of the word holding the name's first letter. */
  readonly wordStart: number;
  readonly end: number;
  readonly type: string;
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && LETTER.test(ch);

function wordStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0 && isLetter(text[i - 1])) i--;
  return i;
}

/** Every place `form` stands as a whole name: right edge at a word boundary, left edge after `allowed` letters of its word. */
function occurrences(text: string, form: string, allowed: ReadonlySet<string>, type: string): Occurrence[] {
  const out: Occurrence[] = [];
  if (form === '') return out;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const end = at + form.length;
    if (isLetter(text[end])) continue;
    const wordStart = wordStartOf(text, at);
    if (!allowed.has(text.slice(wordStart, at))) continue;
    out.push({ wordStart, end, type });
  }
  return out;
}

/** A gold mention as UTF-16 offsets into the article (end exclusive), as the tagger reports mentions. */
export interface GoldMention {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/**
 * Every occurrence of the article's gold names as a mention, for mention-level (CoNLL exact match)
 * scoring of the whole tagger: longest names first, never overlapping one placed before, starting
 * after Arabic proclitics, and after both «لل» letters of a fused «ال» name («لليونسكو» → «يونسكو»),
 * where the tagger starts it too.
 */
export function goldMentions(article: GoldArticle): GoldMention[] {
  const { text } = article;
  const taken: Array<[number, number]> = [];
  const out: GoldMention[] = [];
  for (const { name, type } of namesLongestFirst(article)) {
    const found: Array<{ start: number; end: number }> =
      article.lang === 'ar'
        ? [
            ...occurrences(text, name, PROCLITICS, type).map((o) => ({ start: o.end - name.length, end: o.end })),
            ...(name.startsWith('ال') && name.length > 3 ? occurrences(text, `ل${name.slice(2)}`, FUSED_BEFORE, type).map((o) => ({ start: o.end - name.length + 2, end: o.end })) : []),
          ]
        : occurrences(text, name, new Set(['']), type).map((o) => ({ start: o.end - name.length, end: o.end }));
    for (const m of found) {
      if (taken.some(([a, b]) => m.start < b && a < m.end)) continue;
      taken.push([m.start, m.end]);
      out.push({ start: m.start, end: m.end, type });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function namesLongestFirst(article: GoldArticle): Array<{ name: string; type: string }> {
  return article.entities
    .flatMap((e) => e.names.map((name) => ({ name, type: e.type })))
    .sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The article's sentences with BIO tags. Longer names are placed first and a later name never
 * overlaps an earlier one, so «مجلس الأمن الدولي» is not also read as «الأمن».
 */
export function articleSentences(article: GoldArticle): ArticleSentences {
  const { text } = article;
  const arabic = article.lang === 'ar';
  const names = namesLongestFirst(article);
  const sentences = sentencesOf(text, tokenize(text));
  const where = new Map<number, { sentence: number; piece: number }>();
  sentences.forEach((s, i) => s.forEach((p, j) => where.set(p.start, { sentence: i, piece: j })));
  const tags = sentences.map((s) => s.map(() => 'O'));
  const starts = [...where.keys()].sort((a, b) => a - b);
  const unplaced: string[] = [];

  for (const { name, type } of names) {
    const found = arabic
      ? [
          ...occurrences(text, name, PROCLITICS, type),
          ...(name.startsWith('ال') && name.length > 3 ? occurrences(text, `ل${name.slice(2)}`, FUSED_BEFORE, type) : []),
        ]
      : occurrences(text, name, new Set(['']), type);
    let placed = false;
    for (const occ of found) {
      const pieces = starts.filter((s) => s >= occ.wordStart && s < occ.end).map((s) => where.get(s));
      const first = pieces[0];
      if (!first || first.piece < 0 || pieces.some((p) => p?.sentence !== first.sentence)) continue;
      const row = tags[first.sentence];
      if (!row || pieces.some((p) => row[p?.piece ?? -1] !== 'O')) continue;
      pieces.forEach((p, k) => (row[p?.piece ?? -1] = `${k === 0 ? 'B' : 'I'}-${type}`));
      placed = true;
    }
    if (!placed && !found.some((o) => overlapsTagged(o, starts, where, tags))) unplaced.push(name);
  }
  return {
    sentences: sentences.map((s, i) => ({ tokens: s.map((p) => p.text), tags: tags[i] ?? [] })),
    unplaced,
  };
}

/** An occurrence already inside a longer name placed before it (not a lost name). */
function overlapsTagged(
  occ: Occurrence,
  starts: readonly number[],
  where: ReadonlyMap<number, { sentence: number; piece: number }>,
  tags: readonly string[][],
): boolean {
  return starts.some((s) => {
    if (s < occ.wordStart || s >= occ.end) return false;
    const p = where.get(s);
    return p !== undefined && tags[p.sentence]?.[p.piece] !== 'O';
  });
}
