import { findSharedData } from '../src/shared-data.ts';
import { readFileSync } from 'node:fs';
import { dataFile, modelFileName, parseModel, type SequenceModel } from '../src/eval.ts';

const cache = new Map<string, SequenceModel>();

export function loadCommittedModel(lang: 'ar' | 'en'): SequenceModel {
  let m = cache.get(lang);
  if (!m) {
    m = parseModel(readFileSync(dataFile(modelFileName(lang))));
    cache.set(lang, m);
  }
  return m;
}

/** The shared corpora (tests may read them): KHABAR_SHARED_DATA or ../shared/data beside the checkout. */
export const sharedData = findSharedData();
