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
import { loadLexiconData } from '../src/data-files.ts';
import { parseConll, splitDev, type Sentence } from '../src/model/conll.ts';
import { buildLexicon } from '../src/model/lexicon.ts';
import { TRAINING } from '../src/model/train-config.ts';
import { trainLanguage } from '../src/model/train-language.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { data: { type: 'string', default: findSharedData() } } });
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
let tp = 0;
let pred = 0;
let gold = 0;
const perFold: string[] = [];
for (let k = 0; k < K; k++) {
  const files = trainParts.map((ss, fi) => {
    const lo = Math.floor((k * ss.length) / K);
    const hi = Math.floor(((k + 1) * ss.length) / K);
    return { name: `part${fi}`, text: toText([...ss.slice(0, lo), ...ss.slice(hi), ...ss.slice(lo, hi)]) };
  });
  const all = trainLanguage(lang, files, config, lexicon, {}).dev['ALL'];
  tp += all?.tp ?? 0;
  pred += all?.pred ?? 0;
  gold += all?.gold ?? 0;
  perFold.push((all?.f1 ?? 0).toFixed(3));
}
const p = pred === 0 ? 0 : tp / pred;
const r = gold === 0 ? 0 : tp / gold;
console.log(`${lang} ${overrides} ${K}-fold CV on the training part: F1 ${(p + r === 0 ? 0 : (2 * p * r) / (p + r)).toFixed(4)} (folds ${perFold.join(' ')})`);
