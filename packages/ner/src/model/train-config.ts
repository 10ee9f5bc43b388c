import type { TrainConfig } from './sequence-model.ts';
import type { ModelLang } from './features.ts';

/**
 * What `pnpm train:ner` trains: the corpus files (under the shared data folder's `ner/`) and the
 * settings per language. The committed models record this; a test checks they still agree.
 */
export interface TrainingData {
  /** CoNLL files under the shared data folder's `ner/`; the last `devFraction` of each is the dev split. */
  readonly files: readonly string[];
  /**
   * Hand-annotated article sets (`test/fixtures/<name>/`, this language's articles) trained on
   * whole: modern news in Khabar's own annotation, cut into the pieces the tagger gives the model.
   */
  readonly articles: readonly string[];
  readonly config: TrainConfig;
}

/**
 * Every article set but the newest: each was first scored blind, then fixed against, and is now
 * training data too. The newest, articles-blind41 (written during session 32 for a later
 * session's honest figures), stays out.
 * `articles-train*` were written as training data only (each scored once by the tagger of its day before it was trained on).
 */
const ARTICLE_SETS = [
  'articles',
  ...['', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '40'].map((n) => `articles-blind${n}`),
  ...Array.from({ length: 161 }, (_, i) => `articles-train${i + 1}`),
];

/**
 * Articles of training sets held out of training (`set/file.json`): a training article written at
 * the same time as a sealed blind set that shares a topic with it waits here until that set has
 * been scored. None waits now: blind40 is scored and in training, and articles-blind41 was written
 * (session 32) around every existing article's topic.
 */
export const HELD_OUT_ARTICLES: ReadonlySet<string> = new Set<string>([]);

/**
 * Feature templates the models learn twice, shared and per domain (the corpora, the article
 * sets), so the two annotations' disagreements (ANERcorp's «غزة» inside «قطاع غزة», its
 * currencies as MISC) stay apart: `domainFeatures` (src/model/features.ts). Measured in ADR 0004.
 */
const DOMAIN_TEMPLATES = ['b', 'w=', 's=', 'w-1=', 'w+1=', 's-1=', 's+1=', 'lx=', 'lx-1=', 'lx+1=', 'cl=', 'sh='];

export const TRAINING: Readonly<Record<ModelLang, TrainingData>> = {
  ar: {
    files: ['anercorp-train.txt'],
    articles: ARTICLE_SETS,
    config: { epochs: 12, seed: 20261128, minFeatureCount: 2, devFraction: 0.1, documentWindow: 20, folds: 5, scheme: 'bioes', ensemble: 3, domainFeatures: DOMAIN_TEMPLATES },
  },
  en: {
    files: ['en-uner-pud.txt', 'en-uner-ewt.txt', 'en-gum-silver.txt'],
    articles: ARTICLE_SETS,
    config: { epochs: 12, seed: 20261128, minFeatureCount: 2, devFraction: 0.1, documentWindow: 20, folds: 5, ensemble: 3 },
  },
};

export const modelFileName = (lang: ModelLang): string => `ner-${lang}.model.gz`;
/** The document pass (see document-pass.ts), for languages whose config has `documentWindow`. */
export const docModelFileName = (lang: ModelLang): string => `ner-${lang}.doc.model.gz`;
