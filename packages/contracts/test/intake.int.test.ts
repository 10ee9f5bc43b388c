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

describe('what a queued URL costs in Redis', () => {
  it('stores the job without retention options or a duplicated URL, and a status record that reads back whole', async () => {
    const url = 'https://example.com/cost/a';
    const [r] = await submitUrls({ queues, status, now: () => new Date('2026-11-29T01:00:00.000Z') }, [{ url, submission: { source: 'rss' } }]);
    const raw = await redis.hgetall(`${prefix}:fetch:${r!.id}`);
    const opts = JSON.parse(raw['opts'] ?? '{}') as Record<string, unknown>;
    expect(opts).not.toHaveProperty('removeOnComplete');
    expect(opts).not.toHaveProperty('removeOnFail');
    expect(opts).toMatchObject({ attempts: 6, backoff: { type: 'khabar' }, priority: 6 });
    expect(JSON.parse(raw['data'] ?? '{}')).toEqual({ v: 1, id: r!.id, url, submittedAt: '2026-11-29T01:00:00.000Z', submission: { source: 'rss' } });
    expect(await redis.hgetall(status.key(r!.id))).toEqual({ url, state: 'queued', submittedAt: String(Date.parse('2026-11-29T01:00:00.000Z')), updatedAt: String(Date.parse('2026-11-29T01:00:00.000Z')) });
    expect(await status.get(r!.id)).toEqual({ id: r!.id, url, state: 'queued', stage: 'fetch', submittedAt: '2026-11-29T01:00:00.000Z', updatedAt: '2026-11-29T01:00:00.000Z', attempts: 0, error: null });
    const job = await queues.get('fetch').getJob(r!.id);
    expect(job?.data).not.toHaveProperty('submittedUrl');
  });

  it('reads records written before times were stored as epoch milliseconds', async () => {
    const id = 'f'.repeat(32);
    await redis.hset(status.key(id), { url: 'https://example.com/old', state: 'indexed', stage: 'index', submittedAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:05.000Z', attempts: '1' });
    expect(await status.get(id)).toMatchObject({ state: 'indexed', stage: 'index', submittedAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:05.000Z', attempts: 1 });
  });
});
