/**
 * The whole tagger (KB, gazetteer, rules, model, linking) scored against a BIO corpus, as an
 * outside evaluator scores the CLI: each sentence's tokens joined by single spaces, `perArticle`
 * consecutive sentences joined by line breaks into one text (so the document pass sees a document),
 * and every mention compared with the gold spans of the corpus's own tokens.
 *
 * Three matches per type: **strict** (the exact character span), **overlap** (a mention overlapping
 * a gold span of its type: ANERcorp tags clitics with the name), and **token** (the mention widened
 * to the whole whitespace tokens it touches, then exact: the CoNLL measure on the corpus's tokens, so
 * «بريطانيا» inside the token «وبريطانيا» is that token).
 */
import type { Sentence } from './model/conll.ts';
import type { Mention } from './types.ts';

export interface BioSpan {
  start: number;
  end: number;
  type: string;
}

export interface BioText {
  text: string;
  gold: BioSpan[];
}

/** Counts of one type (or `ALL`): predicted and gold mentions, and the hits of each match. */
export interface BioCounts {
  pred: number;
  gold: number;
  strict: number;
  overlap: number;
  /** Gold spans some mention of their type overlaps (overlap recall). */
  goldHit: number;
  token: number;
}

/** A token-level miss or spurious mention, with its surroundings, for reading the errors. */
export interface BioError {
  kind: 'missed' | 'spurious';
  type: string;
  surface: string;
  context: string;
}

/** The corpus's sentences as texts of `perArticle` sentences, with the gold spans' offsets. */
export function bioTexts(corpus: readonly Sentence[], perArticle = 25): BioText[] {
  const lines = corpus.map(({ tokens, tags }) => {
    let text = '';
    const gold: BioSpan[] = [];
    let open: BioSpan | null = null;
    tokens.forEach((w, i) => {
      const start = text.length === 0 ? 0 : text.length + 1;
      text = text.length === 0 ? w : `${text} ${w}`;
      const tag = tags[i] ?? 'O';
      const type = tag === 'O' ? null : tag.slice(2);
      if (tag.startsWith('I-') && open && open.type === type) open.end = text.length;
      else {
        if (open) gold.push(open);
        open = type ? { start, end: text.length, type } : null;
      }
    });
    if (open) gold.push(open);
    return { text, gold };
  });
  const out: BioText[] = [];
  const size = Math.max(1, perArticle);
  for (let i = 0; i < lines.length; i += size) {
    let text = '';
    const gold: BioSpan[] = [];
    for (const line of lines.slice(i, i + size)) {
      const base = text.length === 0 ? 0 : text.length + 1;
      text = text.length === 0 ? line.text : `${text}\n${line.text}`;
      for (const g of line.gold) gold.push({ start: g.start + base, end: g.end + base, type: g.type });
    }
    out.push({ text, gold });
  }
  return out;
}

/** The mention widened to the whitespace-separated tokens it touches. */
function widen(text: string, m: BioSpan): BioSpan {
  let { start, end } = m;
  while (start > 0 && !/\s/u.test(text[start - 1] ?? ' ')) start--;
  while (end < text.length && !/\s/u.test(text[end] ?? ' ')) end++;
  return { start, end, type: m.type };
}

function context(text: string, s: BioSpan): string {
  return `${text.slice(Math.max(0, s.start - 40), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 40)}`.replace(/\n/gu, ' ');
}

/** Scores `tag` on the texts: counts per type and `ALL`, and the token-level errors. */
export function scoreOnBio(texts: readonly BioText[], tag: (text: string) => readonly Mention[]): { counts: Map<string, BioCounts>; errors: BioError[] } {
  const counts = new Map<string, BioCounts>();
  const errors: BioError[] = [];
  const row = (t: string): BioCounts => {
    let s = counts.get(t);
    if (!s) {
      s = { pred: 0, gold: 0, strict: 0, overlap: 0, goldHit: 0, token: 0 };
      counts.set(t, s);
    }
    return s;
  };
  const same = (a: BioSpan, b: BioSpan): boolean => a.type === b.type && a.start === b.start && a.end === b.end;
  for (const { text, gold } of texts) {
    const mentions = tag(text);
    for (const g of gold) {
      row(g.type).gold++;
      row('ALL').gold++;
      if (mentions.some((m) => m.type === g.type && m.start < g.end && g.start < m.end)) {
        row(g.type).goldHit++;
        row('ALL').goldHit++;
      }
    }
    const wide = mentions.map((m) => widen(text, m));
    for (const [i, m] of mentions.entries()) {
      const w = wide[i] ?? m;
      const tokenHit = gold.some((g) => same(g, w));
      for (const s of [row(m.type), row('ALL')]) {
        s.pred++;
        if (gold.some((g) => same(g, m))) s.strict++;
        if (gold.some((g) => g.type === m.type && m.start < g.end && g.start < m.end)) s.overlap++;
        if (tokenHit) s.token++;
      }
      if (!tokenHit) errors.push({ kind: 'spurious', type: m.type, surface: text.slice(w.start, w.end), context: context(text, w) });
    }
    for (const g of gold) if (!wide.some((w) => same(g, w))) errors.push({ kind: 'missed', type: g.type, surface: text.slice(g.start, g.end), context: context(text, g) });
  }
  return { counts, errors };
}

/** Sum of the counts of `types`. */
export function countsOf(counts: ReadonlyMap<string, BioCounts>, types: readonly string[]): BioCounts {
  const sum: BioCounts = { pred: 0, gold: 0, strict: 0, overlap: 0, goldHit: 0, token: 0 };
  for (const t of types) {
    const c = counts.get(t);
    if (!c) continue;
    for (const k of Object.keys(sum) as Array<keyof BioCounts>) sum[k] += c[k];
  }
  return sum;
}

/** Token-exact precision, recall and F1 (0 where undefined). */
export function tokenF1(c: BioCounts): { p: number; r: number; f1: number } {
  const p = c.pred === 0 ? 0 : c.token / c.pred;
  const r = c.gold === 0 ? 0 : c.token / c.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Overlap precision, recall and F1 (0 where undefined). */
export function overlapF1(c: BioCounts): { p: number; r: number; f1: number } {
  const p = c.pred === 0 ? 0 : c.overlap / c.pred;
  const r = c.gold === 0 ? 0 : c.goldHit / c.gold;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
