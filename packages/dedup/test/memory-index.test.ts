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
    expect(await index.assign({ id: 'd1', text: base, source: 'a.example' })).toEqual({
      clusterId: 'd1',
      role: 'original',
      similarity: 1,
      contentHash: contentHash(base),
      size: 1,
      sources: ['a.example'],
    });
  });

  it('counts members and distinct sources of a cluster, and reports them to each new member', async () => {
    const index = createMemoryDedupIndex();
    await index.assign({ id: 'd1', text: base, source: 'b.example' });
    expect(await index.assign({ id: 'd2', text: base, source: 'a.example' })).toMatchObject({ size: 2, sources: ['a.example', 'b.example'] });
    const near = [peskov.rewrittenLead, ...peskov.body].join('\n\n');
    expect(await index.assign({ id: 'd3', text: near, source: 'a.example' })).toMatchObject({ role: 'near_duplicate', size: 3, sources: ['a.example', 'b.example'] });
    expect(await index.assign({ id: 'd1', text: base, source: 'b.example' })).toMatchObject({ role: 'original', size: 3 });
  });

  it('makes another URL of a page the duplicate of the canonical page, whichever arrives first', async () => {
    const index = createMemoryDedupIndex();
    expect(await index.assign({ id: 'amp', text: base, canonicalId: 'page' })).toMatchObject({ clusterId: 'page', role: 'duplicate', size: 2 });
    expect(await index.assign({ id: 'page', text: base })).toMatchObject({ clusterId: 'page', role: 'original', size: 2 });
    const later = createMemoryDedupIndex();
    await later.assign({ id: 'page', text: base });
    expect(await later.assign({ id: 'mobile', text: `${base} (mobile)`, canonicalId: 'page' })).toMatchObject({ clusterId: 'page', role: 'duplicate' });
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
    expect(toCluster(r)).toEqual({ id: 'd1', role: 'original', similarity: 1, contentHash: contentHash(base), size: 1, sources: [] });
    const near = await index.assign({ id: 'd2', text: [peskov.rewrittenLead, ...peskov.body].join('\n\n') });
    expect(near.role).toBe('near_duplicate');
    expect(clusterSchema.parse(toCluster(near))).toEqual(toCluster(near));
  });
});
