import { describe, expect, it } from 'vitest';
import { bioTexts, countsOf, overlapF1, scoreOnBio, tokenF1 } from '../src/bio-eval.ts';
import { parseConll } from '../src/model/conll.ts';
import type { Mention } from '../src/types.ts';

const CORPUS = parseConll(['وقال O', 'بيسكوف B-PER', 'في O', 'قطاع O', 'وغزة B-LOC', '. O', '', 'زار O', 'الأمم B-ORG', 'المتحدة I-ORG', '. O', ''].join('\n'));

/** The mention of `surface` in `text` (first occurrence). */
function at(text: string, surface: string, type: Mention['type']): Mention {
  const start = text.indexOf(surface);
  return { start, end: start + surface.length, type, text: surface, entityId: null };
}

describe('bio-eval: the whole tagger scored on a BIO corpus', () => {
  it('joins tokens by spaces and sentences by line breaks, with the gold spans at their offsets', () => {
    const [one, two] = [bioTexts(CORPUS, 2), bioTexts(CORPUS, 1)];
    expect(one).toHaveLength(1);
    expect(two).toHaveLength(2);
    const text = one[0]?.text ?? '';
    expect(text).toBe('وقال بيسكوف في قطاع وغزة .\nزار الأمم المتحدة .');
    expect(one[0]?.gold.map((g) => `${g.type} ${text.slice(g.start, g.end)}`)).toEqual(['PER بيسكوف', 'LOC وغزة', 'ORG الأمم المتحدة']);
  });

  it('counts a mention inside a clitic token as a token hit, and a wider or mistyped one as an error', () => {
    const [doc] = bioTexts(CORPUS, 2);
    const text = doc?.text ?? '';
    const mentions = [at(text, 'بيسكوف', 'PER'), at(text, 'غزة', 'LOC'), at(text, 'الأمم', 'ORG'), at(text, 'زار', 'PER')];
    const { counts, errors } = scoreOnBio(doc ? [doc] : [], () => mentions);
    const all = countsOf(counts, ['ALL']);
    expect(all).toEqual({ pred: 4, gold: 3, strict: 1, overlap: 3, goldHit: 3, token: 2 });
    expect(tokenF1(all).f1).toBeCloseTo((2 * 2) / (4 + 3), 6);
    expect(overlapF1(countsOf(counts, ['ORG'])).f1).toBe(1);
    expect(errors.map((e) => `${e.kind} ${e.type} ${e.surface}`).sort()).toEqual(['missed ORG الأمم المتحدة', 'spurious ORG الأمم', 'spurious PER زار']);
  });
});
