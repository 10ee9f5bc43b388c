import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFeature, HashSink, StringSink } from '../src/model/feature-hash.ts';
import { emitFeatures, infoOf } from '../src/model/features.ts';
import { EntityScorer, parseConll, spansOf, splitDev } from '../src/model/conll.ts';
import { buildLexicon } from '../src/model/lexicon.ts';
import { decode, parseModel } from '../src/model/sequence-model.ts';
import { trainLanguage } from '../src/model/train-language.ts';
import { sharedData } from './model-helpers.ts';

const lexicon = buildLexicon([], new Set(['سامي']));

/** The first sentences of each corpus: enough to exercise training in about a second. */
function slice(name: string, sentences: number): { name: string; text: string } {
  const text = readFileSync(join(sharedData, 'ner', name), 'utf8');
  return { name, text: text.split(/\n\s*\n/).slice(0, sentences).join('\n\n') };
}

describe('training on a tiny slice', () => {
  const config = { epochs: 3, seed: 7, minFeatureCount: 1, devFraction: 0.2 };

  it('learns its training sentences and is reproducible byte for byte', () => {
    const files = [slice('anercorp-train.txt', 50)];
    const a = trainLanguage('ar', files, config, lexicon, { 'kb.tsv': 'x' });
    const b = trainLanguage('ar', files, config, lexicon, { 'kb.tsv': 'x' });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    expect(a.model.meta.files[0]).toMatchObject({ name: 'anercorp-train.txt', train: 40, dev: 10 });
    expect(a.model.meta.dev['ALL']).toBeDefined();

    const loaded = parseModel(a.bytes);
    const train = splitDev(parseConll(files[0]?.text ?? ''), config.devFraction).train;
    const scorer = new EntityScorer();
    for (const s of train) scorer.add(s.tags, decode(loaded, s.tokens.map((w) => infoOf(w, lexicon))));
    expect(scorer.scores()['ALL']?.f1).toBeGreaterThan(0.8);
  });

  it('a different seed gives a different model', () => {
    const files = [slice('en-uner-pud.txt', 40)];
    const a = trainLanguage('en', files, config, lexicon, {});
    const b = trainLanguage('en', files, { ...config, seed: 8 }, lexicon, {});
    expect(a.bytes.equals(b.bytes)).toBe(false);
  });
});

describe('pieces', () => {
  it('hashes streamed feature parts like the joined string', () => {
    const words = ['وقال', 'سامي', 'الخطيب', '(', 'Reuters', ')'];
    const strings = new StringSink();
    const hashes = new HashSink();
    const infos = words.map((w) => infoOf(w, lexicon));
    emitFeatures(infos, 'ar', strings);
    emitFeatures(infos, 'ar', hashes);
    hashes.finish();
    expect(hashes.hashes).toEqual(strings.tokens.flat().map(hashFeature));
    expect(strings.tokens[1]).toContain('lx=nm');
    expect(strings.tokens[0]).toContain('cl=و');
  });

  it('reads BIO spans the CoNLL way and scores exact matches only', () => {
    expect(spansOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'B-ORG'])).toEqual([
      { first: 0, last: 1, type: 'PER' },
      { first: 3, last: 3, type: 'LOC' },
      { first: 4, last: 4, type: 'ORG' },
      { first: 5, last: 5, type: 'ORG' },
    ]);
    const scorer = new EntityScorer();
    scorer.add(['B-PER', 'I-PER', 'O', 'B-LOC'], ['B-PER', 'O', 'O', 'B-LOC']);
    const all = scorer.scores()['ALL'];
    expect(all).toMatchObject({ tp: 1, pred: 2, gold: 2, precision: 0.5, recall: 0.5 });
    expect(parseConll('a B-PERS\nb O\n\nc B-LOC\n')).toEqual([
      { tokens: ['a', 'b'], tags: ['B-PER', 'O'] },
      { tokens: ['c'], tags: ['B-LOC'] },
    ]);
  });
});
