import { describe, expect, it } from 'vitest';
import { dataFile, loadModelLexicon } from '../src/data-files.ts';
import { decodeDocument, loadNerModel } from '../src/model/document-pass.ts';
import { CORPUS_DOMAIN, featureGroupsOf, infoOf, NEWS_DOMAIN, sentenceFeatures } from '../src/model/features.ts';

const { lexicon } = loadModelLexicon(dataFile(''));
const words = ['وقال', 'بيسكوف', 'في', 'موسكو'];

describe('domain copies of features (feature augmentation)', () => {
  it('copies the chosen templates with the sentence domain, and nothing without the setting', () => {
    const groups = featureGroupsOf({ domainFeatures: ['w=', 'b'] });
    const corpus = sentenceFeatures(words, 'ar', lexicon, undefined, groups, CORPUS_DOMAIN)[1] ?? [];
    expect(corpus).toContain('w=بيسكوف');
    expect(corpus).toContain('c:w=بيسكوف');
    expect(corpus).toContain('c:b');
    expect(corpus.some((f) => f.startsWith('c:s='))).toBe(false);
    const news = sentenceFeatures(words, 'ar', lexicon, undefined, groups, NEWS_DOMAIN)[1] ?? [];
    expect(news).toContain('a:w=بيسكوف');
    expect(news.some((f) => f.startsWith('c:'))).toBe(false);
    // Every plain feature is there whichever the domain: the copies only add.
    const plain = sentenceFeatures(words, 'ar', lexicon, undefined, featureGroupsOf({}), CORPUS_DOMAIN)[1] ?? [];
    expect(news.filter((f) => !f.startsWith('a:'))).toEqual(plain);
    expect(plain.some((f) => /^[ac]:/u.test(f))).toBe(false);
  });

  it('copies every template with "*", but never the document features', () => {
    const all = sentenceFeatures(words, 'ar', lexicon, [[], ['dc=PER'], [], []], featureGroupsOf({ domainFeatures: ['*'] }), CORPUS_DOMAIN)[1] ?? [];
    const plain = all.filter((f) => !f.startsWith('c:'));
    expect(all.length).toBe(2 * plain.length - 1);
    expect(all).toContain('dc=PER');
    expect(all).not.toContain('c:dc=PER');
  });
});

describe('the tagger option modelDomain', () => {
  it('tags a text with either domain, the news one by default', async () => {
    const { createTagger } = await import('../src/index.ts');
    const text = 'وقال المتحدث باسم الكرملين دميتري بيسكوف إن موسكو سترد.';
    const news = createTagger().tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text}`);
    const corpus = createTagger({ modelDomain: 'corpus' }).tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text}`);
    expect(news).toContain('PER دميتري بيسكوف');
    expect(corpus).toContain('PER دميتري بيسكوف');
    expect(createTagger({ modelDomain: 'news' }).tag(text, 'ar').mentions.map((m) => `${m.type} ${m.text}`)).toEqual(news);
  });
});

describe('the shipped Arabic model follows each domain\'s annotation', () => {
  const model = loadNerModel(dataFile(''), 'ar');
  const tagged = (sentence: string, domain: string): string => {
    const w = sentence.split(' ');
    const tags = decodeDocument(model, [w.map((x) => infoOf(x, lexicon))], domain)[0] ?? [];
    return tags.map((t, i) => (t === 'O' ? '' : `${w[i]}/${t}`)).filter((x) => x !== '').join(' ');
  };

  it('reads «قطاع غزة» and «حركة حماس» whole as news, and as ANERcorp tags them as corpus text', () => {
    expect(model.first.meta.config.domainFeatures?.length).toBeGreaterThan(0);
    expect(tagged('وقال مسؤول في قطاع غزة إن القصف استمر .', NEWS_DOMAIN)).toBe('قطاع/B-LOC غزة/I-LOC');
    expect(tagged('وقال مسؤول في قطاع غزة إن القصف استمر .', CORPUS_DOMAIN)).toBe('غزة/B-LOC');
    // (Session 14's models read «أن حركة حماس» as «حماس» in both; a statement keeps the case.)
    expect(tagged('وقالت حركة حماس في بيان إن الهدنة صامدة .', NEWS_DOMAIN)).toBe('حركة/B-ORG حماس/I-ORG');
    expect(tagged('وقالت حركة حماس في بيان إن الهدنة صامدة .', CORPUS_DOMAIN)).toBe('حماس/B-ORG');
  });

  it('tags a currency MISC only as corpus text', () => {
    expect(tagged('وبلغت قيمة المنحة 405 ملايين دولار في مجالات الصحة .', CORPUS_DOMAIN)).toBe('دولار/B-MISC');
    expect(tagged('وبلغت قيمة المنحة 405 ملايين دولار في مجالات الصحة .', NEWS_DOMAIN)).toBe('');
  });
});
