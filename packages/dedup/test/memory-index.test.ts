import { clusterSchema } from '@khabar/contracts';
import { describe, expect, it } from 'vitest';
import { contentHash, createMemoryDedupIndex, toCluster } from '../src/index.ts';
import { STORIES, baseText } from './fixtures/labelled-set.ts';

const [peskov, musk] = STORIES;
if (!peskov || !musk) throw new Error('fixture stories missing');
const base = baseText(peskov);

describe('createMemoryDedupIndex', () => {
  it('makes the first document an original of its own cluster', async () => {
    const index = createMemoryDedupIndex();
    expect(await index.assign({ id: 'd1', text: base })).toEqual({ clusterId: 'd1', role: 'original', similarity: 1, contentHash: contentHash(base) });
  });

  it('marks a restyled exact copy as duplicate', async () => {
    const index = createMemoryDedupIndex();
    await index.assign({ id: 'd1', text: base });
    const copy = base.replaceAll('"', '“').replaceAll('أ', 'ا').replaceAll(' ', '  ');
    expect(await index.assign({ id: 'd2', text: copy })).toMatchObject({ clusterId: 'd1', role: 'duplicate', similarity: 1 });
  });

  it('marks a copy with a rewritten first sentence and an extra paragraph as near duplicate of the original', async () => {
    const index = createMemoryDedupIndex();
    await index.assign({ id: 'd1', text: base });
    const copy = [peskov.rewrittenLead, ...peskov.body, peskov.extraParagraph].join('\n\n');
    const r = await index.assign({ id: 'd2', text: copy });
    expect(r.role).toBe('near_duplicate');
    expect(r.clusterId).toBe('d1');
    expect(r.similarity).toBeGreaterThan(0.3);
    expect(r.similarity).toBeLessThan(1);
  });

  it('keeps a different story about the same people and places as a new original', async () => {
    const index = createMemoryDedupIndex();
    await index.assign({ id: 'd1', text: base });
    const negative = peskov.hardNegatives[0] ?? '';
    expect(await index.assign({ id: 'd2', text: negative })).toMatchObject({ clusterId: 'd2', role: 'original' });
  });

  it('is idempotent per document id', async () => {
    const index = createMemoryDedupIndex();
    await index.assign({ id: 'd1', text: base });
    const first = await index.assign({ id: 'd2', text: `${base}\n\nالمصدر: وكالات` });
    expect(await index.assign({ id: 'd2', text: `${base}\n\nالمصدر: وكالات` })).toEqual(first);
    expect(await index.assign({ id: 'd1', text: baseText(musk) })).toMatchObject({ clusterId: 'd1', role: 'original' });
  });

  it('treats texts without words as exact-hash only', async () => {
    const index = createMemoryDedupIndex();
    expect((await index.assign({ id: 'e1', text: '...' })).role).toBe('original');
    expect(await index.assign({ id: 'e2', text: '—' })).toMatchObject({ clusterId: 'e1', role: 'duplicate' });
  });

  it('rejects impossible parameters', () => {
    expect(() => createMemoryDedupIndex({ threshold: 0 })).toThrow(RangeError);
    expect(() => createMemoryDedupIndex({ bands: 33 })).toThrow(RangeError);
  });
});

describe('toCluster', () => {
  it('maps an assignment to the Cluster contract shape', async () => {
    const index = createMemoryDedupIndex();
    const r = await index.assign({ id: 'd1', text: base });
    expect(toCluster(r)).toEqual({ id: 'd1', role: 'original', similarity: 1, contentHash: contentHash(base) });
    const near = await index.assign({ id: 'd2', text: [peskov.rewrittenLead, ...peskov.body].join('\n\n') });
    expect(near.role).toBe('near_duplicate');
    expect(clusterSchema.parse(toCluster(near))).toEqual(toCluster(near));
  });
});
