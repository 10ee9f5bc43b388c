import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFeature, HashSink, hashUtf8, StringSink } from '../src/model/feature-hash.ts';
import { emitFeatures, infoOf } from '../src/model/features.ts';
import { EntityScorer, parseConll, spansOf, splitDev } from '../src/model/conll.ts';
import { buildLexicon } from '../src/model/lexicon.ts';
import { contextFeatures, decodeDocument, documentContext } from '../src/model/document-pass.ts';
import { decode, parseModel, serializeModel, weightAt } from '../src/model/sequence-model.ts';
import { evaluate, trainLanguage } from '../src/model/train-language.ts';
import { allowedTransitions, toBio, toBioes } from '../src/model/viterbi.ts';
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
    expect(a.model.first.meta.files[0]).toMatchObject({ name: 'anercorp-train.txt', train: 40, dev: 10 });
    expect(a.model.first.meta.dev['ALL']).toBeDefined();
    expect(a.docBytes).toBeNull();

    const loaded = parseModel(a.bytes);
    const train = splitDev(parseConll(files[0]?.text ?? ''), config.devFraction).train;
    const scorer = new EntityScorer();
    for (const s of train) scorer.add(s.tags, decode(loaded, s.tokens.map((w) => infoOf(w, lexicon))));
    expect(scorer.scores()['ALL']?.f1).toBeGreaterThan(0.8);
  });

  it('loads weights as 16-bit integers, keeping the few that do not fit exactly', () => {
    const files = [slice('anercorp-train.txt', 50)];
    const a = trainLanguage('ar', files, config, lexicon, {});
    const loaded = parseModel(a.bytes);
    expect(loaded.weights).toBeInstanceOf(Int16Array);
    // The file, read back and written again, is the same file: no weight lost or rounded.
    expect(serializeModel(loaded).equals(a.bytes)).toBe(true);
    // A weight beyond ±32.767 survives the round trip too.
    const T = loaded.tags.length;
    const big = { ...loaded, weights: Float32Array.from(loaded.weights, (_, k) => (k === T ? 41.5 : k === T + 1 ? -50.25 : weightAt(loaded, k))), weightUnit: 1, weightOverflow: undefined };
    const reloaded = parseModel(serializeModel(big));
    expect(weightAt(reloaded, T)).toBeCloseTo(41.5, 6);
    expect(weightAt(reloaded, T + 1)).toBeCloseTo(-50.25, 6);
    expect(reloaded.weightOverflow?.size).toBe(2);
  });

  it('trains on article documents whole: recorded with their set, never in the dev split', () => {
    const files = [slice('anercorp-train.txt', 30)];
    const article = { tokens: ['قال', 'سامي', 'الخطيب', 'في', 'عمان'], tags: ['O', 'B-PER', 'I-PER', 'O', 'B-LOC'] };
    const set = { name: 'articles-x', sha256: 'ab', documents: [[article, article], [article]] };
    const a = trainLanguage('ar', files, config, lexicon, {}, () => {}, [set]);
    expect(a.model.first.meta.files).toEqual([
      expect.objectContaining({ name: 'anercorp-train.txt', train: 24, dev: 6 }),
      { name: 'articles-x', sha256: 'ab', train: 3, dev: 0 },
    ]);
    const plain = trainLanguage('ar', files, config, lexicon, {});
    // Same dev split scored, different training data.
    expect(a.dev['ALL']?.gold).toBe(plain.dev['ALL']?.gold);
    expect(a.bytes.equals(plain.bytes)).toBe(false);
    expect(decode(parseModel(a.bytes), article.tokens.map((w) => infoOf(w, lexicon)))).toEqual(article.tags);
  });

  it('a different seed gives a different model', () => {
    const files = [slice('en-uner-pud.txt', 40)];
    const a = trainLanguage('en', files, config, lexicon, {});
    const b = trainLanguage('en', files, { ...config, seed: 8 }, lexicon, {});
    expect(a.bytes.equals(b.bytes)).toBe(false);
  });
});

describe('pieces', () => {
  it('hashes a name from its UTF-8 bytes like the string (Arabic, Latin, astral characters)', () => {
    for (const s of ['w=موسكو', 'ww-1=في|موسكو', 'p3=Ber', 'x1=😀', 'g3=ستا', '']) {
      const bytes = Buffer.from(`#${s}\t`, 'utf8');
      expect(hashUtf8(bytes, 1, bytes.length - 1), s).toBe(hashFeature(s));
    }
  });

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

describe('the document pass', () => {
  it('counts what the first pass said about the same key elsewhere within the window', () => {
    const keys = [['باسيل', 'قال'], ['x'], ['باسيل', 'قال', 'باسيل']];
    const types = [['PER', 'O'], ['O'], ['O', 'O', 'PER']];
    // Window 2: sentences 0 and 2 see each other.
    expect(documentContext(keys, types, 2)).toEqual([
      [['PER', 'PER|min'], ['O']],
      [[]],
      [['PER', 'PER|maj'], ['O'], ['PER', 'PER|min']],
    ]);
    // Window 0: only the same sentence counts; a key seen nowhere else is "none".
    expect(documentContext(keys, types, 0)).toEqual([
      [['none'], ['none']],
      [[]],
      [['PER', 'PER|maj'], ['none'], ['O']],
    ]);
  });

  it('turns document context into features, optionally with the neighbours\' context', () => {
    const context = [['PER', 'PER|maj'], [], ['none']];
    expect(contextFeatures(context, false)).toEqual([['dc=PER', 'dc=PER|maj'], [], ['dc=none']]);
    expect(contextFeatures(context, true)).toEqual([
      ['dc=PER', 'dc=PER|maj', 'dc-1=<s>'],
      ['dc-1=PER', 'dc-1=PER|maj', 'dc+1=none'],
      ['dc=none', 'dc+1=</s>'],
    ]);
  });

  it('trains a second model from jackknifed first-pass tags, reproducibly, and tags with both', () => {
    const files = [slice('anercorp-train.txt', 60)];
    const config = { epochs: 2, seed: 7, minFeatureCount: 1, devFraction: 0.2, documentWindow: 5, folds: 2 };
    const a = trainLanguage('ar', files, config, lexicon, {});
    const b = trainLanguage('ar', files, config, lexicon, {});
    expect(a.docBytes).not.toBeNull();
    expect(a.docBytes?.equals(b.docBytes ?? Buffer.alloc(0))).toBe(true);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const doc = parseModel(a.docBytes ?? Buffer.alloc(0));
    expect(doc.names.some((n) => n.startsWith('dc='))).toBe(true);
    const first = parseModel(a.bytes);
    expect(first.names.some((n) => n.startsWith('dc='))).toBe(false);

    const model = { first, document: doc, window: 5, neighbours: false };
    const dev = splitDev(parseConll(files[0]?.text ?? ''), config.devFraction).dev;
    const tags = decodeDocument(model, dev.map((s) => s.tokens.map((w) => infoOf(w, lexicon))));
    expect(tags.map((t) => t.length)).toEqual(dev.map((s) => s.tokens.length));
    expect(evaluate(model, [dev], lexicon)['ALL']?.f1).toBeCloseTo(a.dev['ALL']?.f1 ?? -1, 6);
  });

  it('a model loaded for tagging only (no feature strings) decodes like the full one', () => {
    const a = trainLanguage('en', [slice('en-uner-pud.txt', 40)], { epochs: 2, seed: 7, minFeatureCount: 1, devFraction: 0.2 }, lexicon, {});
    const full = parseModel(a.bytes);
    const lean = parseModel(a.bytes, 'test', { keepNames: false });
    expect(lean.names).toEqual([]);
    expect(() => serializeModel(lean)).toThrow(/without its feature names/);
    const words = ['President', 'Joe', 'Biden', 'visited', 'Paris', '.'];
    expect(decode(lean, words.map((w) => infoOf(w, lexicon)))).toEqual(decode(full, words.map((w) => infoOf(w, lexicon))));
  });
});

describe('training options measured in the ADR', () => {
  const files = [slice('en-uner-pud.txt', 40)];
  const config = { epochs: 2, seed: 7, minFeatureCount: 1, devFraction: 0.2 };

  it('passive-aggressive updates train a different, reproducible model', () => {
    const pa = trainLanguage('en', files, { ...config, update: 'pa', aggressiveness: 0.1 }, lexicon, {});
    const again = trainLanguage('en', files, { ...config, update: 'pa', aggressiveness: 0.1 }, lexicon, {});
    const plain = trainLanguage('en', files, config, lexicon, {});
    expect(pa.bytes.equals(again.bytes)).toBe(true);
    expect(pa.bytes.equals(plain.bytes)).toBe(false);
  });

  it('averages an ensemble into one model holding every member\'s features', () => {
    const one = parseModel(trainLanguage('en', files, config, lexicon, {}).bytes);
    const two = parseModel(trainLanguage('en', files, { ...config, ensemble: 2 }, lexicon, {}).bytes);
    expect(two.meta.config.ensemble).toBe(2);
    expect(two.names.length).toBeGreaterThanOrEqual(one.names.length);
    expect(new Set(two.names)).toEqual(new Set([...two.names, ...one.names]));
  });
});

describe('tag schemes, dropped types and the O bias', () => {
  const files = [slice('en-uner-pud.txt', 40), slice('en-gum-silver.txt', 40)];
  const config = { epochs: 2, seed: 7, minFeatureCount: 1, devFraction: 0.2 };

  it('converts BIO to BIOES and back, reading a stray I- as the start of a name', () => {
    const bio = ['B-PER', 'I-PER', 'O', 'B-LOC', 'I-ORG', 'B-ORG', 'I-ORG', 'I-ORG'];
    const bioes = toBioes(bio);
    expect(bioes).toEqual(['B-PER', 'E-PER', 'O', 'S-LOC', 'S-ORG', 'B-ORG', 'I-ORG', 'E-ORG']);
    expect(spansOf(bioes.map(toBio))).toEqual(spansOf(bio));
  });

  it('constrains BIOES transitions: a name opened by B- or I- must continue', () => {
    const tags = ['O', 'B-PER', 'I-PER', 'E-PER', 'S-PER'];
    const allowed = allowedTransitions(tags);
    const ok = (prev: string | null, tag: string): boolean => allowed[(prev === null ? 0 : tags.indexOf(prev) + 1) * tags.length + tags.indexOf(tag)] === 1;
    expect(ok(null, 'B-PER') && ok(null, 'S-PER') && ok('E-PER', 'B-PER') && ok('B-PER', 'E-PER') && ok('I-PER', 'I-PER')).toBe(true);
    expect(ok(null, 'E-PER') || ok('B-PER', 'O') || ok('I-PER', 'S-PER') || ok('E-PER', 'I-PER') || ok('S-PER', 'E-PER')).toBe(false);
    // BIO keeps its one rule.
    const bio = allowedTransitions(['O', 'B-PER', 'I-PER']);
    expect(Array.from(bio)).toEqual([1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('trains a BIOES model without MISC whose decoded tags are BIO', () => {
    const a = trainLanguage('en', files, { ...config, scheme: 'bioes', dropTypes: ['MISC'] }, lexicon, {});
    const model = parseModel(a.bytes);
    expect(model.tags).toContain('S-PER');
    expect(model.tags.some((t) => t.endsWith('MISC'))).toBe(false);
    const words = ['President', 'Joe', 'Biden', 'visited', 'Paris', '.'];
    const tags = decode(model, words.map((w) => infoOf(w, lexicon)));
    expect(tags.every((t) => t === 'O' || t.startsWith('B-') || t.startsWith('I-'))).toBe(true);
  });

  it('an O bias in the config makes the decoder tag more names', () => {
    const model = parseModel(trainLanguage('en', files, config, lexicon, {}).bytes);
    const biased = { ...model, meta: { ...model.meta, config: { ...model.meta.config, outsideBias: 1000 } } };
    const words = ['the', 'house', 'was', 'small', '.'];
    const infos = words.map((w) => infoOf(w, lexicon));
    expect(decode(model, infos).filter((t) => t !== 'O').length).toBeLessThan(words.length);
    expect(decode(biased, infos).every((t) => t !== 'O')).toBe(true);
  });
});

describe('the newest blind article set stays a test', () => {
  it('is in no language\'s training data, and every older one is', async () => {
    const { readdirSync } = await import('node:fs');
    const { TRAINING } = await import('../src/model/train-config.ts');
    const blind = readdirSync(join(import.meta.dirname, 'fixtures'))
      .filter((d) => /^articles-blind\d*$/u.test(d))
      .sort((a, b) => Number(a.slice(14) || 1) - Number(b.slice(14) || 1));
    const newest = blind.at(-1) ?? '';
    expect(newest).toMatch(/^articles-blind\d+$/u);
    for (const lang of ['ar', 'en'] as const) {
      expect(TRAINING[lang].articles).not.toContain(newest);
      for (const older of blind.slice(0, -1)) expect(TRAINING[lang].articles).toContain(older);
    }
  });
});

describe('articles held out of training', () => {
  it('are left out of their set\'s training data, and every one listed exists', async () => {
    const { existsSync } = await import('node:fs');
    const { HELD_OUT_ARTICLES } = await import('../src/model/train-config.ts');
    const { loadArticleSet } = await import('../src/data-files.ts');
    const dir = join(import.meta.dirname, 'fixtures', 'articles-train38');
    const all = loadArticleSet('articles-train38', 'ar', dir, new Set());
    const held = loadArticleSet('articles-train38', 'ar', dir, new Set(['articles-train38/ar-muharraq-khaldiya.json']));
    expect(held.documents.length).toBe(all.documents.length - 1);
    expect(held.sha256).not.toBe(all.sha256);
    for (const path of HELD_OUT_ARTICLES) {
      const [set = '', file = ''] = path.split('/');
      expect(existsSync(join(import.meta.dirname, 'fixtures', set, file))).toBe(true);
    }
  });
});
