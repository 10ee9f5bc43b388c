import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDedupIndex, tokenizeForDedup, type DedupIndex } from '../src/index.ts';
import { STORIES, baseText } from './fixtures/labelled-set.ts';

/**
 * Cost measurements (printed, not asserted beyond sanity): per-document memory from
 * MEMORY USAGE, and assign latency with 100 vs 1,000 documents already indexed (bench/dedup.ts
 * measures 10k, 100k and 1M).
 */
const vocabulary = [...new Set(STORIES.flatMap((s) => [baseText(s), ...s.hardNegatives].flatMap((t) => tokenizeForDedup(t))))];

/** Deterministic pseudo-random article built from real words (mulberry32). */
function syntheticText(seed: number, words = 150): string {
  let t = seed >>> 0;
  const next = (): number => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r);
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: words }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
}

let redis: Redis;
let prefix: string;
let index: DedupIndex;
let inserted = 0;

async function prefixKeys(): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    out.push(...batch);
  } while (cursor !== '0');
  return out;
}

/** MEMORY USAGE summed per key kind (content hashes, buckets, docs, records, clusters, …). */
async function memoryByKind(): Promise<Map<string, number>> {
  const keys = await prefixKeys();
  const byKind = new Map<string, number>();
  for (let i = 0; i < keys.length; i += 1000) {
    const slice = keys.slice(i, i + 1000);
    const pipeline = redis.pipeline();
    for (const k of slice) pipeline.memory('USAGE', k, 'SAMPLES', 0);
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([err, bytes], j) => {
      // generation keys g<G>:h0:…, g<G>:l0:… are grouped by structure (h, l, d, n)
      const kind = (slice[j] ?? '').slice(prefix.length + ':dedup:'.length).replace(/^g\d+:/, '').split(':')[0]?.replace(/\d+$/, '') ?? '?';
      if (!err) byKind.set(kind, (byKind.get(kind) ?? 0) + Number(bytes));
    });
  }
  return byKind;
}

async function totalMemory(): Promise<number> {
  let total = 0;
  for (const bytes of (await memoryByKind()).values()) total += bytes;
  return total;
}

async function insertOriginals(upTo: number): Promise<void> {
  while (inserted < upTo) {
    const batch = Array.from({ length: Math.min(200, upTo - inserted) }, (_, i) => inserted + i);
    await Promise.all(batch.map((n) => index.assign({ id: `bulk-${n}`, text: syntheticText(n) })));
    inserted += batch.length;
  }
}

async function meanAssignMs(label: string): Promise<number> {
  const probes = 50;
  const start = process.hrtime.bigint();
  for (let i = 0; i < probes; i++) {
    await index.assign({ id: `${label}-${i}`, text: syntheticText(1_000_000 + inserted * 10 + i) });
  }
  return Number(process.hrtime.bigint() - start) / 1e6 / probes;
}

beforeAll(() => {
  redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  prefix = `{dedup-scale-${randomBytes(6).toString('hex')}}`;
  index = createDedupIndex({ redis, prefix });
});

afterAll(async () => {
  const keys = await prefixKeys();
  for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
  await redis.quit();
});

describe('createDedupIndex cost (real Redis)', () => {
  it('keeps assign latency flat from 100 to 1,000 documents and prints memory per document', async () => {
    await insertOriginals(100);
    const at100 = await meanAssignMs('probe100');
    await insertOriginals(1_000);
    const before = await totalMemory();
    const at10k = await meanAssignMs('probe10k');
    const originalsBytes = (await totalMemory()) - before;

    // Near copies (a changed last word) and exact copies of already indexed originals.
    const near = 100;
    const beforeNear = await totalMemory();
    const nearResults = await Promise.all(
      Array.from({ length: near }, (_, i) => index.assign({ id: `near-${i}`, text: `${syntheticText(i)} تحديث` })),
    );
    const nearBytes = (await totalMemory()) - beforeNear;
    const beforeExact = await totalMemory();
    await Promise.all(Array.from({ length: near }, (_, i) => index.assign({ id: `exact-${i}`, text: syntheticText(i) })));
    const exactBytes = (await totalMemory()) - beforeExact;

    const keyCount = (await prefixKeys()).length;
    const docs = 1_000 + 100 + near * 2;
    const breakdown = [...(await memoryByKind())].map(([kind, bytes]) => `${kind} ${(bytes / docs).toFixed(0)}`).join(', ');
    console.log(
      [
        `assign latency: ${at100.toFixed(3)} ms/doc at 100 docs, ${at10k.toFixed(3)} ms/doc at 1,000 docs (sequential, 50 probes each)`,
        `memory: ${(before / 1_000).toFixed(0)} B/doc for 1,000 originals (all keys / docs), marginal ${(originalsBytes / 200).toFixed(0)} B per new original`,
        `memory: ${(nearBytes / near).toFixed(0)} B per near duplicate, ${(exactBytes / near).toFixed(0)} B per exact duplicate; ${keyCount} keys in total`,
        `memory per document by key kind over all ${docs} docs (B): ${breakdown}`,
      ].join('\n'),
    );
    expect(nearResults.every((r) => r.role === 'near_duplicate')).toBe(true);
    expect(at10k).toBeLessThan(at100 * 10 + 5);
  });
});
