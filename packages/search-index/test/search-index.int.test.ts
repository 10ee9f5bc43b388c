import { randomBytes } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { KhabarError, PermanentError, RetryLaterError } from '@khabar/errors';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createBulkIndexer, createSearchClient, ensureIndex, toDocument, type BulkIndexer } from '../src/index.ts';
import { buildIndexJob } from './build-index-job.ts';
import { dropIndexBase } from '../../../test/support/elasticsearch.ts';
import { waitFor } from '../../../test/support/wait.ts';

let client: Client;
let base: string;
let bulk: BulkIndexer | undefined;

beforeEach(() => {
  client = createSearchClient(inject('elasticsearchUrl'));
  base = `khabar-t-${randomBytes(4).toString('hex')}`;
});

afterEach(async () => {
  await bulk?.close();
  bulk = undefined;
  await dropIndexBase(client, base);
  await client.close();
});

function jobFor(n: number) {
  const url = `https://www.example.com/news/${n}.html`;
  return buildIndexJob({ url, id: randomBytes(16).toString('hex') });
}

async function rejectionOf(promise: Promise<unknown>): Promise<KhabarError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KhabarError);
  return error as KhabarError;
}

describe('ensureIndex', () => {
  it('creates one index behind read and write aliases, even when called twice at once', async () => {
    await Promise.all([ensureIndex(client, base), ensureIndex(client, base)]);
    await ensureIndex(client, base);
    const aliases = await client.indices.getAlias({ index: `${base}-*` });
    expect(Object.keys(aliases)).toEqual([`${base}-000001`]);
    expect(aliases[`${base}-000001`]?.aliases).toEqual({ [base]: {}, [`${base}-write`]: { is_write_index: true } });
    const mapping = await client.indices.getMapping({ index: base });
    expect(mapping[`${base}-000001`]?.mappings.dynamic).toBe('strict');
  });
});

describe('bulk indexer', () => {
  it('indexes 200 documents in batches, each promise settling on its own acknowledgement', async () => {
    await ensureIndex(client, base);
    bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, maxBatchDocs: 50, flushIntervalMs: 50 });
    const jobs = Array.from({ length: 200 }, (_, n) => jobFor(n));
    await Promise.all(jobs.map((job) => bulk!.index(job.id, toDocument(job))));
    await client.indices.refresh({ index: base });
    expect((await client.count({ index: base })).count).toBe(200);
    const one = await client.get<{ site: string; persons: string[] }>({ index: base, id: jobs[123]!.id });
    expect(one._source).toMatchObject({ site: 'www.example.com', persons: ['دميتري بيسكوف'] });
  });

  it('closes batches at the byte limit; a document bigger than the limit goes alone', async () => {
    await ensureIndex(client, base);
    const batches: number[] = [];
    const logger = { debug: (o: object) => batches.push((o as { docs: number }).docs), warn: () => {} };
    bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, logger, maxBatchBytes: 20_000, flushIntervalMs: 500 });
    const small = Array.from({ length: 6 }, (_, n) => jobFor(n)); // ~2.5 kB each
    const big = jobFor(99);
    const bigDoc = { ...toDocument(big), text: 'خبر '.repeat(10_000) }; // ~70 kB
    await Promise.all([bulk.index(big.id, bigDoc), ...small.map((job) => bulk!.index(job.id, toDocument(job)))]);
    expect(batches).toEqual([1, 6]);
    await client.indices.refresh({ index: base });
    expect((await client.count({ index: base })).count).toBe(7);
  });

  it('overwrites on the same id (reprocessing is idempotent)', async () => {
    await ensureIndex(client, base);
    bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, refresh: 'wait_for' });
    const job = jobFor(1);
    await bulk.index(job.id, toDocument(job));
    await bulk.index(job.id, { ...toDocument(job), title: 'عنوان محدث' });
    const hits = await client.search<{ title: string }>({ index: base, query: { ids: { values: [job.id] } } });
    expect(hits.hits.hits).toHaveLength(1);
    expect(hits.hits.hits[0]?._source?.title).toBe('عنوان محدث');
  });

  it('fails a document with a wrong field type permanently with ES reason, without failing its batch mates', async () => {
    await ensureIndex(client, base);
    bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, flushIntervalMs: 100 });
    const good = jobFor(1);
    const bad = jobFor(2);
    const [goodResult, error] = await Promise.all([
      bulk.index(good.id, toDocument(good)),
      rejectionOf(bulk.index(bad.id, { ...toDocument(bad), publishedAt: 'not a date' })),
    ]);
    expect(goodResult).toBeUndefined();
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.code).toBe('KHABAR_E_INDEX_MAPPING');
    expect(error.message).toMatch(/publishedAt/);
    const unknown = await rejectionOf(bulk.index(bad.id, { ...toDocument(bad), surprise: 1 }));
    expect(unknown.code).toBe('KHABAR_E_INDEX_MAPPING');
    expect(unknown.message).toMatch(/strict|dynamic/);
  });

  it('keeps several wait_for requests in flight, so a document never queues behind requests that only wait for a refresh', async () => {
    await ensureIndex(client, base);
    await client.indices.putSettings({ index: `${base}-000001`, settings: { refresh_interval: '-1' } });
    let inFlight = 0;
    let peak = 0;
    const counting = new Proxy(client, {
      get(target, prop) {
        if (prop === 'bulk') {
          return async (...args: Parameters<Client['bulk']>) => {
            inFlight += 1;
            peak = Math.max(peak, inFlight);
            try {
              return await target.bulk(...args);
            } finally {
              inFlight -= 1;
            }
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    bulk = createBulkIndexer({ client: counting, writeAlias: `${base}-write`, flushIntervalMs: 1, refresh: 'wait_for' });
    const jobs = Array.from({ length: 5 }, (_, n) => jobFor(n));
    let settled = 0;
    const done: Array<Promise<void>> = [];
    // A wait_for request is released by a scheduled refresh (not by the _refresh API): turning
    // refreshes back on lets every request end, also when an assertion below fails.
    const refreshesOn = () => client.indices.putSettings({ index: `${base}-000001`, settings: { refresh_interval: '100ms' } });
    try {
      for (const [n, job] of jobs.entries()) {
        done.push(bulk.index(job.id, toDocument(job)).then(() => void (settled += 1)));
        // Each document in its own request, sent while the earlier ones wait (refreshes are off).
        await waitFor(`bulk request ${n + 1} in flight`, async () => inFlight === n + 1, 10_000, 5);
      }
    } finally {
      const seen = { peak, settled };
      await refreshesOn();
      expect(seen).toEqual({ peak: 5, settled: 0 });
    }
    await Promise.all(done);
    expect((await client.count({ index: base })).count).toBe(5);
  });

  it('answers RetryLaterError when the write alias does not exist (no index auto-created)', async () => {
    bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, maxRetries: 1, retryBaseDelayMs: 10, flushIntervalMs: 10 });
    const job = jobFor(1);
    const error = await rejectionOf(bulk.index(job.id, toDocument(job)));
    expect(error).toBeInstanceOf(RetryLaterError);
    expect(error.code).toBe('KHABAR_E_INDEX_UNAVAILABLE');
    expect(await client.indices.exists({ index: `${base}-write` })).toBe(false);
  });

  it('answers RetryLaterError when Elasticsearch cannot be reached', async () => {
    const unreachable = createSearchClient('http://127.0.0.1:1', { requestTimeoutMs: 2_000 });
    const local = createBulkIndexer({ client: unreachable, writeAlias: 'nowhere-write', maxRetries: 1, retryBaseDelayMs: 10, flushIntervalMs: 10 });
    const job = jobFor(1);
    const error = await rejectionOf(local.index(job.id, toDocument(job)));
    expect(error).toBeInstanceOf(RetryLaterError);
    expect(error.code).toBe('KHABAR_E_INDEX_UNAVAILABLE');
    await local.close();
    await unreachable.close();
  });
});

describe('search', () => {
  it('finds Arabic text, title words and entity facets', async () => {
    await ensureIndex(client, base);
    bulk = createBulkIndexer({ client, writeAlias: `${base}-write`, refresh: 'wait_for' });
    const peskov = jobFor(1);
    const other = buildIndexJob({
      url: 'https://www.example.com/sport/1.html',
      id: randomBytes(16).toString('hex'),
      article: { ...peskov.article, title: 'Match report', text: 'The home team won the final.', paragraphs: ['The home team won the final.'], lang: 'en', dir: 'ltr' },
      entities: { entities: [], mentions: [] },
    });
    await Promise.all([bulk.index(peskov.id, toDocument(peskov)), bulk.index(other.id, toDocument(other))]);
    const ids = async (query: object): Promise<string[]> =>
      (await client.search({ index: base, query })).hits.hits.map((h) => h._id ?? '').sort();
    expect(await ids({ match: { text: 'بيسكوف' } })).toEqual([peskov.id]);
    expect(await ids({ match_phrase: { text: 'متحدث الكرملين' } })).toEqual([peskov.id]);
    expect(await ids({ match: { title: 'باكو' } })).toEqual([peskov.id]);
    expect(await ids({ term: { locations: 'باكو' } })).toEqual([peskov.id]);
    expect(await ids({ nested: { path: 'entities', query: { bool: { filter: [{ term: { 'entities.type': 'PER' } }, { term: { 'entities.names': 'بيسكوف' } }] } } } })).toEqual([peskov.id]);
    expect(await ids({ match: { text: 'final' } })).toEqual([other.id]);
    // Arabic stopwords are not indexed: a query made only of them finds nothing.
    expect(await ids({ match: { text: 'في من على' } })).toEqual([]);
  });
});
