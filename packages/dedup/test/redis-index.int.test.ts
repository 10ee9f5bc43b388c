import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { contentHash, createDedupIndex, createMemoryDedupIndex, type DedupAssignment } from '../src/index.ts';
import { STORIES, baseText, labelledPairs } from './fixtures/labelled-set.ts';
import { corpusDocuments, shuffled } from '../corpus/index.ts';

const [peskov] = STORIES;
if (!peskov) throw new Error('fixture stories missing');
const base = baseText(peskov);

let redis: Redis;
let prefix: string;

async function keysWithPrefix(client: Redis, p: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', `${p}:*`, 'COUNT', 1000);
    cursor = next;
    out.push(...batch);
  } while (cursor !== '0');
  return out;
}

beforeEach(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  prefix = `{dedup-test-${randomBytes(6).toString('hex')}}`;
});

afterEach(async () => {
  const keys = await keysWithPrefix(redis, prefix);
  for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  await redis.quit();
});

describe('createDedupIndex (real Redis)', () => {
  it('stores an original, an exact copy and a near copy in one cluster, and keeps a hard negative apart', async () => {
    const index = createDedupIndex({ redis, prefix });
    const original = await index.assign({ id: 'd1', text: base, publishedAt: '2024-11-28T10:00:00Z', source: 'wire.example' });
    expect(original).toEqual({ clusterId: 'd1', role: 'original', similarity: 1, contentHash: contentHash(base), size: 1, sources: ['wire.example'] });

    const restyled = base.replaceAll('"', '«').replaceAll('أ', 'ا').replaceAll('\n\n', '\n');
    expect(await index.assign({ id: 'd2', text: restyled, source: 'copy.example' })).toMatchObject({ clusterId: 'd1', role: 'duplicate', similarity: 1, size: 2 });

    const near = [peskov.rewrittenLead, ...peskov.body, peskov.extraParagraph, peskov.boilerplate].join('\n\n');
    const nearResult = await index.assign({ id: 'd3', text: near });
    expect(nearResult.role).toBe('near_duplicate');
    expect(nearResult.clusterId).toBe('d1');
    expect(nearResult.similarity).toBeGreaterThan(0.3);

    const negative = await index.assign({ id: 'd4', text: peskov.hardNegatives[0] ?? '' });
    expect(negative).toMatchObject({ clusterId: 'd4', role: 'original' });

    // the original keeps the count: three members, two sources (d3 had none)
    expect(await index.assign({ id: 'd1', text: base })).toMatchObject({ role: 'original', size: 3, sources: ['copy.example', 'wire.example'] });
  });

  it('keeps per-document keys out of the keyspace: a few shared hashes and record blocks', async () => {
    const index = createDedupIndex({ redis, prefix });
    for (let i = 0; i < 50; i++) await index.assign({ id: randomBytes(16).toString('hex'), text: `${base} ${i} ${'x'.repeat(i)}`, source: `s${i % 3}.example` });
    const keys = await keysWithPrefix(redis, prefix);
    // generation keys are "g<generation>:<kind>:…"
    const kinds = new Set(keys.map((k) => /^(g\d+:)?[^:]+/.exec(k.slice(prefix.length + ':dedup:'.length))?.[0].replace(/^g\d+:/, 'g:')));
    expect([...kinds].filter((k) => !['c', 'g:d', 'g:h0', 'g:l0', 'g:n', 'q', 's', 'src', 'srcn'].includes(k ?? ''))).toEqual([]);
    expect([...kinds]).toEqual(expect.arrayContaining(['s', 'q', 'g:h0', 'g:l0', 'g:n']));
    expect(keys.filter((k) => k.includes(':dedup:s:'))).toHaveLength(1);
    for (const k of keys.filter((key) => /:dedup:(g\d+:(h0|l0|d)|c):/.test(key))) expect(await redis.object('ENCODING', k)).toBe('listpack');
  });

  it('makes an AMP URL the duplicate of its canonical page, before or after the page itself', async () => {
    const index = createDedupIndex({ redis, prefix });
    const page = 'a'.repeat(32);
    const amp = 'b'.repeat(32);
    expect(await index.assign({ id: amp, text: base, canonicalId: page, source: 'example.com' })).toMatchObject({ clusterId: page, role: 'duplicate', size: 2 });
    expect(await index.assign({ id: page, text: base, source: 'example.com' })).toMatchObject({ clusterId: page, role: 'original', size: 2, sources: ['example.com'] });
    expect(await index.assign({ id: amp, text: base, canonicalId: page })).toMatchObject({ clusterId: page, role: 'duplicate' });
  });

  it('is idempotent: re-assigning an id returns the first answer and does not count it twice', async () => {
    const index = createDedupIndex({ redis, prefix });
    await index.assign({ id: 'd1', text: base });
    const copy = [peskov.rewrittenLead, ...peskov.body].join('\n\n');
    const first = await index.assign({ id: 'd2', text: copy });
    const again = await index.assign({ id: 'd2', text: copy });
    const edited = await index.assign({ id: 'd2', text: `${copy} تحديث` });
    expect(first.role).toBe('near_duplicate');
    expect(again).toEqual(first);
    expect(edited).toMatchObject({ clusterId: 'd1', role: 'near_duplicate', size: 2 });
    expect(await index.assign({ id: 'd1', text: base })).toMatchObject({ size: 2 });
  });

  it('gives the same answers as the in-memory index on the labelled corpus in a shuffled order', async () => {
    const memory = createMemoryDedupIndex();
    const stored = createDedupIndex({ redis, prefix });
    const diffs: string[] = [];
    for (const d of shuffled(corpusDocuments(), 11)) {
      const a = await memory.assign({ id: d.id, text: d.text, source: d.source });
      const b = await stored.assign({ id: d.id, text: d.text, source: d.source });
      if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(d.id);
    }
    expect(diffs).toEqual([]);
  });

  it('gives the same answers as the in-memory index on the labelled set', async () => {
    const diffs: string[] = [];
    for (const [i, p] of labelledPairs().entries()) {
      const memory = createMemoryDedupIndex();
      const stored = createDedupIndex({ redis, prefix: `${prefix}:${i}` });
      const fromRedis: DedupAssignment[] = [];
      const fromMemory: DedupAssignment[] = [];
      for (const [id, text] of [['a', p.a], ['b', p.b]] as const) {
        fromRedis.push(await stored.assign({ id, text }));
        fromMemory.push(await memory.assign({ id, text }));
      }
      if (JSON.stringify(fromRedis) !== JSON.stringify(fromMemory)) diffs.push(`${p.story} ${p.kind}`);
      expect(fromRedis[1]?.role).toBe(p.label === 'same' ? 'near_duplicate' : 'original');
    }
    expect(diffs).toEqual([]);
  });

  it('puts 20 copies assigned at once through 4 connections into exactly one cluster', async () => {
    const connections = Array.from({ length: 4 }, () => new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 }));
    try {
      await Promise.all(connections.map((c) => c.ping()));
      const indexes = connections.map((c) => createDedupIndex({ redis: c, prefix }));
      const texts = Array.from({ length: 20 }, (_, i) =>
        i % 5 === 0 ? base : [peskov.lead, ...peskov.body, `المصدر: موقع رقم ${i} - جميع الحقوق محفوظة`].join('\n\n'),
      );
      const results = await Promise.all(texts.map((text, i) => indexes[i % 4]!.assign({ id: `c${String(i).padStart(2, '0')}`, text })));
      const originals = results.filter((r) => r.role === 'original');
      expect(originals).toHaveLength(1);
      expect(new Set(results.map((r) => r.clusterId)).size).toBe(1);
      expect(results.filter((r) => r.role === 'duplicate').length).toBeGreaterThanOrEqual(3);
      const original = results.find((r) => r.role === 'original');
      expect(await indexes[0]!.assign({ id: 'c00', text: base })).toMatchObject({ size: 20, clusterId: original?.clusterId });
    } finally {
      await Promise.all(connections.map((c) => c.quit()));
    }
  });

  it('reports a stable error code when Redis fails', async () => {
    const broken = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 0, lazyConnect: true });
    await broken.connect();
    const index = createDedupIndex({ redis: broken, prefix });
    await broken.quit();
    await expect(index.assign({ id: 'x', text: base })).rejects.toMatchObject({ code: 'KHABAR_E_DEDUP_STORE', retryable: true });
  });
});
