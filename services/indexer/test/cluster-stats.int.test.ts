import { randomBytes } from 'node:crypto';
import { createDedupIndex, type RedisDedupIndex } from '@khabar/dedup';
import { createBulkIndexer, type BulkIndexer } from '@khabar/search-index';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { updateOriginalCluster, type ClusterUpdateTarget } from '../src/cluster-update.ts';
import { createIndexHandler } from '../src/handler.ts';
import { dedup, indexJobOf, STORY, STORY_NEAR, type Member } from './support/cluster-jobs.ts';
import { closeStores, openStores, quietLog, type TestStores } from './support/stores.ts';

/**
 * The bad interleavings of issue 5, played deterministically against real Redis (the dedup
 * index, which counts members) and real Elasticsearch: whatever order members are indexed in,
 * the original ends with the cluster's true size and sources.
 */
let client: TestStores['client'];
let redis: TestStores['redis'];
let base: string;
let prefix: string;
let target: ClusterUpdateTarget;
let bulk: BulkIndexer;

beforeAll(async () => {
  ({ client, redis, base, prefix } = await openStores('cs'));
  target = { client, readAlias: base, writeAlias: `${base}-write` };
  bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 5 });
});

afterAll(async () => {
  await bulk.close();
  await closeStores({ client, redis, base, prefix });
});

const log = quietLog;

/** A fresh dedup index per test (its own key prefix) and a handler wired to it. */
function setup(withStats = true): { index: RedisDedupIndex; run: (m: Member, cluster?: Member['cluster']) => Promise<unknown> } {
  const index = createDedupIndex({ redis, prefix: `${prefix}:${randomBytes(4).toString('hex')}` });
  const handler = createIndexHandler({ bulk, clusters: target, ...(withStats ? { clusterStats: index } : {}) });
  const ctx = { log } as unknown as Parameters<typeof handler>[1];
  return { index, run: (m, cluster) => handler(indexJobOf(m, cluster ?? m.cluster), ctx) };
}

async function shown(id: string): Promise<{ size: number; sources: string[]; role: string } | undefined> {
  const got = await client.get<{ cluster: { size: number; sources: string[]; role: string } }>({ index: `${base}-write`, id });
  return got._source?.cluster;
}

const run = (): string => randomBytes(3).toString('hex');

describe('cluster size and sources on the original (real Redis + Elasticsearch)', () => {
  it('copy indexed before its original: the original still ends with the copy counted', async () => {
    const { index, run: indexJob } = setup();
    const r = run();
    const original = await dedup(index, `https://wire-${r}.example/a`, STORY);
    const copy = await dedup(index, `https://copy-${r}.example/b`, STORY);
    expect(original.cluster).toMatchObject({ role: 'original', size: 1 });
    expect(copy.cluster).toMatchObject({ role: 'duplicate', size: 2 });
    await indexJob(copy); // finds no original
    expect(await updateOriginalCluster(target, { ...copy.cluster, id: copy.cluster.clusterId })).toBe('original-missing');
    await indexJob(original); // its payload says size 1
    expect(await shown(original.id)).toMatchObject({ role: 'original', size: 2, sources: [`copy-${r}.example`, `wire-${r}.example`] });
  });

  it('a copy assigned while its original was on its way: the original is written once, with the copy counted', async () => {
    const { index, run: indexJob } = setup();
    const r = run();
    const original = await dedup(index, `https://wire-${r}.example/a`, STORY);
    await dedup(index, `https://copy-${r}.example/b`, STORY); // not indexed yet
    await indexJob(original); // its payload says size 1
    const got = await client.get<{ cluster: unknown }>({ index: `${base}-write`, id: original.id });
    expect(got._source?.cluster).toMatchObject({ role: 'original', size: 2, sources: [`copy-${r}.example`, `wire-${r}.example`] });
    // no second, partial write of the original (each write of a document bumps its version)
    expect(got._version).toBe(1);
  });

  it('the same order without the dedup index leaves the original stale (what the index fixes)', async () => {
    const { index, run: indexJob } = setup(false);
    const r = run();
    const original = await dedup(index, `https://wire-${r}.example/a`, STORY);
    const copy = await dedup(index, `https://copy-${r}.example/b`, STORY);
    await indexJob(copy);
    await indexJob(original);
    expect(await shown(original.id)).toMatchObject({ size: 1 });
  });

  it('two copies racing (and a forced version conflict): the original ends with both', async () => {
    const { index, run: indexJob } = setup();
    const r = run();
    const original = await dedup(index, `https://wire-${r}.example/a`, STORY);
    await indexJob(original);
    const c1 = await dedup(index, `https://one-${r}.example/b`, STORY);
    const c2 = await dedup(index, `https://two-${r}.example/c`, STORY_NEAR);
    expect(c2.cluster).toMatchObject({ role: 'near_duplicate', size: 3 });
    // the later copy first, then both at once
    await Promise.all([indexJob(c2), indexJob(c1)]);
    expect(await shown(original.id)).toMatchObject({ size: 3, sources: [`one-${r}.example`, `two-${r}.example`, `wire-${r}.example`] });

    // A third copy whose conditional update loses to a concurrent write of the original (a
    // replay carrying size 1): the update retries on the new version and still lands.
    const c3 = await dedup(index, `https://three-${r}.example/d`, STORY);
    let interfered = 0;
    const racing: ClusterUpdateTarget = {
      ...target,
      client: new Proxy(client, {
        get(real, prop, receiver) {
          if (prop !== 'update') return Reflect.get(real, prop, receiver) as unknown;
          return async (params: Parameters<typeof client.update>[0]) => {
            if (interfered++ === 0) await client.index({ index: `${base}-write`, id: original.id, document: { id: original.id, cluster: { ...indexJobOf(original).cluster, size: 1 } } });
            return real.update(params);
          };
        },
      }),
    };
    expect(await updateOriginalCluster(racing, { ...c3.cluster, id: c3.cluster.clusterId }, index)).toBe('updated');
    expect(interfered).toBe(2); // the first update hit a 409, the second succeeded
    expect(await shown(original.id)).toMatchObject({ size: 4 });
  });

  it('original re-indexed by a replay after its copies, carrying figures read earlier: the truth wins', async () => {
    const { index, run: indexJob } = setup();
    const r = run();
    const original = await dedup(index, `https://wire-${r}.example/a`, STORY);
    const copies = [await dedup(index, `https://one-${r}.example/b`, STORY), await dedup(index, `https://two-${r}.example/c`, STORY_NEAR)];
    await indexJob(original);
    for (const c of copies) await indexJob(c);
    expect(await shown(original.id)).toMatchObject({ size: 3 });
    // the replay's dedup answer (same as the first, figures from back then)
    await indexJob(original, { ...original.cluster, size: 1, sources: [`wire-${r}.example`] });
    expect(await shown(original.id)).toMatchObject({ role: 'original', size: 3, sources: [`one-${r}.example`, `two-${r}.example`, `wire-${r}.example`] });
    // a copy replayed late with its old figures changes nothing
    await indexJob(copies[0]!);
    expect(await shown(original.id)).toMatchObject({ size: 3 });
  });

  it('falls back to the job’s figures (never shrinking) when the index no longer knows the cluster', async () => {
    const { index, run: indexJob } = setup();
    const r = run();
    const original = await dedup(index, `https://wire-${r}.example/a`, STORY);
    const copy = await dedup(index, `https://copy-${r}.example/b`, STORY);
    await indexJob(original);
    const unknown = { ...copy, cluster: { ...copy.cluster, contentHash: 'f'.repeat(64) } };
    await indexJob(unknown);
    expect(await shown(original.id)).toMatchObject({ size: 2 });
    expect(await index.clusterStats({ clusterId: original.id, contentHash: 'f'.repeat(64) })).toBeNull();
    expect(await index.clusterStats({ clusterId: 'someone-else', contentHash: original.cluster.contentHash })).toBeNull();
  });

  it('fails with a retryable stable code when the dedup index cannot be read', async () => {
    const { index } = setup();
    const r = run();
    const original = await dedup(index, `https://wire-${r}.example/a`, STORY);
    const broken = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 0, lazyConnect: true });
    await broken.connect();
    const unreachable = createDedupIndex({ redis: broken, prefix });
    await broken.quit();
    await expect(updateOriginalCluster(target, { ...original.cluster, id: original.id, role: 'duplicate' }, unreachable)).rejects.toMatchObject({
      code: 'KHABAR_E_DEDUP_STORE',
      retryable: true,
    });
  });
});
