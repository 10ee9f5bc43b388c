import { findSharedData } from '../src/shared-data.ts';
/**
 * pnpm train:ner — trains the Arabic and English statistical NER models from the shared corpora
 * and writes them to packages/ner/data/ (ner-ar.model.gz, ner-en.model.gz, the lexicon their features
 * read, ner-lexicon.tsv, and ner-models.sha256). Train both languages: the lexicon is shared.
 *
 *   node packages/ner/scripts/train.ts [--data /work/shared/data] [--lang ar|en] [--out dir] [--lexicon dir]
 *
 * `--lexicon dir` trains on the lexicon already frozen in that folder (its ner-lexicon.tsv) instead
 * of building one from today's KB: a retraining for more data then keeps the features the committed
 * models were chosen with (a KB grown since is used by the matcher either way).
 *
 * Reproducible: fixed seed and settings (src/model/train-config.ts); the last 10 % of each
 * file's sentences is the development split, never trained on. Prints the dev-set scores.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dataFile, loadArticleSet, loadLexiconData, loadModelLexicon } from '../src/data-files.ts';
import { scoresWithout } from '../src/model/conll.ts';
import type { ModelLang } from '../src/model/features.ts';
import { buildLexicon, LEXICON_FILE, serializeLexicon, type Lexicon } from '../src/model/lexicon.ts';
import { docModelFileName, modelFileName, TRAINING } from '../src/model/train-config.ts';
import { trainLanguage } from '../src/model/train-language.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: findSharedData() },
    lang: { type: 'string' },
    out: { type: 'string', default: dataFile('') },
    lexicon: { type: 'string' },
    // Experiments only: the committed models use the settings in src/model/train-config.ts.
    epochs: { type: 'string' },
    'min-count': { type: 'string' },
    update: { type: 'string' },
    c: { type: 'string' },
    ensemble: { type: 'string' },
    window: { type: 'string' },
    folds: { type: 'string' },
    neighbours: { type: 'boolean' },
    // Experiments only: train without the hand-annotated article sets, or with these instead (comma-separated).
    'no-articles': { type: 'boolean' },
    articles: { type: 'string' },
    // Any other TrainConfig fields, as JSON (e.g. '{"features":["pos"],"dropTypes":["MISC"]}').
    config: { type: 'string' },
  },
});
const langs: ModelLang[] = values.lang === 'ar' || values.lang === 'en' ? [values.lang] : ['ar', 'en'];
const outDir = values.out;

// The lexicon the features read, built from today's KB, places and name tokens, is written beside
// the models: the tagger's model reads it from there, so later KB edits do not change its inputs.
const lexicon = ((): Lexicon => {
  if (values.lexicon !== undefined) return loadModelLexicon(values.lexicon).lexicon;
  const lexData = loadLexiconData();
  return buildLexicon([...lexData.kb, ...lexData.places], lexData.nameTokens);
})();
const lexiconText = serializeLexicon(lexicon);
// Every article set is read (and a bad one refused) before anything is written to the output folder.
const articleSets = new Map(
  langs.map((lang) => {
    const names = values['no-articles'] ? [] : values.articles !== undefined ? values.articles.split(',').filter((n) => n !== '') : TRAINING[lang].articles;
    return [lang, names.map((name) => loadArticleSet(name, lang))] as const;
  }),
);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, LEXICON_FILE), lexiconText);
const lexiconSha256 = { [LEXICON_FILE]: createHash('sha256').update(lexiconText, 'utf8').digest('hex') };
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

for (const lang of langs) {
  const { files } = TRAINING[lang];
  const sets = articleSets.get(lang) ?? [];
  for (const set of sets) {
    const sentences = set.documents.reduce((n, d) => n + d.length, 0);
    console.log(`${lang}: ${set.name}: ${set.documents.length} articles, ${sentences} sentences${set.unplaced.length > 0 ? `; names not placed: ${set.unplaced.join(', ')}` : ''}`);
  }
  const config = {
    ...TRAINING[lang].config,
    ...(values.epochs ? { epochs: Number(values.epochs) } : {}),
    ...(values['min-count'] ? { minFeatureCount: Number(values['min-count']) } : {}),
    ...(values.update === 'pa' || values.update === 'perceptron' ? { update: values.update as 'pa' | 'perceptron' } : {}),
    ...(values.c ? { aggressiveness: Number(values.c) } : {}),
    ...(values.ensemble ? { ensemble: Number(values.ensemble) } : {}),
    ...(values.window ? { documentWindow: Number(values.window) } : {}),
    ...(values.folds ? { folds: Number(values.folds) } : {}),
    ...(values.neighbours ? { documentNeighbours: true } : {}),
    ...(values.config ? (JSON.parse(values.config) as object) : {}),
  };
  const started = performance.now();
  const corpus = files.map((name) => ({ name, text: readFileSync(join(values.data, 'ner', name), 'utf8') }));
  const result = trainLanguage(lang, corpus, config, lexicon, lexiconSha256, (line) => console.log(line), sets);
  const path = join(outDir, modelFileName(lang));
  writeFileSync(path, result.bytes);
  const docPath = join(outDir, docModelFileName(lang));
  if (result.docBytes) writeFileSync(docPath, result.docBytes);
  else rmSync(docPath, { force: true });
  const secs = (performance.now() - started) / 1000;
  const features = result.model.first.names.length + (result.model.document?.names.length ?? 0);
  const bytes = result.bytes.length + (result.docBytes?.length ?? 0);
  const written = result.docBytes ? `${path} + ${docModelFileName(lang)}` : path;
  console.log(`${lang}: ${features} features, ${(bytes / 1e6).toFixed(2)} MB → ${written} (${secs.toFixed(1)} s)`);
  console.log(`${lang} dev (entity-level exact match):`);
  const rows = { ...result.dev, 'PER/ORG/LOC (no MISC)': scoresWithout(result.dev, ['MISC']) };
  for (const [type, s] of Object.entries(rows)) {
    console.log(`  ${type.padEnd(4)}  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (gold ${s.gold}, predicted ${s.pred})`);
  }
}

// Checksums of every committed model (sha256sum format), checked by the tests.
const lines = [...(['ar', 'en'] as const).flatMap((lang) => [modelFileName(lang), docModelFileName(lang)]), LEXICON_FILE].map((name) => {
  try {
    return `${createHash('sha256').update(readFileSync(join(outDir, name))).digest('hex')}  ${name}`;
  } catch {
    return null;
  }
});
writeFileSync(join(outDir, 'ner-models.sha256'), `${lines.filter((l) => l !== null).join('\n')}\n`);
