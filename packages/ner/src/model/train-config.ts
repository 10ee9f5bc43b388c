import type { TrainConfig } from './sequence-model.ts';
import type { ModelLang } from './features.ts';

/**
 * What `pnpm train:ner` trains: the corpus files (under the shared data folder's `ner/`) and the
 * settings per language. The committed models record this; a test checks they still agree.
 */
export const TRAINING: Readonly<Record<ModelLang, { readonly files: readonly string[]; readonly config: TrainConfig }>> = {
  ar: {
    files: ['anercorp-train.txt'],
    config: { epochs: 12, seed: 20261128, minFeatureCount: 2, devFraction: 0.1, documentWindow: 20, folds: 5 },
  },
  en: {
    files: ['en-uner-pud.txt', 'en-uner-ewt.txt', 'en-gum-silver.txt'],
    config: { epochs: 12, seed: 20261128, minFeatureCount: 2, devFraction: 0.1, documentWindow: 20, folds: 5, ensemble: 3 },
  },
};

export const modelFileName = (lang: ModelLang): string => `ner-${lang}.model.gz`;
/** The document pass (see document-pass.ts), for languages whose config has `documentWindow`. */
export const docModelFileName = (lang: ModelLang): string => `ner-${lang}.doc.model.gz`;
