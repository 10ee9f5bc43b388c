import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { ApiKeyStore } from '@khabar/api-keys';
import { createApiApp, type ApiApp } from '../src/app.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';

let redis: Redis;
let api: ApiApp;
let intakeKey: string;
let searchKey: string;
const prefix = uniquePrefix('auth');

beforeAll(async () => {
  redis = testRedis();
  const store = new ApiKeyStore(redis, prefix);
  intakeKey = (await store.create('upstream-a', { scopes: ['intake'], ratePerMinute: 3 })).key;
  searchKey = (await store.create('analyst-b', { scopes: ['search'] })).key;
  api = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), auth: 'required', maxBacklog: 5 });
  await api.app.ready();
});
afterAll(async () => {
  await api.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

const post = (headers: Record<string, string>, urls: string[]) => api.app.inject({ method: 'POST', url: '/v1/urls', headers, payload: { urls } });

describe('API keys, scopes, rate limits and back-pressure', () => {
  it('answers 401 without a key or with an unknown one', async () => {
    const none = await post({}, ['https://example.com/a']);
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('KHABAR_E_UNAUTHORIZED');
    expect((await post({ 'x-api-key': 'khb_notarealkeynotarealkeynotarealkey' }, ['https://example.com/a'])).statusCode).toBe(401);
  });
  it('answers 403 outside the key\'s scopes', async () => {
    const res = await post({ 'x-api-key': searchKey }, ['https://example.com/a']);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('KHABAR_E_FORBIDDEN');
  });
  it('accepts a valid key (header or bearer) and rate limits the client with Retry-After', async () => {
    expect((await post({ 'x-api-key': intakeKey }, ['https://example.com/r1'])).statusCode).toBe(202);
    expect((await post({ authorization: `Bearer ${intakeKey}` }, ['https://example.com/r2'])).statusCode).toBe(202);
    expect((await post({ 'x-api-key': intakeKey }, ['https://example.com/r3'])).statusCode).toBe(202);
    const limited = await post({ 'x-api-key': intakeKey }, ['https://example.com/r4']);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('KHABAR_E_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
  it('answers 429 KHABAR_E_BACKPRESSURE when the fetch backlog would pass its limit, queuing nothing', async () => {
    const app = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), maxBacklog: 5 });
    const res = await app.app.inject({ method: 'POST', url: '/v1/urls', payload: { urls: ['https://example.com/b1', 'https://example.com/b2', 'https://example.com/b3'] } });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('KHABAR_E_BACKPRESSURE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await app.close();
  });
  it('leaves health, the page and /metrics open, and counts intake outcomes', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const metrics = await api.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/khabar_intake_urls_total\{[^}]*outcome="accepted"[^}]*\} 3/);
  });
});
