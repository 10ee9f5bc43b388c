import { createHash } from 'node:crypto';
import { EntityScorer, parseConll, splitDev, type DocumentSet, type Scores, type Sentence } from './conll.ts';
import { contextFeatures, decodeDocument, documentContext, typesOf, type NerModel } from './document-pass.ts';
import { CORPUS_DOMAIN, featureGroupsOf, infoOf, NEWS_DOMAIN, sentenceFeatures, type ModelLang } from './features.ts';
import type { Lexicon } from './lexicon.ts';
import { createModel, decode, parseModel, serializeModel, weightAt, type ModelMeta, type SequenceModel, type TrainConfig } from './sequence-model.ts';
import { trainPerceptron, type TrainingSentence } from './train-perceptron.ts';
import { toBioes } from './viterbi.ts';

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

export interface TrainResult {
  readonly model: NerModel;
  /** The gzipped model files, as committed: the sentence pass, and the document pass or null. */
  readonly bytes: Buffer;
  readonly docBytes: Buffer | null;
  readonly dev: Record<string, Scores>;
}

/**
 * Entity-level exact-match scores on documents (each a run of consecutive sentences, e.g. one
 * corpus file's dev split): the sentence pass, then the document pass when the model has one.
 * The documents are the corpora's: a model with domain copies reads them as that domain.
 */
export function evaluate(model: NerModel, documents: readonly (readonly Sentence[])[], lexicon: Lexicon): Record<string, Scores> {
  const scorer = new EntityScorer();
  for (const doc of documents) {
    const tags = decodeDocument(model, doc.map((s) => s.tokens.map((w) => infoOf(w, lexicon))), CORPUS_DOMAIN);
    doc.forEach((s, i) => scorer.add(s.tags, tags[i] ?? []));
  }
  return scorer.scores();
}

/** Sentence boundaries of consecutive groups: `[0, a), [a, b), ...` for groups of the given sizes. */
function groupsOf<T>(items: readonly T[], sizes: readonly number[]): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (const n of sizes) {
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

/**
 * Splits each file (last `devFraction` of its sentences = dev), trains on the rest, and scores
 * the dev part with the model as it will be loaded (weights rounded by serialisation).
 *
 * With `documentWindow`, a second model is trained whose features include the first pass's tags
 * of the same word elsewhere in the document. Those tags come from `folds` first-pass models each
 * trained without the fold it tags (jackknifing), so the document model learns how far to trust
 * first-pass tags on unseen text rather than on its own training sentences.
 */
export function trainLanguage(
  lang: ModelLang,
  files: readonly CorpusFile[],
  config: TrainConfig,
  lexicon: Lexicon,
  lexiconSha256: Record<string, string>,
  log: (line: string) => void = () => {},
  documentSets: readonly DocumentSet[] = [],
): TrainResult {
  const trainFiles: Sentence[][] = [];
  const devFiles: Sentence[][] = [];
  const fileMeta = files.map((f) => {
    const split = splitDev(parseConll(f.text), config.devFraction);
    trainFiles.push(split.train);
    devFiles.push(split.dev);
    const sha256 = createHash('sha256').update(f.text, 'utf8').digest('hex');
    return { name: f.name, sha256, train: split.train.length, dev: split.dev.length };
  });
  for (const set of documentSets) {
    for (const doc of set.documents) trainFiles.push([...doc]);
    fileMeta.push({ name: set.name, sha256: set.sha256, train: set.documents.reduce((n, d) => n + d.length, 0), dev: 0 });
  }
  const drop = new Set(config.dropTypes ?? []);
  const dropped = (s: Sentence): Sentence =>
    s.tags.some((t) => t !== 'O' && drop.has(t.slice(2))) ? { tokens: s.tokens, tags: s.tags.map((t) => (t !== 'O' && drop.has(t.slice(2)) ? 'O' : t)) } : s;
  const bioes = config.scheme === 'bioes';
  const train = trainFiles
    .flat()
    .map(dropped)
    .map((s) => (bioes ? { tokens: s.tokens, tags: toBioes(s.tags) } : s));
  const groups = featureGroupsOf(config);
  log(`${lang}: ${train.length} training sentences, ${devFiles.flat().length} dev sentences`);
  const meta = { files: fileMeta, lexicon: lexiconSha256, dev: {} };
  const fit = (data: readonly TrainingSentence[], what: string): SequenceModel =>
    trainMembers(data, lang, config, meta, (line) => log(`${lang}: ${what}${line}`));

  // The corpus files' sentences come first, then the article sets'.
  const corpusSentences = trainFiles.slice(0, files.length).reduce((n, f) => n + f.length, 0);
  const domainOf = (i: number): string => (i < corpusSentences ? CORPUS_DOMAIN : NEWS_DOMAIN);
  const infos = train.map((s) => s.tokens.map((w) => infoOf(w, lexicon)));
  const data = train.map((s, i) => ({ feats: sentenceFeatures(s.tokens, lang, lexicon, undefined, groups, domainOf(i)), tags: s.tags }));
  const first = parseModel(serializeModel(fit(data, '')));

  const window = config.documentWindow ?? 0;
  const neighbours = config.documentNeighbours === true;
  let document: SequenceModel | null = null;
  if (window > 0) {
    const folds = Math.max(2, config.folds ?? 5);
    const firstTypes: string[][] = new Array<string[]>(train.length);
    for (let k = 0; k < folds; k++) {
      const lo = Math.floor((k * train.length) / folds);
      const hi = Math.floor(((k + 1) * train.length) / folds);
      const m = fit([...data.slice(0, lo), ...data.slice(hi)], `fold ${k + 1}/${folds}, `);
      for (let i = lo; i < hi; i++) firstTypes[i] = typesOf(decode(m, infos[i] ?? [], domainOf(i)));
    }
    const sizes = trainFiles.map((f) => f.length);
    const context = groupsOf(train, sizes).flatMap((group, g) => {
      const offset = sizes.slice(0, g).reduce((a, b) => a + b, 0);
      return documentContext(
        group.map((_, i) => (infos[offset + i] ?? []).map((x) => x.stem)),
        group.map((_, i) => firstTypes[offset + i] ?? []),
        window,
      );
    });
    const data2 = train.map((s, i) => ({ feats: sentenceFeatures(s.tokens, lang, lexicon, contextFeatures(context[i] ?? [], neighbours), groups, domainOf(i)), tags: s.tags }));
    document = parseModel(serializeModel(fit(data2, 'document pass, ')));
  }

  const scores = evaluate({ first, document, window, neighbours }, devFiles, lexicon);
  const devMeta: Record<string, { precision: number; recall: number; f1: number }> = {};
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  for (const [t, s] of Object.entries(scores)) devMeta[t] = { precision: r4(s.precision), recall: r4(s.recall), f1: r4(s.f1) };
  // Both files record the scores of the whole (both passes).
  const withDev = (m: SequenceModel): SequenceModel => ({ ...m, meta: { ...m.meta, dev: devMeta } });
  const model: NerModel = { first: withDev(first), document: document ? withDev(document) : null, window, neighbours };
  return {
    model,
    bytes: serializeModel(model.first),
    docBytes: model.document ? serializeModel(model.document) : null,
    dev: scores,
  };
}

/**
 * `config.ensemble` perceptrons trained with seeds seed, seed + 1, ... and averaged into one
 * linear model (the same size and speed as one model, less dependent on the shuffling order).
 */
function trainMembers(
  data: readonly TrainingSentence[],
  lang: ModelLang,
  config: TrainConfig,
  meta: Omit<ModelMeta, 'config' | 'features'>,
  log: (line: string) => void,
): SequenceModel {
  const members = Math.max(1, config.ensemble ?? 1);
  const runs: SequenceModel[] = [];
  for (let k = 0; k < members; k++) {
    const label = members > 1 ? `member ${k + 1}/${members}, ` : '';
    runs.push(trainPerceptron(data, lang, { ...config, seed: config.seed + k }, meta, (epoch, mistakes) => log(`${label}epoch ${epoch}: ${mistakes} token errors`)));
  }
  const only = runs[0];
  if (runs.length === 1 && only) return { ...only, meta: { ...only.meta, config } };
  return averageModels(runs, config);
}

function averageModels(runs: readonly SequenceModel[], config: TrainConfig): SequenceModel {
  const first = runs[0];
  if (!first) throw new Error('no models to average');
  const T = first.tags.length;
  const sums = new Map<string, Float64Array>();
  const transitions = new Float32Array(first.transitions.length);
  for (const m of runs) {
    m.names.forEach((name, r) => {
      let row = sums.get(name);
      if (!row) {
        row = new Float64Array(T);
        sums.set(name, row);
      }
      for (let t = 0; t < T; t++) row[t] = (row[t] ?? 0) + weightAt(m, r * T + t) / runs.length;
    });
    m.transitions.forEach((x, k) => (transitions[k] = (transitions[k] ?? 0) + x / runs.length));
  }
  const names = [...sums.keys()].sort();
  const weights = new Float32Array(names.length * T);
  names.forEach((name, r) => weights.set(sums.get(name) ?? new Float64Array(T), r * T));
  return createModel({ lang: first.lang, tags: first.tags, names, weights, transitions, meta: { ...first.meta, config, features: names.length } });
}
