import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Redis } from 'ioredis';
import { createS3Archive, type S3PageArchive } from '@khabar/archive';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { LocalStack } from '@khabar/stack';
import { runCli } from '../../../test/support/cli.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { waitFor } from '../../../test/support/wait.ts';
import { startS3Server, type S3Server } from '../../../packages/archive/test/support/s3proxy.ts';
import { startSite, type Site } from './helpers/site.ts';

const BUCKET = `khabar-process-${process.pid}`;

let s3: S3Server;
let site: Site;
let redis: Redis;
let prefix: string;
let dir: string;
let stack: LocalStack;
let queues: QueueSet;
let archive: S3PageArchive;
let s3Env: Record<string, string>;

beforeAll(async () => {
  s3 = await startS3Server();
  await s3.createBucket(BUCKET);
  s3Env = {
    KHABAR_ARCHIVE_S3_BUCKET: BUCKET,
    KHABAR_ARCHIVE_S3_ENDPOINT: s3.endpoint,
    KHABAR_ARCHIVE_S3_ACCESS_KEY_ID: s3.credentials.accessKeyId,
    KHABAR_ARCHIVE_S3_SECRET_ACCESS_KEY: s3.credentials.secretAccessKey,
    KHABAR_ARCHIVE_S3_FORCE_PATH_STYLE: 'true',
    KHABAR_ARCHIVE_S3_KEY_PREFIX: 'raw/',
  };
  archive = createS3Archive({ endpoint: s3.endpoint, credentials: s3.credentials, forcePathStyle: true, bucket: BUCKET, keyPrefix: 'raw/' });
  site = await startSite((path) => (path === '/robots.txt' ? { status: 404 } : {}));
  redis = testRedis();
  prefix = uniquePrefix('s3proc');
  dir = await mkdtemp(join(tmpdir(), 'khabar-s3proc-'));
  queues = new QueueSet({ connection: redis, prefix });
  stack = new LocalStack({
    services: ['fetcher'],
    logDir: join(dir, 'logs'),
    env: { REDIS_URL: inject('redisUrl'), KHABAR_QUEUE_PREFIX: prefix, KHABAR_ARCHIVE_DIR: join(dir, 'never-used'), KHABAR_FETCH_ALLOW_HOSTS: site.hostPort, LOG_LEVEL: 'error', ...s3Env },
  });
  await stack.start();
}, 600_000);

afterAll(async () => {
  await stack.stop(5_000);
  await queues.close();
  await site.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
  archive.close();
  await s3.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('fetcher process and khabar reparse on an S3-compatible archive', () => {
  it('archives fetched pages in the bucket, and reparse reads them back from it', async () => {
    const [item] = await submitUrls({ queues, status: new StatusStore(redis, prefix) }, [{ url: `${site.origin}/news/1`, submission: { source: 's3-test' } }]);
    const id = item?.id ?? '';
    const parse = await waitFor('page handed to the parser', () => queues.get('parse').getJob(id), 20_000, 100);
    expect(parse.data.fetch.detectedCharset).toBe('utf-8');
    const page = await archive.get(parse.data.fetch.archiveKey);
    expect(page.url).toBe(`${site.origin}/news/1`);
    await parse.remove();
    const run = await runCli(['reparse', id], { env: { REDIS_URL: inject('redisUrl'), KHABAR_QUEUE_PREFIX: prefix, KHABAR_ARCHIVE_DIR: join(dir, 'never-used'), ...s3Env } });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ queued: [id] });
    expect((await queues.get('parse').getJob(id))?.data.fetch.archiveKey).toBe(parse.data.fetch.archiveKey);
  });
});
