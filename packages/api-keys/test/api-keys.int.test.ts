import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { ApiKeyStore, hashKey, takeRateToken } from '../src/index.ts';
import { deletePrefix, testRedis, uniquePrefix } from '../../../test/support/redis.ts';

let redis: Redis;
const prefix = uniquePrefix('keys');
beforeAll(() => {
  redis = testRedis();
});
afterAll(async () => {
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('ApiKeyStore', () => {
  it('stores only the hash, verifies the key, rotates and revokes', async () => {
    const store = new ApiKeyStore(redis, prefix);
    const { key, record } = await store.create('rss-poller', { scopes: ['intake'], ratePerMinute: 120 });
    expect(key).toMatch(/^khb_/);
    const keys = await redis.keys(`${prefix}:*`);
    for (const k of keys) expect(`${k} ${(await redis.get(k)) ?? ''}`).not.toContain(key);
    expect(keys).toContain(`${prefix}:apikey:${hashKey(key)}`);
    expect(await store.verify(key)).toEqual(record);
    expect(await store.verify(`${key.slice(0, -1)}x`)).toBeNull();

    const rotated = await store.create('rss-poller');
    expect(await store.verify(key)).toBeNull();
    expect((await store.verify(rotated.key))?.client).toBe('rss-poller');
    expect(await store.revoke('rss-poller')).toBe(true);
    expect(await store.verify(rotated.key)).toBeNull();
  });

  it('rate limits per client per minute', async () => {
    const now = Date.UTC(2026, 10, 28, 12, 0, 30);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await takeRateToken(redis, prefix, 'c1', 3, now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterS).toBe(30);
    expect((await takeRateToken(redis, prefix, 'c2', 3, now)).allowed).toBe(true);
    expect((await takeRateToken(redis, prefix, 'c1', 3, now + 31_000)).allowed).toBe(true);
  });
});
