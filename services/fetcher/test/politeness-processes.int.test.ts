import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Redis } from 'ioredis';
import { QueueSet, StatusStore, submitUrls } from '@khabar/contracts';
import { LocalStack } from '@khabar/stack';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';
import { waitFor } from '../../../test/support/wait.ts';
import { startSite, type Site } from './helpers/site.ts';

const URLS = 500;
const FETCHERS = 4;
const DELAY_MS = 25;
const HOST_LIMIT = 2;

let site: Site;
let redis: Redis;
let prefix: string;
let dir: string;
let stack: LocalStack;
let queues: QueueSet;

beforeAll(async () => {
  // Responses take 5–45 ms, so without the gate several requests would overlap.
  site = await startSite((path) => (path === '/robots.txt' ? { status: 404 } : { delayMs: 5 + (Number(path.split('/').pop()) % 41) }));
  redis = testRedis();
  prefix = uniquePrefix('polite');
  dir = await mkdtemp(join(tmpdir(), 'khabar-polite-'));
  queues = new QueueSet({ connection: redis, prefix });
  stack = new LocalStack({
    services: Array.from({ length: FETCHERS }, () => 'fetcher' as const),
    logDir: join(dir, 'logs'),
    env: {
      REDIS_URL: inject('redisUrl'),
      KHABAR_QUEUE_PREFIX: prefix,
      KHABAR_ARCHIVE_DIR: join(dir, 'archive'),
      KHABAR_FETCH_ALLOW_HOSTS: site.hostPort,
      KHABAR_FETCH_HOST_DELAY_MS: String(DELAY_MS),
      KHABAR_FETCH_HOST_CONCURRENCY: String(HOST_LIMIT),
      KHABAR_FETCH_AUTOTHROTTLE_TARGET: '2',
      KHABAR_CONCURRENCY: '8',
      LOG_LEVEL: 'error',
    },
  });
  await stack.start();
});

afterAll(async () => {
  await stack.stop(5_000);
  await queues.close();
  await site.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

describe('politeness across fetcher processes', () => {
  it(`${URLS} URLs on one host through ${FETCHERS} fetchers never exceed the host limit or the minimum delay`, async () => {
    const items = Array.from({ length: URLS }, (_, i) => ({ url: `${site.origin}/news/${i}`, submission: { source: 'polite-test' } }));
    await submitUrls({ queues, status: new StatusStore(redis, prefix) }, items);
    await waitFor(
      'every page handed to the parser',
      async () => (await queues.get('parse').count()) === URLS,
      60_000,
      250,
    ).catch(async (err: unknown) => {
      const counts = await queues.get('fetch').getJobCounts();
      throw new Error(`${String(err)}: site saw ${site.requests.length} requests; fetch jobs ${JSON.stringify(counts)}\n${await stack.tailLogs(10)}`);
    });
    const pages = site.requests.filter((r) => r.path !== '/robots.txt').sort((a, b) => a.start - b.start);
    expect(pages).toHaveLength(URLS);
    expect(site.hits('/robots.txt')).toHaveLength(1);
    expect(site.maxInFlight).toBeLessThanOrEqual(HOST_LIMIT);
    // The gate spaces the *grants* by the delay (Redis time). At the server, a fetcher process that
    // stalls between grant and send (a loaded CI box) can land two requests close together, so
    // the gap check allows for that jitter: single gaps may shrink, the rate may not.
    const gaps = pages.slice(1).map((r, i) => r.start - (pages[i]?.start ?? 0));
    const smallest = Math.min(...gaps);
    const tight = gaps.filter((g) => g < DELAY_MS - 10).length;
    expect(tight / gaps.length).toBeLessThan(0.15);
    const WINDOW = 20;
    for (let i = 0; i + WINDOW < pages.length; i++) {
      const spanned = (pages[i + WINDOW]?.start ?? 0) - (pages[i]?.start ?? 0);
      expect(spanned, `requests ${i}..${i + WINDOW}`).toBeGreaterThanOrEqual(WINDOW * DELAY_MS - 250);
    }
    const span = (pages.at(-1)?.start ?? 0) - (pages[0]?.start ?? 0);
    expect(span).toBeGreaterThanOrEqual((URLS - 1) * DELAY_MS - 250);
    expect((await queues.get('fetch').getJobCounts('failed'))['failed']).toBe(0);
    console.log(`politeness: ${URLS} pages in ${(span / 1000).toFixed(1)} s, smallest gap ${smallest.toFixed(1)} ms (${tight} below ${DELAY_MS - 10} ms), max in flight ${site.maxInFlight}`);
  });
});
