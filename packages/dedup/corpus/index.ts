export { corpusDocuments, shuffled, BASE_STORIES } from './generate.ts';
export { scoreClusters, evaluateIndex, type PairwiseScore } from './evaluate.ts';
export type { BaseStory, CorpusDocument, VariantKind } from './types.ts';
