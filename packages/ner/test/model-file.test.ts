import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, docModelFileName, LEXICON_FILE, loadModelLexicon, loadNerModel, modelFileName, TRAINING } from '../src/eval.ts';
import { loadArticleSet } from '../src/data-files.ts';
import { loadCommittedModel, sharedData } from './model-helpers.ts';

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

describe('committed model files', () => {
  const manifest = readFileSync(dataFile('ner-models.sha256'), 'utf8');

  it.each(['ar', 'en'] as const)('%s: checksums match ner-models.sha256 and the files stay under 30 MB', (lang) => {
    const names = [modelFileName(lang), ...((TRAINING[lang].config.documentWindow ?? 0) > 0 ? [docModelFileName(lang)] : [])];
    let total = 0;
    for (const name of names) {
      const bytes = readFileSync(dataFile(name));
      total += bytes.length;
      expect(manifest).toContain(`${sha256(bytes)}  ${name}`);
    }
    expect(total).toBeLessThan(30e6);
    // No stale document pass beside a language trained without one.
    if (names.length === 1) expect(manifest).not.toContain(docModelFileName(lang));
  });

  it.each(['ar', 'en'] as const)('%s: the document pass, when there is one, was trained with the same config and data', (lang) => {
    const model = loadNerModel(dataFile(''), lang);
    expect(model.window).toBe(TRAINING[lang].config.documentWindow ?? 0);
    if (model.document) {
      expect(model.document.meta.config).toEqual(TRAINING[lang].config);
      expect(model.document.meta.files).toEqual(model.first.meta.files);
      expect(model.document.meta.lexicon).toEqual({ [LEXICON_FILE]: loadModelLexicon(dataFile('')).sha256 });
      expect(model.document.tags).toEqual(model.first.tags);
    }
  });

  it.each(['ar', 'en'] as const)('%s: metadata matches the training config, corpora and lexicon files', (lang) => {
    const { meta, lang: modelLang, tags } = loadCommittedModel(lang);
    expect(modelLang).toBe(lang);
    expect(meta.config).toEqual(TRAINING[lang].config);
    expect(meta.files.map((f) => f.name)).toEqual([...TRAINING[lang].files, ...TRAINING[lang].articles]);
    for (const f of meta.files.slice(0, TRAINING[lang].files.length)) {
      expect(sha256(readFileSync(join(sharedData, 'ner', f.name), 'utf8')), f.name).toBe(f.sha256);
      expect(f.dev).toBeGreaterThan(0);
    }
    // The article sets as they were trained on (gold is never edited, so they cannot drift).
    for (const f of meta.files.slice(TRAINING[lang].files.length)) {
      const set = loadArticleSet(f.name, lang);
      expect(set.sha256, f.name).toBe(f.sha256);
      expect({ train: f.train, dev: f.dev }).toEqual({ train: set.documents.reduce((n, d) => n + d.length, 0), dev: 0 });
    }
    // The features read the lexicon file written with the models (from kb.tsv, places.tsv and
    // person-name-tokens.tsv as they were then); editing those files needs no retraining.
    expect(meta.lexicon).toEqual({ [LEXICON_FILE]: loadModelLexicon(dataFile('')).sha256 });
    expect(tags).toEqual(expect.arrayContaining(['O', 'B-PER', 'I-PER', 'B-ORG', 'B-LOC']));
    expect(meta.dev['ALL']?.f1).toBeGreaterThan(0.5);
  });
});
