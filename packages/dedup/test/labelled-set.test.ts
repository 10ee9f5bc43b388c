import { describe, expect, it } from 'vitest';
import { createMemoryDedupIndex, estimateSimilarity, hammingDistance64, jaccardSimilarity, simhash64 } from '../src/index.ts';
import { labelledPairs } from './fixtures/labelled-set.ts';

/**
 * The measurement behind the choice of MinHash LSH over SimHash (README "Why MinHash").
 * Prints one row per pair, then checks the index separates the set perfectly.
 */
describe('labelled set (Arabic + English)', () => {
  const pairs = labelledPairs();

  it('has both classes in both languages', () => {
    for (const lang of ['ar', 'en'] as const) {
      expect(pairs.filter((p) => p.lang === lang && p.label === 'same').length).toBeGreaterThanOrEqual(10);
      expect(pairs.filter((p) => p.lang === lang && p.label === 'different').length).toBeGreaterThanOrEqual(4);
    }
  });

  it('MinHash separates syndicated copies from hard negatives; SimHash ≤ 3 bits does not', () => {
    const rows = pairs.map((p) => ({
      label: p.label,
      kind: p.kind,
      story: p.story.slice(0, 28),
      jaccard: Number(jaccardSimilarity(p.a, p.b).toFixed(3)),
      minhash: estimateSimilarity(p.a, p.b),
      hamming: hammingDistance64(simhash64(p.a), simhash64(p.b)),
    }));
    console.table(rows);
    const same = rows.filter((r) => r.label === 'same');
    const diff = rows.filter((r) => r.label === 'different');
    const minSame = Math.min(...same.map((r) => r.minhash));
    const maxDiff = Math.max(...diff.map((r) => r.minhash));
    const simhashRecall = same.filter((r) => r.hamming <= 3).length / same.length;
    const maxSameHamming = Math.max(...same.map((r) => r.hamming));
    const minDiffHamming = Math.min(...diff.map((r) => r.hamming));
    console.log(
      `minhash: copies >= ${minSame}, negatives <= ${maxDiff}; simhash: recall at <=3 bits ${simhashRecall.toFixed(2)}, copies up to ${maxSameHamming} bits, negatives from ${minDiffHamming} bits`,
    );
    expect(minSame).toBeGreaterThan(maxDiff);
    expect(simhashRecall).toBeLessThan(0.5);
  });

  it('the index (default threshold and bands) clusters every copy and no negative', async () => {
    const wrong: string[] = [];
    for (const p of pairs) {
      const index = createMemoryDedupIndex();
      const first = await index.assign({ id: 'a', text: p.a });
      const second = await index.assign({ id: 'b', text: p.b });
      expect(first.role).toBe('original');
      const expected = p.label === 'same' ? 'near_duplicate' : 'original';
      if (second.role !== expected) wrong.push(`${p.story} ${p.kind}: ${second.role} (${second.similarity})`);
    }
    expect(wrong).toEqual([]);
  });
});
