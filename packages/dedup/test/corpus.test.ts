import { describe, expect, it } from 'vitest';
import { BASE_STORIES, corpusDocuments, evaluateIndex, scoreClusters, shuffled } from '../corpus/index.ts';
import { contentHash, createMemoryDedupIndex, jaccardSimilarity } from '../src/index.ts';

const docs = corpusDocuments();

describe('labelled corpus', () => {
  it('has ≥ 300 documents from ≥ 40 base stories, mostly Arabic, with hard negatives by topic', () => {
    expect(docs.length).toBeGreaterThanOrEqual(300);
    expect(BASE_STORIES.length).toBeGreaterThanOrEqual(40);
    expect(docs.filter((d) => d.lang === 'ar').length).toBeGreaterThan(docs.length / 2);
    const topics = new Map<string, number>();
    for (const s of BASE_STORIES) topics.set(s.topic, (topics.get(s.topic) ?? 0) + 1);
    expect([...topics.values()].every((n) => n >= 2)).toBe(true);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('folds spelling variants (hamza, teh marbuta, alef maqsura, diacritics, tatweel, quotes) to the same content hash', () => {
    const bases = new Map(docs.filter((d) => d.variant === 'base').map((d) => [d.story, d.text]));
    const spelled = docs.filter((d) => d.variant === 'spelling');
    expect(spelled.some((d) => d.text !== bases.get(d.story))).toBe(true);
    for (const d of spelled) expect(contentHash(d.text), d.id).toBe(contentHash(bases.get(d.story) ?? ''));
  });

  it('keeps same-topic stories far below copies of one story (exact Jaccard of 3-word shingles)', () => {
    const base = (story: string) => docs.find((d) => d.story === story && d.variant === 'base')?.text ?? '';
    let worstCopy = 1;
    let worstNegative = 0;
    for (const d of docs) {
      if (d.variant === 'base') continue;
      worstCopy = Math.min(worstCopy, jaccardSimilarity(base(d.story), d.text));
      for (const other of BASE_STORIES) if (other.topic === d.topic && other.id !== d.story) worstNegative = Math.max(worstNegative, jaccardSimilarity(base(other.id), d.text));
    }
    expect(worstCopy).toBeGreaterThan(0.3);
    expect(worstNegative).toBeLessThan(0.15);
  });

  it('scores pairs: a perfect clustering gets 1/1, one merged pair of stories loses precision', () => {
    const truth = new Map(docs.map((d) => [d.id, d.story]));
    expect(scoreClusters(docs, truth)).toMatchObject({ precision: 1, recall: 1 });
    const [a, b] = BASE_STORIES;
    const merged = new Map(docs.map((d) => [d.id, d.story === b?.id ? (a?.id ?? '') : d.story]));
    const score = scoreClusters(docs, merged);
    expect(score.precision).toBeLessThan(1);
    expect(score.recall).toBe(1);
  });

  it('the index (default parameters) reaches pairwise precision ≥ 0.99 and recall ≥ 0.95 in story order', async () => {
    const score = await evaluateIndex(createMemoryDedupIndex(), docs);
    expect(score.falsePairs).toEqual([]);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('stays precise when copies arrive before the story they copy (shuffled orders)', async () => {
    for (const seed of [1, 2, 3]) {
      const score = await evaluateIndex(createMemoryDedupIndex(), shuffled(docs, seed));
      expect(score.precision, `seed ${seed}`).toBeGreaterThanOrEqual(0.99);
      expect(score.recall, `seed ${seed}`).toBeGreaterThanOrEqual(0.9);
    }
  });
});
