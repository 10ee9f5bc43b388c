/**
 * Evaluation helpers for the benchmark and scripts (`@khabar/ner/eval`): BIO corpora, the dev
 * split, entity-level scoring, the statistical model on its own, and article-level scoring.
 */
export { EntityScorer, parseConll, scoresOf, scoresWithout, spansOf, splitDev, type Scores, type Sentence, type Span } from './model/conll.ts';
export { CORPUS_DOMAIN, infoOf } from './model/features.ts';
export { buildLexicon, LEXICON_FILE, type Lexicon } from './model/lexicon.ts';
export { decode, parseModel, type SequenceModel } from './model/sequence-model.ts';
export { docModelFileName, modelFileName, TRAINING } from './model/train-config.ts';
export { decodeDocument, loadNerModel, type NerModel } from './model/document-pass.ts';
export { evaluate } from './model/train-language.ts';
export { dataFile, loadLexiconData, loadModelLexicon } from './data-files.ts';
export { scoreArticle, type ArticleScore, type GoldArticle } from './article-score.ts';
export { goldMentions, type GoldMention } from './article-corpus.ts';
export { unlinkedId } from './entity-id.ts';
export { bioTexts, countsOf, overlapF1, scoreOnBio, tokenF1, type BioCounts, type BioError, type BioSpan, type BioText } from './bio-eval.ts';
