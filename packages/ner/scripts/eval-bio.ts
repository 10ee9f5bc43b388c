/**
 * Measures the whole tagger (KB, gazetteer, rules, model, linking) against a BIO file ("token TAG"
 * lines, blank line between sentences), e.g.
 *   node packages/ner/scripts/eval-bio.ts /work/shared/data/ner/anercorp-train.txt ar [--dev]
 * Prints precision and recall per type: "strict" needs the exact span, "overlap" accepts a
 * mention that overlaps a gold span of the same type (ANERcorp tags clitics with the name).
 * `--dev` scores only the file's development split (its last 10 % of sentences, never trained on).
 * Sentences are tagged as articles of `--article` consecutive sentences (default 25, one per
 * line), so the document pass sees a document as in the pipeline; `--article 1` tags them alone.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTagger } from '../src/index.ts';
import { parseConll, splitDev } from '../src/model/conll.ts';
import { TRAINING } from '../src/model/train-config.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  // --models DIR: models and lexicon from DIR (as `train:ner --out` writes) instead of data/.
  options: { dev: { type: 'boolean', default: false }, article: { type: 'string', default: '25' }, models: { type: 'string' } },
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

const tagger = createTagger(values.models ? { modelDir: values.models } : {});
const stats = new Map<string, { pred: number; gold: number; strict: number; overlap: number; goldHit: number }>();
const row = (t: string) => {
  let s = stats.get(t);
  if (!s) { s = { pred: 0, gold: 0, strict: 0, overlap: 0, goldHit: 0 }; stats.set(t, s); }
  return s;
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
  for (const m of mentions) {
    for (const s of [row(m.type), row('ALL')]) {
      s.pred++;
      if (gold.some((g) => g.type === m.type && g.start === m.start && g.end === m.end)) s.strict++;
      if (gold.some((g) => g.type === m.type && m.start < g.end && g.start < m.end)) s.overlap++;
    }
  }
}
const secs = (performance.now() - started) / 1000;
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`${lines.length} sentences in ${sentences.length} articles, ${tokens} tokens in ${secs.toFixed(2)} s (${Math.round(tokens / secs)} tokens/s)`);
for (const [t, s] of [...stats].sort()) {
  console.log(`${t}\tpred ${s.pred}\tgold ${s.gold}\tprecision strict ${pct(s.strict, s.pred)} overlap ${pct(s.overlap, s.pred)}\trecall(overlap) ${pct(s.goldHit, s.gold)}`);
}
