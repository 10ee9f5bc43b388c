import { createHash } from 'node:crypto';
import { EntityScorer, parseConll, splitDev, type Scores, type Sentence } from './conll.ts';
import { infoOf, sentenceFeatures, type ModelLang } from './features.ts';
import type { Lexicon } from './lexicon.ts';
import { decode, parseModel, serializeModel, type SequenceModel, type TrainConfig } from './sequence-model.ts';
import { trainPerceptron } from './train-perceptron.ts';

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
}

export interface TrainResult {
  readonly model: SequenceModel;
  /** The gzipped model file, as committed. */
  readonly bytes: Buffer;
  readonly dev: Record<string, Scores>;
}

/** Entity-level exact-match scores of a model on sentences. */
export function evaluate(model: SequenceModel, sentences: readonly Sentence[], lexicon: Lexicon): Record<string, Scores> {
  const scorer = new EntityScorer();
  for (const s of sentences) scorer.add(s.tags, decode(model, s.tokens.map((w) => infoOf(w, lexicon))));
  return scorer.scores();
}

/**
 * Splits each file (last `devFraction` of its sentences = dev), trains on the rest, and scores
 * the dev part with the model as it will be loaded (weights rounded by serialisation).
 */
export function trainLanguage(
  lang: ModelLang,
  files: readonly CorpusFile[],
  config: TrainConfig,
  lexicon: Lexicon,
  lexiconSha256: Record<string, string>,
  log: (line: string) => void = () => {},
): TrainResult {
  const train: Sentence[] = [];
  const dev: Sentence[] = [];
  const fileMeta = files.map((f) => {
    const split = splitDev(parseConll(f.text), config.devFraction);
    train.push(...split.train);
    dev.push(...split.dev);
    const sha256 = createHash('sha256').update(f.text, 'utf8').digest('hex');
    return { name: f.name, sha256, train: split.train.length, dev: split.dev.length };
  });
  log(`${lang}: ${train.length} training sentences, ${dev.length} dev sentences`);
  const data = train.map((s) => ({ feats: sentenceFeatures(s.tokens, lang, lexicon), tags: s.tags }));
  const trained = trainPerceptron(data, lang, config, { files: fileMeta, lexicon: lexiconSha256, dev: {} }, (epoch, mistakes) =>
    log(`${lang}: epoch ${epoch}: ${mistakes} token errors`),
  );
  const loaded = parseModel(serializeModel(trained));
  const scores = evaluate(loaded, dev, lexicon);
  const devMeta: Record<string, { precision: number; recall: number; f1: number }> = {};
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  for (const [t, s] of Object.entries(scores)) devMeta[t] = { precision: r4(s.precision), recall: r4(s.recall), f1: r4(s.f1) };
  const model: SequenceModel = { ...loaded, meta: { ...loaded.meta, dev: devMeta } };
  return { model, bytes: serializeModel(model), dev: scores };
}
