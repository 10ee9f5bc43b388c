import { randomBytes } from 'node:crypto';
import { createDedupIndex, type RedisDedupIndex } from '@khabar/dedup';
import { createBulkIndexer, type BulkIndexer } from '@khabar/search-index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterUpdateTarget } from '../src/cluster-update.ts';
import { createIndexHandler } from '../src/handler.ts';
import { createOrphanClusters, type OrphanClusters } from '../src/orphan-clusters.ts';
import { dedup, idOf, indexJobOf, OTHER_STORY, STORY, STORY_NEAR, type Member } from './support/cluster-jobs.ts';
import { closeStores, openStores, quietLog, type TestStores } from './support/stores.ts';

/**
 * Clusters whose first member never reaches the index (it failed after dedup, or it is the
 * canonical page of an AMP URL nobody fetched), against real Redis and Elasticsearch.
 */
let client: TestStores['client'];
let redis: TestStores['redis'];
let base: string;
let prefix: string;
let target: ClusterUpdateTarget;
let bulk: BulkIndexer;

beforeAll(async () => {
  ({ client, redis, base, prefix } = await openStores('oc'));
  target = { client, readAlias: base, writeAlias: `${base}-write` };
  bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 5 });
});

afterAll(async () => {
  await bulk.close();
  await closeStores({ client, redis, base, prefix });
});

const log = quietLog;
const GRACE = 60_000;

interface World {
  readonly index: RedisDedupIndex;
  readonly orphans: OrphanClusters;
  readonly r: string;
  indexJob(m: Member): Promise<unknown>;
  later(ms: number): void;
}

/** A dedup index and an orphan registry of their own, a handler wired to both, a clock the test moves. */
function world(clusterTarget: ClusterUpdateTarget = target): World {
  const p = `${prefix}:${randomBytes(4).toString('hex')}`;
  let clock = Date.parse('2026-11-28T10:00:00Z');
  const index = createDedupIndex({ redis, prefix: p });
  const orphans = createOrphanClusters({ redis, prefix: p, target: clusterTarget, stats: index, graceMs: GRACE, now: () => clock });
  const handler = createIndexHandler({ bulk, clusters: clusterTarget, clusterStats: index, orphans });
  const ctx = { log } as unknown as Parameters<typeof handler>[1];
  return { index, orphans, r: randomBytes(3).toString('hex'), indexJob: (m) => handler(indexJobOf(m), ctx), later: (ms) => void (clock += ms) };
}

async function clusterOf(id: string): Promise<{ id: string; role: string; size: number; sources: string[] } | undefined> {
  const got = await client.get<{ cluster: { id: string; role: string; size: number; sources: string[] } }>({ index: `${base}-write`, id });
  return got._source?.cluster;
}

/** What analysts get: the story's documents, its originals, and the collapsed (one per story) search. */
async function story(clusterId: string): Promise<{ docs: number; originals: string[]; collapsed: string[] }> {
  await client.indices.refresh({ index: base });
  const all = await client.search({ index: base, query: { term: { 'cluster.id': clusterId } }, size: 50 });
  const originals = await client.search({ index: base, query: { bool: { filter: [{ term: { 'cluster.id': clusterId } }, { term: { 'cluster.role': 'original' } }] } }, size: 50 });
  const collapsed = await client.search({ index: base, query: { term: { 'cluster.id': clusterId } }, collapse: { field: 'cluster.id' }, size: 50 });
  return { docs: all.hits.hits.length, originals: originals.hits.hits.map((h) => h._id ?? ''), collapsed: collapsed.hits.hits.map((h) => h._id ?? '') };
}

describe('clusters whose original never reaches the index (real Redis + Elasticsearch)', () => {
  it('promotes the first copy indexed after the grace period; it keeps the cluster id and carries the figures', async () => {
    const w = world();
    const original = await dedup(w.index, `https://wire-${w.r}.example/a`, STORY); // never indexed: failed in the tagger
    const c1 = await dedup(w.index, `https://one-${w.r}.example/b`, STORY);
    const c2 = await dedup(w.index, `https://two-${w.r}.example/c`, STORY_NEAR);
    await w.indexJob(c1);
    await w.indexJob(c2);
    expect(await w.orphans.promoteDue(5)).toEqual([]); // still within the grace period
    expect((await story(original.id)).originals).toEqual([]);

    w.later(GRACE + 1);
    expect(await w.orphans.promoteDue(5)).toEqual([{ clusterId: original.id, outcome: 'promoted' }]);
    expect(await clusterOf(c1.id)).toMatchObject({ id: original.id, role: 'original', size: 3, sources: [`one-${w.r}.example`, `two-${w.r}.example`, `wire-${w.r}.example`] });
    expect(await clusterOf(c2.id)).toMatchObject({ id: original.id, role: 'near_duplicate' });
    expect(await story(original.id)).toEqual({ docs: 2, originals: [c1.id], collapsed: [expect.any(String)] });

    // the stand-in re-indexed by a replay (its payload says duplicate) keeps standing in
    await w.indexJob(c1);
    expect(await clusterOf(c1.id)).toMatchObject({ role: 'original', size: 3 });

    // later copies keep the stand-in's figures current
    const c3 = await dedup(w.index, `https://three-${w.r}.example/d`, STORY);
    await w.indexJob(c3);
    expect(await clusterOf(c1.id)).toMatchObject({ role: 'original', size: 4 });
    expect(await w.orphans.promoteDue(5)).toEqual([]);
  });

  it('gives the stand-in its role back when the original arrives after all (a retried job)', async () => {
    const w = world();
    const original = await dedup(w.index, `https://wire-${w.r}.example/a`, STORY);
    const copy = await dedup(w.index, `https://one-${w.r}.example/b`, STORY_NEAR);
    await w.indexJob(copy);
    w.later(GRACE + 1);
    expect(await w.orphans.promoteDue()).toEqual([{ clusterId: original.id, outcome: 'promoted' }]);
    expect(await clusterOf(copy.id)).toMatchObject({ role: 'original' });
    await w.indexJob(original);
    expect(await clusterOf(copy.id)).toMatchObject({ id: original.id, role: 'near_duplicate' });
    expect(await clusterOf(original.id)).toMatchObject({ role: 'original', size: 2 });
    expect(await story(original.id)).toMatchObject({ docs: 2, originals: [original.id] });
    expect(await w.orphans.standInOf(original.id)).toBeNull();
  });

  it('does nothing when the original arrives within the grace period', async () => {
    const w = world();
    const original = await dedup(w.index, `https://wire-${w.r}.example/a`, STORY);
    const copy = await dedup(w.index, `https://one-${w.r}.example/b`, STORY);
    await w.indexJob(copy);
    await w.indexJob(original);
    w.later(GRACE + 1);
    expect(await w.orphans.promoteDue(5)).toEqual([]);
    expect(await clusterOf(copy.id)).toMatchObject({ role: 'duplicate' });
    expect(await story(original.id)).toMatchObject({ originals: [original.id] });
  });

  it('an AMP page whose canonical page is never fetched stands in for it', async () => {
    const w = world();
    const canonicalUrl = `https://news-${w.r}.example/story`;
    const ampUrl = `https://news-${w.r}.example/story/amp`;
    const cluster = await w.index.assign({ id: idOf(ampUrl), text: STORY, source: `news-${w.r}.example`, canonicalId: idOf(canonicalUrl) });
    expect(cluster).toMatchObject({ clusterId: idOf(canonicalUrl), role: 'duplicate' });
    const amp: Member = { id: idOf(ampUrl), url: ampUrl, text: STORY, cluster };
    await w.indexJob(amp);
    w.later(GRACE + 1);
    // the next index job (any document) runs the due promotion
    const other = await dedup(w.index, `https://other-${w.r}.example/x`, OTHER_STORY);
    expect(other.cluster.role).toBe('original');
    await w.indexJob(other);
    expect(await clusterOf(amp.id)).toMatchObject({ id: idOf(canonicalUrl), role: 'original' });
    expect((await story(idOf(canonicalUrl))).collapsed).toEqual([amp.id]);
  });

  it('an original indexed while its stand-in is being promoted still ends as the only original', async () => {
    const late: { w?: World; original?: Member } = {};
    let interfered = false;
    // the original's whole index job runs just before the promotion's write
    const racing: ClusterUpdateTarget = {
      ...target,
      client: new Proxy(client, {
        get(real, prop, receiver) {
          if (prop !== 'update') return Reflect.get(real, prop, receiver) as unknown;
          return async (params: Parameters<typeof client.update>[0]) => {
            const promoting = (params as unknown as { doc?: { cluster?: { role?: string } } }).doc?.cluster?.role === 'original';
            if (promoting && !interfered && late.w && late.original) {
              interfered = true;
              await late.w.indexJob(late.original);
            }
            return real.update(params);
          };
        },
      }),
    };
    const w = world(racing);
    const original = await dedup(w.index, `https://wire-${w.r}.example/a`, STORY);
    Object.assign(late, { w, original });
    const copy = await dedup(w.index, `https://one-${w.r}.example/b`, STORY);
    await w.indexJob(copy);
    w.later(GRACE + 1);
    expect(await w.orphans.promoteDue()).toEqual([{ clusterId: original.id, outcome: 'original-present' }]);
    expect(interfered).toBe(true);
    expect(await clusterOf(copy.id)).toMatchObject({ role: 'duplicate' });
    expect(await story(original.id)).toMatchObject({ docs: 2, originals: [original.id] });
    expect(await w.orphans.standInOf(original.id)).toBeNull();
  });
});
