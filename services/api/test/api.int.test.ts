import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { QueueSet } from '@khabar/contracts';
import type { Redis } from 'ioredis';
import { createApiApp, type ApiApp } from '../src/app.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';

let redis: Redis;
let api: ApiApp;
const prefix = uniquePrefix('api');

beforeAll(async () => {
  redis = testRedis();
  api = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), bodyLimitBytes: 64 * 1024 });
  await api.app.ready();
});
afterAll(async () => {
  await api.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

const post = (payload: unknown) => api.app.inject({ method: 'POST', url: '/v1/urls', payload: payload as Record<string, unknown> });

describe('POST /v1/urls', () => {
  it('accepts one URL and derives its id from the canonical URL', async () => {
    const res = await post({ url: 'https://Example.com/news/1?utm_source=x', source: 'upstream-a', tags: ['world'] });
    expect(res.statusCode).toBe(202);
    const [item] = res.json().items;
    expect(item).toMatchObject({ canonicalUrl: 'https://example.com/news/1', outcome: 'accepted', state: 'queued' });
    expect(item.id).toMatch(/^[0-9a-f]{32}$/);
    const job = await new QueueSet({ connection: redis, prefix }).get('fetch').getJob(item.id);
    expect(job?.data).toMatchObject({ url: 'https://example.com/news/1', submission: { source: 'upstream-a', tags: ['world'] } });
  });

  it('gives the same id and no second job when the same page is submitted again', async () => {
    const a = (await post({ url: 'https://example.com/news/2' })).json().items[0];
    const b = (await post({ url: 'https://example.com/news/2#frag' })).json().items[0];
    expect(b.id).toBe(a.id);
    expect(b.outcome).toBe('known');
    const queues = new QueueSet({ connection: redis, prefix });
    const counts = await queues.get('fetch').getJobCounts('waiting', 'prioritized');
    expect((counts['waiting'] ?? 0) + (counts['prioritized'] ?? 0)).toBe(2);
    await queues.close();
  });

  it('takes batches with per-item metadata', async () => {
    const res = await post({ source: 'batch', urls: ['https://example.com/b/1', { url: 'https://example.com/b/2', priority: 9 }] });
    expect(res.statusCode).toBe(202);
    expect(res.json().items).toHaveLength(2);
  });

  it.each([
    [{ url: 'ftp://example.com/x' }, 'url'],
    [{ url: 'https://u:p@example.com/' }, 'url'],
    [{ urls: ['https://example.com/ok', 'javascript:alert(1)'] }, 'urls.1'],
    [{ urls: [] }, 'urls'],
    [{ url: 'https://example.com/', priority: 11 }, 'priority'],
    [{ url: 'https://example.com/', callbackUrl: 'https://evil.example/' }, ''],
  ])('answers 400 naming the bad field for %j', async (body, field) => {
    const res = await post(body);
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('KHABAR_E_VALIDATION');
    if (field) expect(err.problems.map((p: { field: string }) => p.field)).toContain(field);
  });

  it('answers 400 on unparseable JSON and 413 on oversize bodies', async () => {
    const bad = await api.app.inject({ method: 'POST', url: '/v1/urls', headers: { 'content-type': 'application/json' }, payload: '{"url":' });
    expect(bad.statusCode).toBe(400);
    const big = await post({ urls: Array.from({ length: 900 }, (_, i) => `https://example.com/${'x'.repeat(80)}/${i}`) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('KHABAR_E_BODY_TOO_LARGE');
  });

  it('rejects more than 1000 URLs in one batch', async () => {
    const app = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }) });
    const res = await app.app.inject({ method: 'POST', url: '/v1/urls', payload: { urls: Array.from({ length: 1001 }, (_, i) => `https://e.com/${i}`) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('at most 1000');
    await app.close();
  });
});

describe('GET /v1/urls/:id', () => {
  it('reports the state of a known URL, 404 for an unknown one, 400 for a malformed id', async () => {
    const { id } = (await post({ url: 'https://example.com/status/1' })).json().items[0];
    const res = await api.app.inject({ method: 'GET', url: `/v1/urls/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, state: 'queued', stage: 'fetch', error: null });
    expect((await api.app.inject({ method: 'GET', url: `/v1/urls/${'0'.repeat(32)}` })).statusCode).toBe(404);
    expect((await api.app.inject({ method: 'GET', url: '/v1/urls/xyz' })).statusCode).toBe(400);
  });
  it('serves health and readiness', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
