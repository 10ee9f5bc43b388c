import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueSet, StatusStore } from '@khabar/contracts';
import { createFileArchive, createS3Archive, type PageArchive } from '@khabar/archive';
import { createLogger } from '@khabar/worker-kit';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { waitFor } from '../../../test/support/wait.ts';
import { reparse } from '../../../packages/cli/src/commands/reparse.ts';
import { pruneArchiveOnce } from '../src/retention.ts';
import { startS3Server, type S3Server } from '../../../packages/archive/test/support/s3proxy.ts';

const A = 'a1'.repeat(16);
const B = 'b2'.repeat(16);
const page = (docId: string, fetchedAt: string) => ({
  docId,
  url: `https://news.example/${docId}`,
  fetchedAt,
  status: 200,
  headers: { 'content-type': 'text/html; charset=windows-1256', etag: '"e1"' },
  body: new TextEncoder().encode(`<html>${docId} ${fetchedAt}</html>`),
});

let redis: Redis;
let prefix: string;
let dir: string;
let archive: PageArchive;
let queues: QueueSet;
let status: StatusStore;
let s3: S3Server;
let closeArchive: () => void = () => {};
let buckets = 0;

beforeAll(async () => {
  s3 = await startS3Server();
}, 600_000);

afterAll(async () => {
  await s3.stop();
});

/** The same operations against both stores: a folder, and a bucket on a local S3-compatible server. */
const STORES = {
  file: async (): Promise<PageArchive> => createFileArchive({ dir }),
  s3: async (): Promise<PageArchive> => {
    buckets += 1;
    const bucket = `khabar-reparse-${process.pid}-${buckets}`;
    await s3.createBucket(bucket);
    const a = createS3Archive({ endpoint: s3.endpoint, region: s3.region, credentials: s3.credentials, forcePathStyle: true, bucket, keyPrefix: 'raw/' });
    closeArchive = () => a.close();
    return a;
  },
} as const;

beforeEach(async () => {
  redis = testRedis();
  prefix = uniquePrefix('reparse');
  dir = await mkdtemp(join(tmpdir(), 'khabar-reparse-'));
  queues = new QueueSet({ connection: redis, prefix });
  status = new StatusStore(redis, prefix);
});

afterEach(async () => {
  closeArchive();
  closeArchive = () => {};
  await queues.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

describe.each(Object.keys(STORES) as (keyof typeof STORES)[])('%s archive', (store) => {
  beforeEach(async () => {
    archive = await STORES[store]();
  });

  describe('khabar reparse', () => {
    it('queues the newest archived page per document for parsing again, and can run twice', async () => {
      await archive.put(page(A, '2026-11-01T10:00:00.000Z'));
      const newestA = await archive.put(page(A, '2026-11-20T10:00:00.000Z'));
      const onlyB = await archive.put(page(B, '2026-11-02T10:00:00.000Z'));
      await status.create(A, 'https://news.example/a');
      await status.create(B, 'https://news.example/b');
      const first = await reparse({ queues, status, archive }, { ids: [A, B, 'c3'.repeat(16)] });
      expect(first.queued.sort()).toEqual([A, B]);
      expect(first.skipped).toEqual([{ id: 'c3'.repeat(16), reason: 'no archived page' }]);
      const jobA = await queues.get('parse').getJob(A);
      expect(jobA?.data.fetch).toMatchObject({ archiveKey: newestA, headerCharset: 'windows-1256', contentType: 'text/html', etag: '"e1"' });
      expect((await queues.get('parse').getJob(B))?.data.fetch.archiveKey).toBe(onlyB);
      expect((await status.get(A))?.stage).toBe('parse');

      // Still waiting: left alone. Once parsed (completed), it can be queued again under the same id.
      expect((await reparse({ queues, status, archive }, { ids: [A] })).skipped[0]?.reason).toMatch(/already (waiting|prioritized)/);
      const connection = testRedis();
      const worker = new Worker('parse', async () => 'parsed', { connection, prefix });
      await waitFor('parse jobs completed', async () => (await queues.get('parse').getJobCounts('completed'))['completed'] === 2, 15_000, 50);
      await worker.close();
      await connection.quit();
      const again = await reparse({ queues, status, archive }, { ids: [A] });
      expect(again.queued).toEqual([A]);
      expect(await (await queues.get('parse').getJob(A))?.getState()).toMatch(/waiting|prioritized/);
    });

    it('--since takes only pages fetched from that time on', async () => {
      await archive.put(page(A, '2026-11-01T10:00:00.000Z'));
      await archive.put(page(B, '2026-11-25T10:00:00.000Z'));
      await status.create(A, 'https://news.example/a');
      await status.create(B, 'https://news.example/b');
      const r = await reparse({ queues, status, archive }, { since: new Date('2026-11-10T00:00:00Z') });
      expect(r.queued).toEqual([B]);
      expect(await queues.get('parse').getJob(A)).toBeUndefined();
    });
  });

  describe('archive retention', () => {
    it('prunes pages older than the retention, once per period across fetchers', async () => {
      const old = await archive.put(page(A, '2026-10-01T10:00:00.000Z'));
      const fresh = await archive.put(page(B, '2026-11-27T10:00:00.000Z'));
      const log = createLogger({ service: 'test', level: 'silent' });
      const options = { archive, redis, prefix, retentionDays: 30, log, now: () => new Date('2026-11-28T00:00:00Z') };
      expect(await pruneArchiveOnce(options)).toBe(1);
      await expect(archive.get(old)).rejects.toMatchObject({ code: 'KHABAR_E_ARCHIVE_MISSING' });
      expect((await archive.get(fresh)).docId).toBe(B);
      // A second fetcher in the same period finds the lock taken and does nothing.
      expect(await pruneArchiveOnce(options)).toBeNull();
    });
  });
});
