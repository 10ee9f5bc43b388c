import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { RetryLaterError } from '@khabar/errors';
import { QueueSet, StatusStore, fetchBacklog, submitUrls } from '../src/index.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';

let redis: Redis;
let queues: QueueSet;
let status: StatusStore;
const prefix = uniquePrefix('intake');

beforeAll(() => {
  redis = testRedis();
  queues = new QueueSet({ connection: redis, prefix });
  status = new StatusStore(redis, prefix);
});
afterAll(async () => {
  await queues.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('submitUrls', () => {
  it('is safe when the same URL is submitted 100 times at once: one id, one job', async () => {
    const url = 'https://example.com/concurrent?utm_source=a';
    const results = await Promise.all(Array.from({ length: 100 }, () => submitUrls({ queues, status }, [{ url, submission: {} }])));
    const ids = new Set(results.map((r) => r[0]!.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r[0]!.outcome === 'accepted')).toHaveLength(1);
    expect(await fetchBacklog(queues)).toBe(1);
  });

  it('refuses a batch that would push the backlog past its limit, queuing nothing (back-pressure)', async () => {
    const before = await fetchBacklog(queues);
    const items = Array.from({ length: 5 }, (_, i) => ({ url: `https://example.com/bp/${i}`, submission: {} }));
    const err = await submitUrls({ queues, status, maxBacklog: before + 4 }, items).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLaterError);
    expect((err as RetryLaterError).code).toBe('KHABAR_E_BACKPRESSURE');
    expect((err as RetryLaterError).retryAfterMs).toBeGreaterThan(0);
    expect(await fetchBacklog(queues)).toBe(before);
    await submitUrls({ queues, status, maxBacklog: before + 5 }, items);
    expect(await fetchBacklog(queues)).toBe(before + 5);
  });
});

describe('re-crawl on resubmission', () => {
  it('re-queues a known URL only once it has ended and the interval has passed', async () => {
    const url = 'https://example.com/recrawl';
    const t0 = new Date('2026-11-28T10:00:00Z');
    const [first] = await submitUrls({ queues, status, now: () => t0 }, [{ url, submission: {} }]);
    await status.set(first!.id, 'indexed', 'index');
    const soon = await submitUrls({ queues, status, recrawlAfterMs: 3_600_000, now: () => new Date() }, [{ url, submission: {} }]);
    expect(soon[0]?.outcome).toBe('known'); // updatedAt is "now": not due yet
    await redis.hset(status.key(first!.id), 'updatedAt', '2026-11-28T08:00:00.000Z');
    const later = await submitUrls({ queues, status, recrawlAfterMs: 3_600_000, now: () => t0 }, [{ url, submission: {} }]);
    expect(later[0]).toMatchObject({ outcome: 'recrawl', state: 'queued' });
    expect((await status.get(first!.id))?.state).toBe('queued');
    expect(await queues.get('fetch').getJob(first!.id)).toBeDefined();
  });
});
