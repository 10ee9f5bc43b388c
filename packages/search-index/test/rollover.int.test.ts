import { randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import {
  createBulkIndexer,
  createRolloverScheduler,
  createSearchClient,
  ensureIndex,
  indexStatus,
  maintenanceLockKey,
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
let bulk: BulkIndexer | undefined;

beforeEach(() => {
  client = createSearchClient(inject('elasticsearchUrl'));
  redis = testRedis();
  prefix = uniquePrefix('rollover');
  base = `khabar-t-${randomBytes(4).toString('hex')}`;
});

afterEach(async () => {
  await bulk?.close();
  bulk = undefined;
  await dropIndexBase(client, base);
  await client.close();
  await deletePrefix(redis, prefix);
  redis.disconnect();
});

const newId = (): string => randomBytes(16).toString('hex');

/** Without entities: ES counts each nested entity as a document of its own for max_docs. */
function article(id: string, title: string, at = new Date()) {
  return { ...toDocument(buildIndexJob({ url: `https://www.example.com/news/${id}.html`, id, entities: { entities: [], mentions: [] } }), at), title };
}

/** Writes `count` new documents through a bulk indexer; returns their ids. */
async function seed(count: number): Promise<string[]> {
  bulk ??= createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 20 });
  const ids = Array.from({ length: count }, newId);
  await Promise.all(ids.map((id) => bulk!.index(id, article(id, 'first'))));
  return ids;
}

async function generations(): Promise<{ read: readonly string[]; write: string | undefined }> {
  const view = await readAliasView(client, base, `${base}-write`);
  return { read: view.readIndices, write: view.writeIndex };
}

describe('rolloverIndex', () => {
  it('rolls over on max docs, and a dry run only reports', async () => {
    await ensureIndex(client, base);
    await seed(3);
    const notYet = await rolloverIndex(client, base, { maxDocs: 5 });
    expect(notYet).toMatchObject({ rolledOver: false, oldIndex: `${base}-000001` });
    expect(notYet.conditions['[max_docs: 5]']).toBe(false);
    await seed(3);
    const dry = await rolloverIndex(client, base, { maxDocs: 5 }, { dryRun: true });
    expect(dry).toMatchObject({ rolledOver: false, dryRun: true, newIndex: `${base}-000002` });
    expect(dry.conditions['[max_docs: 5]']).toBe(true);
    expect(await generations()).toEqual({ read: [`${base}-000001`], write: `${base}-000001` });
    const done = await rolloverIndex(client, base, { maxDocs: 5 });
    expect(done).toMatchObject({ rolledOver: true, oldIndex: `${base}-000001`, newIndex: `${base}-000002` });
    // The new generation joined the read alias in the same call; the old one stays readable and
    // leaves the write alias, so single-index requests through it (_analyze) still work.
    expect(await generations()).toEqual({ read: [`${base}-000001`, `${base}-000002`], write: `${base}-000002` });
    expect((await readAliasView(client, base, `${base}-write`)).writeAliasIndices).toEqual([`${base}-000002`]);
    const tokens = await client.indices.analyze({ index: `${base}-write`, analyzer: 'khabar_arabic', text: 'والكرملين' });
    expect(tokens.tokens?.map((t) => t.token)).toEqual(['كرمل']);
    expect((await client.count({ index: base })).count).toBe(6);
  });

  it('rolls over on max age', async () => {
    await ensureIndex(client, base);
    await seed(1);
    expect((await rolloverIndex(client, base, { maxAge: '1h' })).rolledOver).toBe(false);
    await new Promise((r) => setTimeout(r, 1_500));
    const done = await rolloverIndex(client, base, { maxAge: '1s' });
    expect(done.rolledOver).toBe(true);
    expect(done.conditions['[max_age: 1s]']).toBe(true);
    expect((await generations()).write).toBe(`${base}-000002`);
  });

  it('rolls over on max primary size', async () => {
    await ensureIndex(client, base);
    await seed(20);
    expect((await rolloverIndex(client, base, { maxPrimarySize: '10gb' })).rolledOver).toBe(false);
    const done = await rolloverIndex(client, base, { maxPrimarySize: '1kb' });
    expect(done.rolledOver).toBe(true);
    expect(done.conditions['[max_primary_shard_size: 1kb]']).toBe(true);
  });

  it('never rolls an empty write index over, and without conditions does nothing', async () => {
    await ensureIndex(client, base);
    expect((await rolloverIndex(client, base, { maxDocs: 1, maxPrimarySize: '1b' })).rolledOver).toBe(false);
    await seed(2);
    expect((await rolloverIndex(client, base, {})).rolledOver).toBe(false);
    expect((await generations()).read).toEqual([`${base}-000001`]);
  });

  it('says the index is missing when there is no write alias', async () => {
    await expect(rolloverIndex(client, base, { maxDocs: 1 })).rejects.toMatchObject({ code: 'KHABAR_E_INDEX_MISSING' });
  });
});

describe('rollover scheduler', () => {
  it('checks only when it holds the maintenance lock', async () => {
    await ensureIndex(client, base);
    await seed(2);
    const scheduler = createRolloverScheduler({ client, redis, prefix, base, conditions: { maxDocs: 1 }, intervalMs: 0 });
    const held = await tryAcquireLock(redis, maintenanceLockKey(prefix, base), 10_000);
    expect(held).toBeDefined();
    expect(await scheduler.checkNow()).toBe('locked');
    expect((await generations()).write).toBe(`${base}-000001`);
    await held!.release();
    expect(await scheduler.checkNow()).toMatchObject({ rolledOver: true, newIndex: `${base}-000002` });
    expect(await redis.exists(maintenanceLockKey(prefix, base))).toBe(0);
    await scheduler.stop();
  });

  it('rolls over by itself on its interval', async () => {
    await ensureIndex(client, base);
    await seed(2);
    const scheduler = createRolloverScheduler({ client, redis, prefix, base, conditions: { maxDocs: 1 }, intervalMs: 100 });
    try {
      const deadline = Date.now() + 20_000;
      while ((await generations()).write !== `${base}-000002` && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await scheduler.stop();
    }
    expect(await generations()).toEqual({ read: [`${base}-000001`, `${base}-000002`], write: `${base}-000002` });
  });
});

describe('re-writing a document after a rollover', () => {
  it('replaces it in the generation that holds it, even before that generation was refreshed', async () => {
    await ensureIndex(client, base);
    // No refresh at all on the first generation: only a real-time lookup can find its documents.
    await client.indices.putSettings({ index: `${base}-000001`, settings: { index: { refresh_interval: '-1' } } });
    bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 20 });
    const old = Array.from({ length: 300 }, newId);
    await Promise.all(old.map((id) => bulk!.index(id, article(id, 'first'))));
    // Unconditional rollover straight through the API: nothing refreshes the old generation.
    await client.indices.rollover({ alias: `${base}-write`, aliases: { [base]: {} } });
    expect((await generations()).write).toBe(`${base}-000002`);

    const fresh = Array.from({ length: 100 }, newId);
    const racing = newId(); // two writes of a brand-new id at once: one copy, the later content
    await Promise.all([
      ...old.map((id) => bulk!.index(id, article(id, 'second'))),
      ...fresh.map((id) => bulk!.index(id, article(id, 'new'))),
      bulk.index(racing, article(racing, 'racing-1')),
      bulk.index(racing, article(racing, 'racing-2')),
    ]);

    const inOld = await client.mget<{ title: string }>({ index: `${base}-000001`, ids: old, realtime: true });
    expect(inOld.docs.every((d) => 'found' in d && d.found && d._source?.title === 'second')).toBe(true);
    const strayCopies = await client.mget({ index: `${base}-000002`, ids: old, realtime: true, _source: false });
    expect(strayCopies.docs.filter((d) => 'found' in d && d.found)).toEqual([]);

    await client.indices.refresh({ index: base });
    expect((await client.count({ index: base })).count).toBe(old.length + fresh.length + 1);
    const dupes = await client.search({ index: base, size: 0, aggs: { ids: { terms: { field: 'id', min_doc_count: 2, size: 10 } } } });
    expect((dupes.aggregations?.['ids'] as { buckets: unknown[] }).buckets).toEqual([]);
    const racingDoc = await client.search<{ title: string }>({ index: base, query: { ids: { values: [racing] } } });
    expect(racingDoc.hits.hits.map((h) => h._source?.title)).toEqual(['racing-2']);

    const status = await indexStatus(client, base);
    expect(status.generations.map((g) => [g.index, g.docs, g.read, g.write])).toEqual([
      [`${base}-000001`, old.length, true, false],
      [`${base}-000002`, fresh.length + 1, true, true],
    ]);
    expect(status.readDocs).toBe(old.length + fresh.length + 1);
  });
});
