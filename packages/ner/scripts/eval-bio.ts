/**
 * Measures the whole tagger (KB, gazetteer, rules, model, linking) against a BIO file ("token TAG"
 * lines, blank line between sentences), e.g.
 *   node packages/ner/scripts/eval-bio.ts /work/shared/data/ner/anercorp-train.txt ar [--dev]
 * Prints precision and recall per type: "strict" needs the exact span, "overlap" accepts a
 * mention that overlaps a gold span of the same type (ANERcorp tags clitics with the name), and
 * "token" widens each mention to the whole tokens it touches (so «بريطانيا» in the token
 * «وبريطانيا» is that token) and then needs the exact span: the CoNLL exact match on the corpus's
 * own tokens, with its F1. `--list` prints every token-level miss and spurious mention.
 * `--dev` scores only the file's development split (its last 10 % of sentences, never trained on).
 * Sentences are tagged as articles of `--article` consecutive sentences (default 25, one per
 * line), so the document pass sees a document as in the pipeline; `--article 1` tags them alone.
 * `--corpus-domain` has the model follow the corpora's annotation where it learnt both (the
 * tagger's `modelDomain: 'corpus'`); by default it follows the article sets', as the pipeline does.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTagger } from '../src/index.ts';
import { parseConll, splitDev } from '../src/model/conll.ts';
import { TRAINING } from '../src/model/train-config.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  // --models DIR: models and lexicon from DIR (as `train:ner --out` writes) instead of data/.
  options: { dev: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, article: { type: 'string', default: '25' }, models: { type: 'string' }, 'corpus-domain': { type: 'boolean', default: false } },
});
const [path, lang = 'ar'] = positionals;
if (!path) throw new Error('usage: eval-bio.ts <file> [lang] [--dev]');

interface Span { start: number; end: number; type: string }

let corpus = parseConll(readFileSync(path, 'utf8'));
if (values.dev) corpus = splitDev(corpus, TRAINING[lang === 'en' ? 'en' : 'ar'].config.devFraction).dev;
const perArticle = Math.max(1, Number(values.article));
const lines = corpus.map(({ tokens: words, tags }) => {
  let text = '';
  const gold: Span[] = [];
  let open: Span | null = null;
  words.forEach((w, i) => {
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
const sentences: Array<{ text: string; gold: Span[] }> = [];
for (let i = 0; i < lines.length; i += perArticle) {
  let text = '';
  const gold: Span[] = [];
  for (const line of lines.slice(i, i + perArticle)) {
    const base = text.length === 0 ? 0 : text.length + 1;
    text = text.length === 0 ? line.text : `${text}\n${line.text}`;
    for (const g of line.gold) gold.push({ start: g.start + base, end: g.end + base, type: g.type });
  }
  sentences.push({ text, gold });
}

const tagger = createTagger({ ...(values.models ? { modelDir: values.models } : {}), ...(values['corpus-domain'] ? { modelDomain: 'corpus' as const } : {}) });
interface Row { pred: number; gold: number; strict: number; overlap: number; goldHit: number; token: number }
const stats = new Map<string, Row>();
const row = (t: string): Row => {
  let s = stats.get(t);
  if (!s) { s = { pred: 0, gold: 0, strict: 0, overlap: 0, goldHit: 0, token: 0 }; stats.set(t, s); }
  return s;
};
/** The mention widened to the whitespace-separated tokens it touches. */
const widen = (text: string, m: Span): Span => {
  let { start, end } = m;
  while (start > 0 && !/\s/.test(text[start - 1] ?? ' ')) start--;
  while (end < text.length && !/\s/.test(text[end] ?? ' ')) end++;
  return { start, end, type: m.type };
};
let tokens = 0;
const started = performance.now();
for (const { text, gold } of sentences) {
  tokens += text.split(/[ \n]/).length;
  const { mentions } = tagger.tag(text, lang);
  for (const g of gold) {
    row(g.type).gold++;
    row('ALL').gold++;
    if (mentions.some((m) => m.type === g.type && m.start < g.end && g.start < m.end)) {
      row(g.type).goldHit++;
      row('ALL').goldHit++;
    }
  }
  const wide = mentions.map((m) => widen(text, m));
  const same = (a: Span, b: Span): boolean => a.type === b.type && a.start === b.start && a.end === b.end;
  for (const [i, m] of mentions.entries()) {
    const w = wide[i] as Span;
    const tokenHit = gold.some((g) => same(g, w));
    for (const s of [row(m.type), row('ALL')]) {
      s.pred++;
      if (gold.some((g) => same(g, m))) s.strict++;
      if (gold.some((g) => g.type === m.type && m.start < g.end && g.start < m.end)) s.overlap++;
      if (tokenHit) s.token++;
    }
    if (values.list && !tokenHit) console.log(`spurious ${m.type}\t${text.slice(w.start, w.end)}\t${context(text, w)}`);
  }
  if (values.list) {
    for (const g of gold) if (!wide.some((w) => same(g, w))) console.log(`missed ${g.type}\t${text.slice(g.start, g.end)}\t${context(text, g)}`);
  }
}
function context(text: string, s: Span): string {
  return `${text.slice(Math.max(0, s.start - 40), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 40)}`.replace(/\n/g, ' ');
}
const secs = (performance.now() - started) / 1000;
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`${lines.length} sentences in ${sentences.length} articles, ${tokens} tokens in ${secs.toFixed(2)} s (${Math.round(tokens / secs)} tokens/s)`);
// PER/ORG/LOC only (Khabar publishes no model MISC), with an overlap F1 beside the token-exact one.
const three = ['PER', 'ORG', 'LOC'].map((t) => stats.get(t)).filter((s): s is Row => s !== undefined);
if (three.length > 0) {
  const sum = (k: keyof Row): number => three.reduce((a, s) => a + s[k], 0);
  const [pred, gold, token, overlap, goldHit] = [sum('pred'), sum('gold'), sum('token'), sum('overlap'), sum('goldHit')];
  const f1 = (p: number, r: number): string => (p + r === 0 ? '0.000' : ((2 * p * r) / (p + r)).toFixed(3));
  console.log(`PER/ORG/LOC\tpred ${pred}\tgold ${gold}\ttoken P ${pct(token, pred)} R ${pct(token, gold)} F1 ${f1(token / pred, token / gold)}\toverlap P ${pct(overlap, pred)} R ${pct(goldHit, gold)} F1 ${f1(overlap / pred, goldHit / gold)}`);
}
for (const [t, s] of [...stats].sort()) {
  const f1 = s.pred + s.gold === 0 ? 0 : (2 * s.token) / (s.pred + s.gold);
  console.log(`${t}\tpred ${s.pred}\tgold ${s.gold}\tprecision strict ${pct(s.strict, s.pred)} overlap ${pct(s.overlap, s.pred)}\trecall(overlap) ${pct(s.goldHit, s.gold)}\ttoken P ${pct(s.token, s.pred)} R ${pct(s.token, s.gold)} F1 ${f1.toFixed(3)}`);
}
