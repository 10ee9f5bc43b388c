/**
 * Measures the tagger against a BIO file ("token TAG" lines, blank line between sentences), e.g.
 *   node packages/ner/scripts/eval-bio.ts /work/shared/data/ner/anercorp-train.txt ar
 * Prints precision and recall per type: "strict" needs the exact span, "overlap" accepts a
 * mention that overlaps a gold span of the same type (ANERcorp tags clitics with the name).
 */
import { readFileSync } from 'node:fs';
import { createTagger } from '../src/index.ts';

const [path, lang = 'ar'] = process.argv.slice(2);
if (!path) throw new Error('usage: eval-bio.ts <file> [lang]');

interface Span { start: number; end: number; type: string }
const TYPE: Record<string, string> = { PERS: 'PER', PER: 'PER', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

const sentences: Array<{ text: string; gold: Span[] }> = [];
let words: string[] = [];
let tags: string[] = [];
const flush = (): void => {
  if (words.length === 0) return;
  let text = '';
  const gold: Span[] = [];
  let open: Span | null = null;
  words.forEach((w, i) => {
    const start = text.length === 0 ? 0 : text.length + 1;
    text = text.length === 0 ? w : `${text} ${w}`;
    const tag = tags[i] ?? 'O';
    const type = TYPE[tag.slice(2)] ?? null;
    if (tag.startsWith('I-') && open && open.type === type) open.end = text.length;
    else {
      if (open) gold.push(open);
      open = type ? { start, end: text.length, type } : null;
    }
  });
  if (open) gold.push(open);
  sentences.push({ text, gold });
  words = [];
  tags = [];
};
for (const line of readFileSync(path, 'utf8').split('\n')) {
  const sp = line.lastIndexOf(' ');
  if (line.trim() === '' || sp <= 0) { flush(); continue; }
  words.push(line.slice(0, sp));
  tags.push(line.slice(sp + 1).trim());
}
flush();

const tagger = createTagger();
const stats = new Map<string, { pred: number; gold: number; strict: number; overlap: number; goldHit: number }>();
const row = (t: string) => {
  let s = stats.get(t);
  if (!s) { s = { pred: 0, gold: 0, strict: 0, overlap: 0, goldHit: 0 }; stats.set(t, s); }
  return s;
};
let tokens = 0;
const started = performance.now();
for (const { text, gold } of sentences) {
  tokens += text.split(' ').length;
  const { mentions } = tagger.tag(text, lang);
  for (const g of gold) {
    row(g.type).gold++;
    if (mentions.some((m) => m.type === g.type && m.start < g.end && g.start < m.end)) row(g.type).goldHit++;
  }
  for (const m of mentions) {
    const s = row(m.type);
    s.pred++;
    if (gold.some((g) => g.type === m.type && g.start === m.start && g.end === m.end)) s.strict++;
    if (gold.some((g) => g.type === m.type && m.start < g.end && g.start < m.end)) s.overlap++;
  }
}
const secs = (performance.now() - started) / 1000;
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`${sentences.length} sentences, ${tokens} tokens in ${secs.toFixed(2)} s (${Math.round(tokens / secs)} tokens/s)`);
for (const [t, s] of [...stats].sort()) {
  console.log(`${t}\tpred ${s.pred}\tgold ${s.gold}\tprecision strict ${pct(s.strict, s.pred)} overlap ${pct(s.overlap, s.pred)}\trecall(overlap) ${pct(s.goldHit, s.gold)}`);
}
