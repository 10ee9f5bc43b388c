import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEDUP_PARAMS,
  estimateSimilarity,
  fingerprint,
  hammingDistance64,
  jaccardSimilarity,
  lshBands,
  minhashSignature,
  similarityFromMatches,
  simhash64,
} from '../src/index.ts';
import { STORIES, baseText } from './fixtures/labelled-set.ts';

const [peskov, musk] = STORIES;
if (!peskov || !musk) throw new Error('fixture stories missing');
const peskovText = baseText(peskov);

describe('simhash64', () => {
  it('returns 16 hex digits, stable across restyled copies', () => {
    const h = simhash64(peskovText);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash64(peskovText.replaceAll('"', '«').replaceAll('أ', 'ا'))).toBe(h);
  });

  it('is closer for a syndicated copy than for another story', () => {
    const copy = [peskov.lead, ...peskov.body, peskov.boilerplate].join('\n\n');
    const near = hammingDistance64(simhash64(peskovText), simhash64(copy));
    const far = hammingDistance64(simhash64(peskovText), simhash64(baseText(musk)));
    expect(near).toBeLessThan(far);
  });
});

describe('minhash', () => {
  it('gives no signature and no bands for text without words', () => {
    expect(minhashSignature(' ، . «» ')).toBeNull();
    expect(fingerprint('—').bands).toEqual([]);
  });

  it('estimates Jaccard similarity within sampling error', () => {
    const copy = [peskov.rewrittenLead, ...peskov.body].join('\n\n');
    const exact = jaccardSimilarity(peskovText, copy);
    expect(Math.abs(estimateSimilarity(peskovText, copy) - exact)).toBeLessThan(0.2);
    expect(estimateSimilarity(peskovText, peskovText)).toBe(1);
  });

  it('splits the banded prefix of the signature into one 8-hex bucket per band', () => {
    const fp = fingerprint(peskovText);
    expect(fp.signature?.length).toBe(DEFAULT_DEDUP_PARAMS.numPerm / 2);
    expect(fp.bands).toHaveLength(DEFAULT_DEDUP_PARAMS.bands);
    for (const b of fp.bands) expect(b).toMatch(/^[0-9a-f]{8}$/);
    const sig = minhashSignature(peskovText);
    expect(sig).not.toBeNull();
    if (sig) expect(() => lshBands(sig.subarray(0, 30), 16)).toThrow(RangeError);
  });

  it('corrects the similarity estimate for chance byte agreement', () => {
    expect(similarityFromMatches(64, 64)).toBe(1);
    expect(similarityFromMatches(0, 64)).toBe(0);
    // 4-bit min-hashes agree by chance 1 time in 16: (32/64 - 1/16) / (15/16)
    expect(similarityFromMatches(32, 64)).toBeCloseTo(0.467, 3);
    expect(similarityFromMatches(4, 64)).toBe(0);
  });
});
