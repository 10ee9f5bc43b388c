import { randomBytes } from 'node:crypto';
import { LinkStore, LINKS_TTL_SECONDS, compactPayload, parsePayload, withoutLinks, type IndexJob } from '@khabar/contracts';
import { createBulkIndexer, type BulkIndexer } from '@khabar/search-index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIndexHandler } from '../src/handler.ts';
import type { LinkSources } from '../src/links.ts';
import { idOf, indexJobOf, STORY } from './support/cluster-jobs.ts';
import { closeStores, openStores, quietLog, type TestStores } from './support/stores.ts';

/**
 * Link lists travel in a side record from the parser to the indexer (real Redis and
 * Elasticsearch): the document gets them, the record goes once the document is indexed, and a
 * replay after that takes them from the indexed document.
 */
let client: TestStores['client'];
let redis: TestStores['redis'];
let base: string;
let prefix: string;
let bulk: BulkIndexer;
let store: LinkStore;
let sources: LinkSources;

beforeAll(async () => {
  ({ client, redis, base, prefix } = await openStores('links'));
  bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 5 });
  store = new LinkStore(redis, prefix);
  sources = { store, client, readAlias: base, writeAlias: `${base}-write` };
});

afterAll(async () => {
  await bulk.close();
  await closeStores({ client, redis, base, prefix });
});

const log = quietLog;
const LINKS = {
  teasers: [{ title: 'غزة: قافلة ثانية', url: 'https://teasers.example/2', text: 'قافلة' }],
  related: [{ title: 'Related', url: 'https://related.example/3' }],
  readMore: [{ title: 'Read more', url: 'https://readmore.example/4' }],
};

/** An index job whose links the parser put in a side record, as the stored (compact) payload round-trips it. */
async function storedJob(): Promise<IndexJob> {
  const url = `https://a.example/${randomBytes(4).toString('hex')}`;
  const full = indexJobOf({ id: idOf(url), url, text: STORY, cluster: { clusterId: idOf(url), role: 'original', similarity: 1, contentHash: 'c0ffee', size: 1, sources: ['a.example'] } });
  await store.put(full.id, full.parsedAt, LINKS);
  const data = compactPayload({ ...full, article: withoutLinks({ ...full.article, ...LINKS }), linksStored: true });
  expect(JSON.stringify(data)).not.toContain('https://teasers.example/');
  return parsePayload('index', JSON.parse(JSON.stringify(data)));
}

async function indexedLinks(id: string): Promise<unknown> {
  const got = await client.get<Record<string, unknown>>({ index: `${base}-write`, id, _source_includes: ['teasers', 'related', 'readMore'] });
  return got._source;
}

describe('link side records (real Redis + Elasticsearch)', () => {
  const handler = () => createIndexHandler({ bulk, links: sources });
  const ctx = { log } as unknown as Parameters<ReturnType<typeof handler>>[1];

  it('joins the lists back into the document, then deletes the record', async () => {
    const job = await storedJob();
    expect(job.article.teasers).toEqual([]);
    const key = store.key(job.id, job.parsedAt);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(LINKS_TTL_SECONDS - 60);
    await handler()(job, ctx);
    expect(await indexedLinks(job.id)).toEqual(LINKS);
    expect(await redis.exists(key)).toBe(0);
  });

  it('a replay after the record is gone takes the lists from the indexed document', async () => {
    const job = await storedJob();
    await handler()(job, ctx);
    expect(await redis.exists(store.key(job.id, job.parsedAt))).toBe(0);
    await handler()(job, ctx);
    expect(await indexedLinks(job.id)).toEqual(LINKS);
  });

  it('fails for good when neither the record nor the document exists', async () => {
    const job = await storedJob();
    await store.delete(job.id, job.parsedAt);
    await expect(handler()(job, ctx)).rejects.toMatchObject({ code: 'KHABAR_E_LINKS_MISSING', retryable: false });
    expect((await client.count({ index: base, query: { ids: { values: [job.id] } } })).count).toBe(0);
  });

  it('jobs without stored links keep their own lists', async () => {
    const url = `https://a.example/${randomBytes(4).toString('hex')}`;
    const plain = indexJobOf({ id: idOf(url), url, text: STORY, cluster: { clusterId: idOf(url), role: 'original', similarity: 1, contentHash: 'c0ffee', size: 1, sources: ['a.example'] } });
    const job = { ...plain, article: { ...plain.article, ...LINKS } };
    expect(job.linksStored).toBe(false);
    await handler()(job, ctx);
    expect(await indexedLinks(job.id)).toEqual(LINKS);
  });

  it('one record per parse: a newer parse of the page does not touch an older one in flight', async () => {
    const id = idOf(`https://a.example/${randomBytes(4).toString('hex')}`);
    await store.put(id, '2026-11-28T10:00:02.000Z', LINKS);
    await store.put(id, '2026-11-28T11:00:00.000Z', { teasers: [], related: [], readMore: [{ title: 'new', url: 'https://a.example/9' }] });
    expect(await store.get(id, '2026-11-28T10:00:02Z')).toEqual(LINKS);
    await store.delete(id, '2026-11-28T11:00:00.000Z');
    expect(await store.get(id, '2026-11-28T10:00:02.000Z')).toEqual(LINKS);
  });
});
