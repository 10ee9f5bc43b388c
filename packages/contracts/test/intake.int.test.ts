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
