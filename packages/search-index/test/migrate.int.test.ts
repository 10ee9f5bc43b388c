import { randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import {
  createBulkIndexer,
  createSearchClient,
  ensureIndex,
  indexStatus,
  loadMigrationState,
  maintenanceLockKey,
  migrateIndex,
  migrationStateKey,
  readAliasView,
  rolloverIndex,
  toDocument,
  tryAcquireLock,
  type BulkIndexer,
} from '../src/index.ts';
import { buildIndexJob } from './build-index-job.ts';
import { dropIndexBase } from '../../../test/support/elasticsearch.ts';

let client: Client;
let redis: Redis;
let prefix: string;
let base: string;
let bulk: BulkIndexer;

beforeEach(() => {
  client = createSearchClient(inject('elasticsearchUrl'));
  redis = testRedis();
  prefix = uniquePrefix('migrate');
  base = `khabar-t-${randomBytes(4).toString('hex')}`;
  bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 20 });
});

afterEach(async () => {
  await bulk.close();
  await dropIndexBase(client, base);
  await client.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

const newId = (): string => randomBytes(16).toString('hex');

function article(id: string, title: string) {
  return { ...toDocument(buildIndexJob({ url: `https://www.example.com/news/${id}.html`, id })), title };
}

/** Every document behind the read alias, by id (fails on an id seen twice). */
async function readAll(): Promise<Map<string, string>> {
  await client.indices.refresh({ index: base });
  const out = new Map<string, string>();
  let after: Array<string | number> | undefined;
  for (;;) {
    const page = await client.search<{ id: string; title: string }>({ index: base, size: 1000, sort: [{ id: 'asc' }], ...(after ? { search_after: after } : {}) });
    const hits = page.hits.hits;
    if (hits.length === 0) return out;
    for (const hit of hits) {
      expect(out.has(hit._id!), `id ${hit._id} twice behind the read alias`).toBe(false);
      out.set(hit._id!, hit._source!.title);
    }
    after = hits[hits.length - 1]!.sort as Array<string | number>;
  }
}

describe('khabar index migrate', () => {
  it('moves every document to a new index while a writer adds new ids and rewrites old ones', async () => {
    await ensureIndex(client, base);
    // Two generations to start from.
    const expected = new Map<string, string>();
    const write = async (id: string, title: string): Promise<void> => {
      await bulk.index(id, article(id, title));
      expected.set(id, title);
    };
    await Promise.all(Array.from({ length: 400 }, () => write(newId(), 'v0')));
    expect((await rolloverIndex(client, base, { maxDocs: 1 })).rolledOver).toBe(true);
    await Promise.all(Array.from({ length: 300 }, () => write(newId(), 'v0')));
    const before = await readAliasView(client, base, `${base}-write`);
    expect(before.readIndices).toHaveLength(2);

    // The writer: the indexer's own bulk path, new ids and newer versions of existing ones, one
    // write per id at a time (as the index queue guarantees), until the migration is over.
    let stop = false;
    let rewrites = 0;
    let created = 0;
    const writer = (async () => {
      for (let round = 1; !stop; round++) {
        const existing = [...expected.keys()].sort(() => Math.random() - 0.5).slice(0, 10);
        await Promise.all([...existing.map((id) => write(id, `v${round}`)), ...Array.from({ length: 3 }, () => write(newId(), `v${round}`))]);
        rewrites += existing.length;
        created += 3;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    const phases = new Set<string>();
    const report = await migrateIndex({
      client,
      redis,
      prefix,
      base,
      pageSize: 100,
      maxDocsPerSecond: 1_500,
      settleMs: 1_500,
      passIntervalMs: 100,
      onProgress: (state) => phases.add(state.phase),
    });
    // Keep writing a little after the swap, then stop.
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await writer;

    expect(report).toMatchObject({ finished: true, resumed: false });
    expect([...phases]).toEqual(['copy', 'catch-up', 'settle', 'done']);
    expect(rewrites).toBeGreaterThan(0);
    expect(created).toBeGreaterThan(0);
    expect(report.caughtUp).toBeGreaterThan(0); // writes during the copy were caught up
    const after = await readAliasView(client, base, `${base}-write`);
    expect(after).toEqual({ readIndices: [report.target], writeIndex: report.target, writeAliasIndices: [report.target] });
    expect(report.target).toMatch(new RegExp(`^${base}-m\\d{8}t\\d{6}-000001$`));

    const indexed = await readAll();
    expect(indexed.size).toBe(expected.size);
    const wrong = [...expected].filter(([id, title]) => indexed.get(id) !== title);
    expect(wrong).toEqual([]);

    const status = await indexStatus(client, base, { redis, prefix });
    expect(status.writeIndex).toBe(report.target);
    expect(status.generations.filter((g) => g.read).map((g) => g.index)).toEqual([report.target]);
    expect(status.generations.find((g) => g.index === report.target)?.templateVersion).toBe(status.templateVersion);
    expect(status.migration?.phase).toBe('done');
    // The old generations are kept, outside both aliases.
    expect(status.generations.filter((g) => !g.read).map((g) => g.index).sort()).toEqual([...before.readIndices]);
  }, 240_000);

  it('resumes an interrupted migration from its checkpoint', async () => {
    await ensureIndex(client, base);
    const ids = Array.from({ length: 500 }, newId);
    await Promise.all(ids.map((id) => bulk.index(id, article(id, 'only'))));

    const stopper = new AbortController();
    const first = await migrateIndex({
      client,
      redis,
      prefix,
      base,
      pageSize: 50,
      settleMs: 0,
      passIntervalMs: 50,
      signal: stopper.signal,
      onProgress: (state) => {
        if (state.copied >= 200) stopper.abort();
      },
    });
    expect(first.finished).toBe(false);
    expect(first.thisRun.created).toBe(200);
    const checkpoint = await loadMigrationState(redis, migrationStateKey(prefix, base));
    expect(checkpoint).toMatchObject({ phase: 'copy', copied: 200, target: first.target });
    // Readers and writers were not moved yet, and the lock is free again.
    expect((await readAliasView(client, base, `${base}-write`)).readIndices).toEqual([`${base}-000001`]);
    expect(await redis.exists(maintenanceLockKey(prefix, base))).toBe(0);

    const second = await migrateIndex({ client, redis, prefix, base, pageSize: 50, settleMs: 0, passIntervalMs: 50 });
    expect(second).toMatchObject({ finished: true, resumed: true, target: first.target, copied: 500 });
    expect(second.thisRun.created).toBe(300);
    const indexed = await readAll();
    expect([...indexed.keys()].sort()).toEqual([...ids].sort());
    expect((await readAliasView(client, base, `${base}-write`)).writeIndex).toBe(first.target);
  });

  it('carries partial updates made to a source after its copy (same indexedAt) before the swap', async () => {
    await ensureIndex(client, base);
    const ids = Array.from({ length: 20 }, newId);
    await Promise.all(ids.map((id) => bulk.index(id, article(id, 'same'))));
    const stopper = new AbortController();
    const first = await migrateIndex({
      client,
      redis,
      prefix,
      base,
      settleMs: 0,
      passIntervalMs: 50,
      signal: stopper.signal,
      onProgress: (state) => {
        if (state.phase === 'catch-up') stopper.abort();
      },
    });
    expect(first.finished).toBe(false);
    expect(first.thisRun.created).toBe(20);
    // What the indexer's cluster updates do: change cluster fields in place, indexedAt untouched.
    const changed = ids[7]!;
    await client.update({ index: `${base}-000001`, id: changed, doc: { cluster: { role: 'near-duplicate', size: 1 } } });
    const second = await migrateIndex({ client, redis, prefix, base, settleMs: 0, passIntervalMs: 50 });
    expect(second).toMatchObject({ finished: true, resumed: true });
    const moved = await client.get<{ cluster: { role: string } }>({ index: second.target, id: changed });
    expect(moved._source?.cluster.role).toBe('near-duplicate');
    expect((await readAll()).size).toBe(20);
  });

  it('refuses to run while another maintenance job holds the lock', async () => {
    await ensureIndex(client, base);
    const held = await tryAcquireLock(redis, maintenanceLockKey(prefix, base), 10_000);
    await expect(migrateIndex({ client, redis, prefix, base })).rejects.toMatchObject({ code: 'KHABAR_E_INDEX_BUSY' });
    await held!.release();
  });

  it('says there is nothing to migrate without the aliases', async () => {
    await expect(migrateIndex({ client, redis, prefix, base })).rejects.toMatchObject({ code: 'KHABAR_E_INDEX_MISSING' });
    expect(await redis.exists(maintenanceLockKey(prefix, base))).toBe(0);
  });
});
