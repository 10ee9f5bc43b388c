import { findSharedData } from '../src/shared-data.ts';
/**
 * K-fold cross-validation on the TRAINING part only (the dev split is never read): for fold k,
 * each file's training sentences are rotated so that fold k comes last and is held out, and the
 * model is trained on the rest exactly as `pnpm train:ner` would (both passes). Prints the pooled
 * entity-level F1 and each fold's. Used to choose features and settings without tuning on dev.
 *
 *   node packages/ner/scripts/cross-validate.ts ar '{"documentWindow":20,"folds":3}' [K=4] [--data dir]
 *
 * The JSON overrides fields of the language's TRAINING config (src/model/train-config.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadArticleSet, loadLexiconData } from '../src/data-files.ts';
import { parseConll, scoresWithout, splitDev, type Sentence } from '../src/model/conll.ts';
import { buildLexicon } from '../src/model/lexicon.ts';
import { TRAINING } from '../src/model/train-config.ts';
import { evaluate, trainLanguage } from '../src/model/train-language.ts';
import type { SequenceModel } from '../src/model/sequence-model.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  // --biases 0,0.5,1: also score each fold's model with these O-tag decoding biases (config.outsideBias).
  // --no-articles: train each fold without the hand-annotated article sets (they are never a held-out fold).
  options: { data: { type: 'string', default: findSharedData() }, biases: { type: 'string' }, 'no-articles': { type: 'boolean' } },
});
const [langArg = 'ar', overrides = '{}', folds = '4'] = positionals;
if (langArg !== 'ar' && langArg !== 'en') throw new Error('usage: cross-validate.ts ar|en [json overrides] [K]');
const lang = langArg;
const K = Number(folds);
const lexData = loadLexiconData();
const lexicon = buildLexicon([...lexData.kb, ...lexData.places], lexData.nameTokens);
const config = { ...TRAINING[lang].config, ...(JSON.parse(overrides) as object), devFraction: 1 / K };

const toText = (ss: readonly Sentence[]): string => `${ss.map((s) => s.tokens.map((w, i) => `${w} ${s.tags[i] ?? 'O'}`).join('\n')).join('\n\n')}\n`;
const trainParts = TRAINING[lang].files.map(
  (name) => splitDev(parseConll(readFileSync(join(values.data, 'ner', name), 'utf8')), TRAINING[lang].config.devFraction).train,
);
const articleSets = values['no-articles'] ? [] : TRAINING[lang].articles.map((name) => loadArticleSet(name, lang));
let tp = 0;
let pred = 0;
let gold = 0;
const plo = { tp: 0, pred: 0, gold: 0 };
const biases = (values.biases ?? '').split(',').filter((b) => b !== '').map(Number);
const byBias = biases.map(() => ({ all: { tp: 0, pred: 0, gold: 0 }, plo: { tp: 0, pred: 0, gold: 0 } }));
const add = (c: { tp: number; pred: number; gold: number }, s: { tp: number; pred: number; gold: number } | undefined): void => {
  c.tp += s?.tp ?? 0;
  c.pred += s?.pred ?? 0;
  c.gold += s?.gold ?? 0;
};
const perFold: string[] = [];
for (let k = 0; k < K; k++) {
  const files = trainParts.map((ss, fi) => {
    const lo = Math.floor((k * ss.length) / K);
    const hi = Math.floor(((k + 1) * ss.length) / K);
    return { name: `part${fi}`, text: toText([...ss.slice(0, lo), ...ss.slice(hi), ...ss.slice(lo, hi)]) };
  });
  const trained = trainLanguage(lang, files, config, lexicon, {}, () => {}, articleSets);
  const dev = trained.dev;
  if (biases.length > 0) {
    const heldOut = files.map((f) => splitDev(parseConll(f.text), config.devFraction).dev);
    const withBias = (m: SequenceModel, b: number): SequenceModel => ({ ...m, meta: { ...m.meta, config: { ...m.meta.config, outsideBias: b } } });
    biases.forEach((b, bi) => {
      const m = trained.model;
      const scores = evaluate({ ...m, first: withBias(m.first, b), document: m.document ? withBias(m.document, b) : null }, heldOut, lexicon);
      add(byBias[bi]?.all ?? { tp: 0, pred: 0, gold: 0 }, scores['ALL']);
      add(byBias[bi]?.plo ?? { tp: 0, pred: 0, gold: 0 }, scoresWithout(scores, ['MISC']));
    });
  }
  const all = dev['ALL'];
  const noMisc = scoresWithout(dev, ['MISC']);
  plo.tp += noMisc.tp;
  plo.pred += noMisc.pred;
  plo.gold += noMisc.gold;
  tp += all?.tp ?? 0;
  pred += all?.pred ?? 0;
  gold += all?.gold ?? 0;
  perFold.push((all?.f1 ?? 0).toFixed(3));
}
const f1 = (c: { tp: number; pred: number; gold: number }): string => {
  const p = c.pred === 0 ? 0 : c.tp / c.pred;
  const r = c.gold === 0 ? 0 : c.tp / c.gold;
  return (p + r === 0 ? 0 : (2 * p * r) / (p + r)).toFixed(4);
};
console.log(`${lang} ${overrides} ${K}-fold CV on the training part: F1 ${f1({ tp, pred, gold })}, PER/ORG/LOC only ${f1(plo)} (folds ${perFold.join(' ')})`);
biases.forEach((b, bi) => {
  const r = byBias[bi];
  if (r) console.log(`  O bias ${b}: F1 ${f1(r.all)}, PER/ORG/LOC only ${f1(r.plo)}`);
});
