import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Redis } from 'ioredis';
import { ApiKeyStore } from '@khabar/api-keys';
import { PIPELINE, QueueSet } from '@khabar/contracts';
import { createApiApp, type ApiApp } from '../src/app.ts';
import { loadConfig } from '@khabar/config';
import { apiEnv } from '../src/config.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';

const basic = (key: string, user = 'ops') => `Basic ${Buffer.from(`${user}:${key}`).toString('base64')}`;

interface BoardQueue {
  readonly name: string;
  readonly counts: Record<string, number>;
}

let redis: Redis;
let api: ApiApp;
let adminKey: string;
let intakeKey: string;
const prefix = uniquePrefix('queueui');

beforeAll(async () => {
  redis = testRedis();
  const store = new ApiKeyStore(redis, prefix);
  adminKey = (await store.create('ops', { scopes: ['search'] })).key;
  intakeKey = (await store.create('upstream-a', { scopes: ['intake'] })).key;
  api = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), auth: 'required', queueUi: { adminClients: ['ops'] } });
  await api.app.ready();
});
afterAll(async () => {
  await api.close();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('queue UI (Bull Board) behind admin credentials', () => {
  it('answers 401 with a Basic challenge without credentials or with an unknown key', async () => {
    for (const url of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/queue/fetch']) {
      const res = await api.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Basic realm="khabar-admin"/);
      expect(res.json().error.code).toBe('KHABAR_E_UNAUTHORIZED');
    }
    const unknown = await api.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { authorization: basic('khb_notarealkeynotarealkeynotarealkey') } });
    expect(unknown.statusCode).toBe(401);
  });

  it('answers 403 to a valid key of a client that is not an admin, however it is sent', async () => {
    for (const headers of [{ 'x-api-key': intakeKey }, { authorization: `Bearer ${intakeKey}` }, { authorization: basic(intakeKey) }]) {
      const res = await api.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('KHABAR_E_FORBIDDEN');
      expect(res.json().error.message).toContain('upstream-a');
    }
  });

  it('serves the board page to an admin (Basic auth, as a browser sends it)', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: basic(adminKey) } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<base href="/admin/queues/"');
    expect(res.body).toContain('Khabar queues');
    // The page's assets sit behind the same guard.
    const asset = /src="(static\/js\/[^"]+\.js)"/.exec(res.body)?.[1];
    expect(asset).toBeDefined();
    expect((await api.app.inject({ method: 'GET', url: `/admin/queues/${asset}` })).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: `/admin/queues/${asset}`, headers: { authorization: basic(adminKey) } })).statusCode).toBe(200);
  });

  it('lists every Khabar queue with the real counts from Redis', async () => {
    const submitted = await api.app.inject({
      method: 'POST',
      url: '/v1/urls',
      headers: { 'x-api-key': intakeKey },
      payload: { source: 'ui', urls: ['https://example.com/ui-1', 'https://example.com/ui-2', 'https://example.com/ui-3'] },
    });
    expect(submitted.statusCode).toBe(202);
    const queues = new QueueSet({ connection: redis, prefix });
    await queues.get('fetch').add('fetch', { poison: true }, { jobId: 'ui-delayed', delay: 3_600_000 });
    const expected = await queues.get('fetch').getJobCounts();
    await queues.close();
    // Intake gives every URL a priority, so BullMQ counts them as "prioritized" (waiting by priority).
    expect(expected['prioritized']).toBe(3);
    expect(expected['delayed']).toBe(1);

    const res = await api.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { 'x-api-key': adminKey } });
    expect(res.statusCode).toBe(200);
    const board = res.json() as { queues: BoardQueue[] };
    expect(board.queues.map((q) => q.name).sort()).toEqual([...PIPELINE].sort());
    const fetch = board.queues.find((q) => q.name === 'fetch');
    expect(fetch?.counts['prioritized']).toBe(3);
    expect(fetch?.counts['delayed']).toBe(1);
    expect(fetch?.counts).toMatchObject(expected);
    for (const q of board.queues.filter((x) => x.name !== 'fetch')) expect(Object.values(q.counts).every((n) => n === 0), q.name).toBe(true);
  });

  it('shuts a revoked admin key out at once', async () => {
    const store = new ApiKeyStore(redis, prefix);
    const { key } = await store.create('ops-temp', { scopes: ['search'] });
    const app = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }), queueUi: { adminClients: ['ops-temp'] } });
    expect((await app.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { 'x-api-key': key } })).statusCode).toBe(200);
    await store.revoke('ops-temp');
    expect((await app.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers: { 'x-api-key': key } })).statusCode).toBe(401);
    await app.close();
  });

  it('is not mounted at all without admin clients (no default credential), and KHABAR_ADMIN_CLIENTS defaults to none', async () => {
    const app = createApiApp({ redis, prefix, logger: pino({ level: 'silent' }) });
    for (const headers of [{}, { 'x-api-key': adminKey }]) {
      const res = await app.app.inject({ method: 'GET', url: '/admin/queues/api/queues', headers });
      expect(res.statusCode).toBe(404);
    }
    await app.close();
    expect(loadConfig(apiEnv, {}).KHABAR_ADMIN_CLIENTS).toEqual([]);
    expect(loadConfig(apiEnv, { KHABAR_ADMIN_CLIENTS: ' ops , alice ' }).KHABAR_ADMIN_CLIENTS).toEqual(['ops', 'alice']);
    expect(() => loadConfig(apiEnv, { KHABAR_ADMIN_CLIENTS: 'ops,bad name' })).toThrow(/KHABAR_ADMIN_CLIENTS/);
  });

  it('leaves the /v1 API and its key checks as they were', async () => {
    expect((await api.app.inject({ method: 'POST', url: '/v1/urls', payload: { url: 'https://example.com/x' } })).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'POST', url: '/v1/urls', headers: { authorization: basic(intakeKey) }, payload: { url: 'https://example.com/x' } })).statusCode).toBe(401);
  });
});
