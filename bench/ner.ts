import { findSharedData } from '../packages/ner/src/shared-data.ts';
/**
 * pnpm bench:ner — the statistical NER models on their development splits (the last 10 % of
 * each training file's sentences, never trained on; entity-level CoNLL exact match, per type and
 * overall, Arabic and English separately), their speed and the full tagger's (each measured in a
 * child process that does only that, bench/ner-speed.ts), and the full
 * tagger (KB + gazetteer + title rules + model + linking) on the hand-annotated articles in
 * packages/ner/test/fixtures/articles (written beside the tagger), articles-blind … -blind26 (each
 * written and annotated by someone who never saw the tagger's code or output; all but the newest
 * have since been used to train the tagger's models): entities found (by id and type), mentions
 * linked, and every mention scored as the dev splits score the model (CoNLL exact match on offsets
 * and type, against each occurrence of the gold names: `goldMentions`).
 * The last line printed is one JSON object with every figure.
 *
 *   node bench/ner.ts [--data /work/shared/data] [--articles-only] [--kb extended-kb.tsv] [--models dir] [--sets a,b]
 *
 * `--articles-only` skips the dev splits and speed; `--kb` tags with another knowledge base (as the
 * tagger service's KHABAR_NER_KB_PATH does), to measure an extended KB before deploying it;
 * `--models` reads models and their lexicon from `train:ner --out dir` (to compare trainings).
 * `--sets articles-train17,…` scores only those folders of test/fixtures (implies --articles-only):
 * a new training set is scored once by the tagger of its day before it is trained on.
 * The models are trained on every article set but the newest (src/model/train-config.ts), so only
 * that one still measures unseen text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createTagger } from '../packages/ner/src/index.ts';
import {
  bioTexts,
  CORPUS_DOMAIN,
  countsOf,
  dataFile,
  decodeDocument,
  EntityScorer,
  goldMentions,
  infoOf,
  loadModelLexicon,
  loadNerModel,
  parseConll,
  scoreArticle,
  scoreOnBio,
  scoresWithout,
  splitDev,
  tokenF1,
  TRAINING,
  type GoldArticle,
  type Scores,
  type Sentence,
} from '../packages/ner/src/eval.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: findSharedData() },
    'articles-only': { type: 'boolean', default: false },
    sets: { type: 'string' },
    kb: { type: 'string' },
    // A folder of trained models and their lexicon (as `train:ner --out` writes), instead of packages/ner/data.
    models: { type: 'string' },
  },
});
const modelDir = values.models ?? dataFile('');

// The dev splits are decoded with the lexicon the models were trained with, as the tagger does.
const { lexicon } = loadModelLexicon(modelDir);
// What a loaded tagger holds outside the JS heap (models, tables: array buffers), both languages
// loaded by one short text each; measured after full collections, so the gunzipped model files
// and other garbage of loading are not counted.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
collect();
collect();
const buffersBefore = process.memoryUsage().arrayBuffers;
const tagger = createTagger({ ...(values.kb ? { kbPath: values.kb } : {}), ...(values.models ? { modelDir } : {}) });
tagger.tag('Test.', 'en');
tagger.tag('اختبار.', 'ar');
// (Array buffers' backing stores are freed by the collection after the one that finds them dead.)
collect();
collect();
const taggerArrayMb = Math.round((process.memoryUsage().arrayBuffers - buffersBefore) / 104857.6) / 10;
const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
const r4 = (x: number): number => Math.round(x * 10000) / 10000;
const brief = (s: Scores | undefined): { p: number; r: number; f1: number } => ({ p: r4(s?.precision ?? 0), r: r4(s?.recall ?? 0), f1: r4(s?.f1 ?? 0) });

function printScores(title: string, scores: Record<string, Scores>): void {
  console.log(title);
  for (const [type, s] of Object.entries(scores)) {
    console.log(`  ${type.padEnd(4)}  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (gold ${s.gold}, predicted ${s.pred})`);
  }
}

/** Child processes per speed figure: this host has slow spells of several seconds, so one run can be an outlier. */
const SPEED_RUNS = 3;

/**
 * Tokens per CPU-second of one core, model alone and full tagger, per language: measured by
 * bench/ner-speed.ts in a child process that does nothing else, as a tagger worker (see there why),
 * SPEED_RUNS times; the median, and every run for the range.
 */
function speeds(what: 'tagger' | 'model'): Record<'ar' | 'en', { median: number; runs: number[] }> {
  const args = [fileURLToPath(new URL('ner-speed.ts', import.meta.url)), '--what', what, '--data', values.data];
  if (values.kb) args.push('--kb', values.kb);
  if (values.models) args.push('--models', modelDir);
  const runs = Array.from({ length: SPEED_RUNS }, () => {
    const out = execFileSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<'ar' | 'en', number>;
  });
  const of = (lang: 'ar' | 'en'): { median: number; runs: number[] } => {
    const sorted = runs.map((r) => r[lang]).sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, runs: sorted };
  };
  return { ar: of('ar'), en: of('en') };
}

const figures: Record<string, unknown> = {};
if (!values['articles-only'] && values.sets === undefined) {
  console.log(`tagger loaded (both languages, models and tables): ${taggerArrayMb} MB of array buffers`);
  figures['taggerArrayMb'] = taggerArrayMb;
}
// The tagger as the CLI reads text by default (corpus-shaped text as corpus text), loaded once for
// both languages' dev splits.
let asCliTagger: ReturnType<typeof createTagger> | undefined;
let modelSpeeds: ReturnType<typeof speeds> | undefined;
let taggerSpeeds: ReturnType<typeof speeds> | undefined;
for (const lang of values['articles-only'] || values.sets !== undefined ? [] : (['ar', 'en'] as const)) {
  const model = loadNerModel(modelDir, lang);
  const all = new EntityScorer();
  const perFile: Record<string, { p: number; r: number; f1: number }> = {};
  const perFileNoMisc: Record<string, { p: number; r: number; f1: number }> = {};
  const dev: Sentence[] = [];
  // Each file's dev split is one document for the document pass (consecutive sentences).
  const decodeFile = (sentences: readonly Sentence[]): string[][] =>
    decodeDocument(model, sentences.map((s) => s.tokens.map((w) => infoOf(w, lexicon))), CORPUS_DOMAIN);
  for (const name of TRAINING[lang].files) {
    const split = splitDev(parseConll(readFileSync(join(values.data, 'ner', name), 'utf8')), TRAINING[lang].config.devFraction);
    const one = new EntityScorer();
    const tagged = decodeFile(split.dev);
    split.dev.forEach((s, i) => {
      one.add(s.tags, tagged[i] ?? []);
      all.add(s.tags, tagged[i] ?? []);
    });
    perFile[name] = brief(one.scores()['ALL']);
    perFileNoMisc[name] = brief(scoresWithout(one.scores(), ['MISC']));
    console.log(`${lang} ${name}: ${split.dev.length} dev sentences, F1 ${pct(perFile[name].f1)} (PER/ORG/LOC only ${pct(perFileNoMisc[name].f1)})`);
    dev.push(...split.dev);
  }
  const scores = all.scores();
  const noMisc = scoresWithout(scores, ['MISC']);
  printScores(`${lang} model on the dev split (entity-level exact match${model.document ? `, sentence + document pass, window ±${model.window}` : ''}):`, {
    ...scores,
    'PER/ORG/LOC (no MISC, as published)': noMisc,
  });

  const tokens = dev.reduce((n, s) => n + s.tokens.length, 0);
  modelSpeeds ??= speeds('model');
  taggerSpeeds ??= speeds('tagger');
  const modelTps = modelSpeeds[lang].median;
  const taggerTps = taggerSpeeds[lang].median;
  console.log(
    `${lang} speed: model ${modelTps} tokens/s, full tagger ${taggerTps} tokens/s (one core, ${tokens} tokens; median of ${SPEED_RUNS} processes, full tagger ${taggerSpeeds[lang].runs.join(' / ')})`,
  );

  // The whole tagger on the same dev sentences, as an outside evaluator scores the CLI (sentences
  // joined into texts of 25; CoNLL exact match on the corpus's tokens): read as the CLI reads them
  // by default (corpus-shaped text as corpus text) and as the pipeline reads news.
  const wholeTagger: Record<string, { all: number; perOrgLoc: number }> = {};
  asCliTagger ??= createTagger({ ...(values.kb ? { kbPath: values.kb } : {}), ...(values.models ? { modelDir } : {}), modelDomain: 'auto' });
  for (const [reading, t] of [['cli', asCliTagger], ['news', tagger]] as const) {
    const { counts } = scoreOnBio(bioTexts(dev), (text) => t.tag(text, lang).mentions);
    wholeTagger[reading] = { all: r4(tokenF1(countsOf(counts, ['ALL'])).f1), perOrgLoc: r4(tokenF1(countsOf(counts, ['PER', 'ORG', 'LOC'])).f1) };
  }
  console.log(
    `${lang} whole tagger on the dev split, token-exact F1 (PER/ORG/LOC): as the CLI reads it by default ${pct(wholeTagger['cli']?.all ?? 0)} (${pct(wholeTagger['cli']?.perOrgLoc ?? 0)}); read as news ${pct(wholeTagger['news']?.all ?? 0)} (${pct(wholeTagger['news']?.perOrgLoc ?? 0)})`,
  );

  const byType: Record<string, { p: number; r: number; f1: number }> = {};
  for (const [type, s] of Object.entries(scores)) byType[type] = brief(s);
  figures[lang] = { dev: byType, devNoMisc: brief(noMisc), devByFile: perFile, devByFileNoMisc: perFileNoMisc, devSentences: dev.length, devTokens: tokens, modelTokensPerSec: modelTps, taggerTokensPerSec: taggerTps, taggerTokensPerSecRuns: taggerSpeeds[lang].runs, wholeTaggerDev: wholeTagger };
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const idsOf = (tsv: string): Set<string> => new Set(tsv.split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('id\t')).map((l) => l.split('\t')[0] ?? ''));
const DATA_FILES = ['packages/ner/data/kb.tsv', 'packages/ner/data/places.tsv'];

/**
 * Ids the KB and gazetteer gained after a set's gold was written: today's ids minus those of the
 * commit that added its GOLD.sha256, or else last changed its JSON files (git history). Null when
 * that cannot be told (no git, or the set not committed yet): then the set is scored strictly.
 */
function addedSinceGold(folder: string): ((id: string) => boolean) | null {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const dir = `packages/ner/test/fixtures/${folder}`;
    // The commit that sealed a blind set's gold (added its checksums); for a set written beside the
    // tagger, the last commit that changed its gold files.
    const sealed = git('log', '--diff-filter=A', '--format=%H', '-1', '--', `${dir}/GOLD.sha256`).trim();
    const commit = sealed !== '' ? sealed : git('log', '--format=%H', '-1', '--', `${dir}/*.json`).trim();
    if (commit === '') return null;
    const then = new Set<string>();
    for (const file of DATA_FILES) for (const id of idsOf(git('show', `${commit}:${file}`))) then.add(id);
    const added = new Set<string>();
    // Today's ids: of the KB being measured (`--kb`, else the built-in one) and of the gazetteer.
    const today = DATA_FILES.map((file) => (file.endsWith('kb.tsv') && values.kb ? values.kb : join(repoRoot, file)));
    for (const file of today) for (const id of idsOf(readFileSync(file, 'utf8'))) if (!then.has(id)) added.add(id);
    return (id) => added.has(id);
  } catch {
    return null;
  }
}

/**
 * Scores the full tagger on one folder of hand-annotated articles: `articles` was written next to
 * the tagger (a dev set), `articles-blind` by a writer who never saw its code or output.
 */
function scoreArticles(folder: string, label: string): Record<string, unknown> {
  const dir = new URL(`../packages/ner/test/fixtures/${folder}/`, import.meta.url);
  const added = addedSinceGold(folder);
  if (!added) console.log(`${label}s: cannot tell which KB ids are newer than the gold (its GOLD.sha256 is not in git history): scored strictly`);
  const totals: Record<string, { gold: number; predicted: number; found: number; goldLinked: number; foundLinked: number; checked: number; linked: number; sinceGold: number }> = {};
  const mentionScorers: Record<string, EntityScorer> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as GoldArticle;
    const result = tagger.tag(gold.text, gold.lang);
    const s = scoreArticle(result, gold, added ? { addedSinceGold: added } : {});
    const asSpan = (m: { start: number; end: number; type: string }): { first: number; last: number; type: string } => ({ first: m.start, last: m.end - 1, type: m.type });
    (mentionScorers[gold.lang] ??= new EntityScorer()).addSpans(goldMentions(gold).map(asSpan), result.mentions.map(asSpan));
    const t = (totals[gold.lang] ??= { gold: 0, predicted: 0, found: 0, goldLinked: 0, foundLinked: 0, checked: 0, linked: 0, sinceGold: 0 });
    t.gold += s.gold;
    t.predicted += s.predicted;
    t.found += s.found;
    t.goldLinked += s.goldLinked;
    t.foundLinked += s.foundLinked;
    t.checked += s.mentionsChecked;
    t.linked += s.mentionsLinked;
    console.log(`${label} ${file}: ${s.found}/${s.gold} entities found, ${s.predicted - s.found} spurious, mentions linked ${s.mentionsLinked}/${s.mentionsChecked}`);
    if (s.missed.length > 0) console.log(`  missed: ${s.missed.join(', ')}`);
    if (s.spurious.length > 0) console.log(`  spurious: ${s.spurious.join(', ')}`);
    if (s.linkedSinceGold.length > 0) console.log(`  linked to KB entries added after the gold was written (counted as found): ${s.linkedSinceGold.join(', ')}`);
    t.sinceGold += s.linkedSinceGold.length;
  }
  const out: Record<string, unknown> = {};
  for (const [lang, t] of Object.entries(totals)) {
    const p = t.predicted === 0 ? 0 : t.found / t.predicted;
    const r = t.gold === 0 ? 0 : t.found / t.gold;
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    const linking = t.checked === 0 ? 0 : t.linked / t.checked;
    const linkedRecall = t.goldLinked === 0 ? 0 : t.foundLinked / t.goldLinked;
    console.log(`${label}s ${lang}: entities P ${pct(p)} R ${pct(r)} F1 ${pct(f1)}; linking accuracy ${pct(linking)} (${t.linked}/${t.checked} mentions); KB entities found ${t.foundLinked}/${t.goldLinked}; ${t.sinceGold} linked to KB entries newer than the gold`);
    // Every mention, CoNLL exact match on offsets and type: the tagger on news text as the dev splits score the model.
    const m = mentionScorers[lang]?.scores() ?? {};
    const all = m.ALL;
    const pol = scoresWithout(m, ['MISC']);
    console.log(`${label}s ${lang} mentions (exact offsets and type): P ${pct(all?.precision ?? 0)} R ${pct(all?.recall ?? 0)} F1 ${pct(all?.f1 ?? 0)} (${all?.gold ?? 0} gold, ${all?.pred ?? 0} found); PER/ORG/LOC F1 ${pct(pol.f1)}`);
    out[lang] = { p: r4(p), r: r4(r), f1: r4(f1), linkingAccuracy: r4(linking), kbEntitiesFound: r4(linkedRecall), entities: t.gold, linkedSinceGold: t.sinceGold, mentions: { ...brief(all), perOrgLocF1: r4(pol.f1) } };
  }
  return out;
}

// Every article set in the fixtures, in order: `articles`, then `articles-blind`, `-blind2`, … (a
// new blind set is scored as soon as its folder exists). Keys: articles, articlesBlind, articlesBlindN.
const fixtures = fileURLToPath(new URL('../packages/ner/test/fixtures/', import.meta.url));
const setNumber = (folder: string): number => (folder === 'articles' ? 0 : Number(folder.slice('articles-blind'.length) || '1'));
const named = values.sets?.split(',').filter((n) => n !== '');
const missing = (named ?? []).filter((n) => !existsSync(join(fixtures, n)));
if (missing.length > 0) {
  console.error(`bench/ner.ts --sets: no article set folder ${missing.map((n) => `test/fixtures/${n}`).join(', ')} (names are folders of packages/ner/test/fixtures)`);
  process.exit(2);
}
const sets = named ?? readdirSync(fixtures)
  .filter((f) => /^articles(-blind\d*)?$/u.test(f))
  .sort((a, b) => setNumber(a) - setNumber(b));
for (const folder of named ?? []) figures[folder] = scoreArticles(folder, `${folder} article`);
for (const folder of named ? [] : sets) {
  const n = setNumber(folder);
  const label = n === 0 ? 'article' : `blind${n === 1 ? '' : n} article`;
  figures[n === 0 ? 'articles' : `articlesBlind${n === 1 ? '' : n}`] = scoreArticles(folder, label);
}
console.log(JSON.stringify(figures));
