import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFile, loadLexiconData, modelFileName, TRAINING } from '../src/eval.ts';
import { loadCommittedModel, sharedData } from './model-helpers.ts';

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

describe('committed model files', () => {
  const manifest = readFileSync(dataFile('ner-models.sha256'), 'utf8');

  it.each(['ar', 'en'] as const)('%s: checksum matches ner-models.sha256 and stays under 30 MB', (lang) => {
    const bytes = readFileSync(dataFile(modelFileName(lang)));
    expect(bytes.length).toBeLessThan(30e6);
    expect(manifest).toContain(`${sha256(bytes)}  ${modelFileName(lang)}`);
  });

  it.each(['ar', 'en'] as const)('%s: metadata matches the training config, corpora and lexicon files', (lang) => {
    const { meta, lang: modelLang, tags } = loadCommittedModel(lang);
    expect(modelLang).toBe(lang);
    expect(meta.config).toEqual(TRAINING[lang].config);
    expect(meta.files.map((f) => f.name)).toEqual(TRAINING[lang].files);
    for (const f of meta.files) {
      expect(sha256(readFileSync(join(sharedData, 'ner', f.name), 'utf8')), f.name).toBe(f.sha256);
      expect(f.dev).toBeGreaterThan(0);
    }
    // The features read kb.tsv, places.tsv and person-name-tokens.tsv: editing them means retraining.
    expect(meta.lexicon).toEqual(loadLexiconData().sha256);
    expect(tags).toEqual(expect.arrayContaining(['O', 'B-PER', 'I-PER', 'B-ORG', 'B-LOC']));
    expect(meta.dev['ALL']?.f1).toBeGreaterThan(0.5);
  });
});
