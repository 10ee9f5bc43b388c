import { describe, expect, it } from 'vitest';
import { dataFile, loadModelLexicon } from '../src/data-files.ts';
import { CORPUS_DOMAIN, featureGroupsOf, NEWS_DOMAIN, sentenceFeatures } from '../src/model/features.ts';

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
