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
const REDIRECT_EVERY = 25;
/** Granularity of the test server's stamps (its heartbeat timer runs every millisecond). */
const TIMER_SLACK_MS = 1;

let site: Site;
let redis: Redis;
let prefix: string;
let dir: string;
let stack: LocalStack;
let queues: QueueSet;

beforeAll(async () => {
  // Responses take 5–45 ms, so without the gate several requests would overlap. Every 25th page
  // first redirects to another path on the same host: that hop is a request to the host too.
  site = await startSite((path) => {
    if (path === '/robots.txt') return { status: 404 };
    const n = Number(path.split('/').pop());
    if (path.startsWith('/news/') && n % REDIRECT_EVERY === 0) return { status: 301, headers: { location: `/story/${n}` } };
    return { delayMs: 5 + (n % 41) };
  });
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
      // 500 starts 25 ms apart take ~13 s; a heavily shared CI machine may need several times that.
      150_000,
      250,
    ).catch(async (err: unknown) => {
      const counts = await queues.get('fetch').getJobCounts();
      throw new Error(`${String(err)}: site saw ${site.requests.length} requests; fetch jobs ${JSON.stringify(counts)}\n${await stack.tailLogs(10)}`);
    });
    const pages = site.requests.filter((r) => r.path !== '/robots.txt');
    expect(pages).toHaveLength(URLS + URLS / REDIRECT_EVERY);
    expect(site.hits('/robots.txt')).toHaveLength(1);
    expect(site.maxInFlight).toBeLessThanOrEqual(HOST_LIMIT);
    // Every request the host saw, robots.txt included (it spends the host's budget too), in the
    // order it arrived: no two starts closer than the delay. The gate spaces requests from the
    // moment each one was written to its socket, so the only slack left is in the server's own
    // stamps: an idle server stamps a request within a millisecond or two, but on a loaded machine
    // its process may be off the CPU while a request waits in the socket, and that request is
    // stamped late by up to `lateBy` (bounded with a 1 ms heartbeat, see site.ts), which shortens
    // the gap after it. So a gap counts as kept when gap + lateBy(earlier request) >= delay - 1 ms.
    const all = [...site.requests].sort((a, b) => a.start - b.start);
    const pairs = all.slice(1).map((r, i) => ({ gap: r.start - (all[i]?.start ?? 0), lateBy: all[i]?.lateBy ?? 0, after: all[i]?.path, path: r.path }));
    const broken = pairs.filter((p) => p.gap + p.lateBy < DELAY_MS - TIMER_SLACK_MS);
    const raw = pairs.filter((p) => p.gap < DELAY_MS - TIMER_SLACK_MS).length;
    const smallest = Math.min(...pairs.map((p) => p.gap));
    const span = ((all.at(-1)?.start ?? 0) - (all[0]?.start ?? 0)) / 1000;
    console.log(
      `politeness: ${all.length} requests in ${span.toFixed(1)} s, smallest gap ${smallest.toFixed(2)} ms; ${raw} gaps under ${DELAY_MS - TIMER_SLACK_MS} ms as stamped, all after a stamp delayed by a stalled server: ${broken.length === 0}; max in flight ${site.maxInFlight}`,
    );
    expect(broken, `gaps under ${DELAY_MS - TIMER_SLACK_MS} ms not explained by a late stamp`).toEqual([]);
    expect((await queues.get('fetch').getJobCounts('failed'))['failed']).toBe(0);
  }, 180_000);
});
