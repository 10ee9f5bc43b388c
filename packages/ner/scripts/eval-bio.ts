/**
 * Measures the whole tagger (KB, gazetteer, rules, model, linking) against a BIO file ("token TAG"
 * lines, blank line between sentences), e.g.
 *   node packages/ner/scripts/eval-bio.ts /work/shared/data/ner/anercorp-train.txt ar [--dev]
 * Prints precision and recall per type with the three matches of `src/bio-eval.ts` (strict,
 * overlap, and token: the CoNLL exact match on the corpus's own tokens, with its F1).
 * `--list` prints every token-level miss and spurious mention.
 * `--dev` scores only the file's development split (its last 10 % of sentences, never trained on).
 * Sentences are tagged as articles of `--article` consecutive sentences (default 25, one per
 * line), so the document pass sees a document as in the pipeline; `--article 1` tags them alone.
 * `--corpus-domain` reads the text as corpus text (the tagger's `modelDomain: 'corpus'`: the model
 * follows the corpora's annotation where it learnt both, and on Arabic its places, organisations
 * and MISC names win over the rules'); by default it is read as news, as the pipeline does.
 * `--auto-domain` lets the tagger decide by the text's shape, as the CLI does by default (the
 * corpora's tokenized sentences read as corpus text).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { bioTexts, countsOf, overlapF1, scoreOnBio, tokenF1, type BioCounts } from '../src/bio-eval.ts';
import { createTagger } from '../src/index.ts';
import { parseConll, splitDev } from '../src/model/conll.ts';
import { TRAINING } from '../src/model/train-config.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  // --models DIR: models and lexicon from DIR (as `train:ner --out` writes) instead of data/.
  options: { dev: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, article: { type: 'string', default: '25' }, models: { type: 'string' }, 'corpus-domain': { type: 'boolean', default: false }, 'auto-domain': { type: 'boolean', default: false } },
});
const [path, lang = 'ar'] = positionals;
if (!path) throw new Error('usage: eval-bio.ts <file> [lang] [--dev]');

let corpus = parseConll(readFileSync(path, 'utf8'));
if (values.dev) corpus = splitDev(corpus, TRAINING[lang === 'en' ? 'en' : 'ar'].config.devFraction).dev;
const texts = bioTexts(corpus, Number(values.article));
const tagger = createTagger({ ...(values.models ? { modelDir: values.models } : {}), ...(values['corpus-domain'] ? { modelDomain: 'corpus' as const } : values['auto-domain'] ? { modelDomain: 'auto' as const } : {}) });
const tokens = texts.reduce((n, t) => n + t.text.split(/[ \n]/u).length, 0);
const started = performance.now();
const { counts, errors } = scoreOnBio(texts, (text) => tagger.tag(text, lang).mentions);
const secs = (performance.now() - started) / 1000;
if (values.list) for (const e of errors) console.log(`${e.kind} ${e.type}\t${e.surface}\t${e.context}`);
const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const prf = (x: { p: number; r: number; f1: number }): string => `P ${(100 * x.p).toFixed(1)}% R ${(100 * x.r).toFixed(1)}% F1 ${x.f1.toFixed(3)}`;
console.log(`${corpus.length} sentences in ${texts.length} articles, ${tokens} tokens in ${secs.toFixed(2)} s (${Math.round(tokens / secs)} tokens/s)`);
// PER/ORG/LOC only (as published), with an overlap F1 beside the token-exact one.
const three: BioCounts = countsOf(counts, ['PER', 'ORG', 'LOC']);
if (three.pred + three.gold > 0) console.log(`PER/ORG/LOC\tpred ${three.pred}\tgold ${three.gold}\ttoken ${prf(tokenF1(three))}\toverlap ${prf(overlapF1(three))}`);
for (const [t, s] of [...counts].sort()) {
  console.log(`${t}\tpred ${s.pred}\tgold ${s.gold}\tprecision strict ${pct(s.strict, s.pred)} overlap ${pct(s.overlap, s.pred)}\trecall(overlap) ${pct(s.goldHit, s.gold)}\ttoken ${prf(tokenF1(s))}`);
}
